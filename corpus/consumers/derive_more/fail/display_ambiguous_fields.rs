// Display without a format needs exactly one field to delegate to.
use derive_more::Display;

#[derive(Display)]
struct Point {
    x: i32,
    y: i32,
}

fn main() {}
