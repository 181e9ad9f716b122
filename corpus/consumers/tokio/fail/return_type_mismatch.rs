// The body's value is checked against the declared return type.
#[tokio::main(flavor = "current_thread")]
async fn wrong() -> u32 {
    "not a number"
}

fn main() {}
