// `#[tokio::test]` already adds `#[test]`; a second one is an error.
#[tokio::test]
#[test]
async fn twice() {}

fn main() {}
