// Enums need an explicit representation for TryFromBytes and IntoBytes.
use zerocopy::{IntoBytes, TryFromBytes};

#[derive(TryFromBytes, IntoBytes)]
enum Direction {
    Up,
    Down,
}

fn main() {}
