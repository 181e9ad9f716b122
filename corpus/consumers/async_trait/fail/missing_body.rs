use async_trait::async_trait;

#[async_trait]
trait Job {
    async fn run(&self);
}

struct Quick;

#[async_trait]
impl Job for Quick {
    async fn run(&self);
}

fn main() {}
