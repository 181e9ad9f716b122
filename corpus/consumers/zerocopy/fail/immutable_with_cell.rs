// A type with interior mutability cannot be Immutable.
use core::cell::Cell;
use zerocopy::Immutable;

#[derive(Immutable)]
struct Counter {
    hits: Cell<u32>,
}

fn main() {}
