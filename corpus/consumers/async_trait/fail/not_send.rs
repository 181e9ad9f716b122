use async_trait::async_trait;
use std::rc::Rc;

async fn pause() {}

// Without `?Send` the generated future must be Send, and an Rc held across `.await` is not.
#[async_trait]
trait Job {
    async fn run(&self) -> usize {
        let shared = Rc::new(5);
        pause().await;
        *shared
    }
}

fn main() {}
