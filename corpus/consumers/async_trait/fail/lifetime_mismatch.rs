use async_trait::async_trait;

#[async_trait]
trait Pick {
    async fn pick<'a>(&self, a: &'a str, b: &str) -> &'a str;
}

struct Second;

#[async_trait]
impl Pick for Second {
    async fn pick<'a>(&self, a: &'a str, b: &str) -> &'a str {
        let _ = a;
        b
    }
}

fn main() {}
