// Unwrap cannot produce a value for a variant with named fields: the derive panics.
use derive_more::Unwrap;

#[derive(Unwrap)]
enum Message {
    Ping(u32),
    Move { x: i32, y: i32 },
}

fn main() {}
