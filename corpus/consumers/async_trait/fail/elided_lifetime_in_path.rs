use async_trait::async_trait;

type Elided<'a> = &'a usize;

#[async_trait]
trait Test {
    async fn test(_not_okay: Elided, _okay: &usize) {}
}

fn main() {}
