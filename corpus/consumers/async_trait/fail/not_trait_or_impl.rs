use async_trait::async_trait;

#[async_trait]
async fn standalone() {}

fn main() {}
