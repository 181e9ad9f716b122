// `worker_threads` must be a positive integer literal.
#[tokio::main(worker_threads = 0)]
async fn zero() {}

#[tokio::main(worker_threads = "two")]
async fn text() {}

fn main() {}
