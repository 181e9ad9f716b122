use async_trait::async_trait;

#[async_trait(Send)]
trait Job {
    async fn run(&self);
}

fn main() {}
