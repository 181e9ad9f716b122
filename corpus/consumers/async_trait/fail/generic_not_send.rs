use async_trait::async_trait;

async fn pause() {}

#[async_trait]
trait Hold {
    // `T` is held across an await, but nothing says it is Send.
    async fn hold<T>(&self, value: T) -> T {
        pause().await;
        value
    }
}

fn main() {}
