// The function under `#[tokio::main]` must be `async`.
#[tokio::main]
fn run() -> u8 {
    1
}

fn main() {}
