use async_trait::async_trait;

#[async_trait]
trait Make {
    async fn make() -> Self;
}

struct Pair(u8, u8);

#[async_trait]
impl Make for Pair {
    async fn make() -> Self {
        // The error should point at `Self` here, inside the rewritten body.
        Self(1, "two")
    }
}

fn main() {}
