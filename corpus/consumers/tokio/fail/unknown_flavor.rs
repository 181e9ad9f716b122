// Only the documented flavors are accepted.
#[tokio::main(flavor = "green_threads")]
async fn run() {}

fn main() {}
