use async_trait::async_trait;

#[async_trait]
trait Job {
    async fn run(&self) -> u8;
}

struct Quick;

#[async_trait]
impl Job for Quick {
    fn run(&self) -> u8 {
        1
    }
}

fn main() {}
