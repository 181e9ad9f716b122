// `unhandled_panic` (tokio_unstable) is checked by the macro: it needs the current-thread flavor
// and one of the documented behaviours.
#[tokio::main(flavor = "multi_thread", unhandled_panic = "shutdown_runtime")]
async fn wrong_flavor() {}

#[tokio::test(unhandled_panic = "explode")]
async fn wrong_behaviour() {}

fn main() {}
