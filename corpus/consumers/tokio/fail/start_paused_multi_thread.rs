// `start_paused` needs the current-thread flavor.
#[tokio::test(flavor = "multi_thread", start_paused = true)]
async fn paused() {}

fn main() {}
