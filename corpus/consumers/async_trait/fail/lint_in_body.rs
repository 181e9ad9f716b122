#![deny(unused_variables)]

use async_trait::async_trait;

#[async_trait]
trait Job {
    async fn run(&self, retries: u32) -> u32;
}

struct Once;

#[async_trait]
impl Job for Once {
    // The lint fires inside the rewritten body and must point at the user's code.
    async fn run(&self, retries: u32) -> u32 {
        1
    }
}

fn main() {}
