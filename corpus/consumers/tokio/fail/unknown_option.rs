// Unknown options, and the old `core_threads` name, are rejected.
#[tokio::main(threads = 2)]
async fn run() {}

#[tokio::main(core_threads = 2)]
async fn run_old() {}

fn main() {}

#[tokio::main(flavor)]
async fn no_value() {}

#[tokio::test(current_thread)]
async fn old_style() {}
