// A repr(C) struct with padding between its fields cannot be IntoBytes.
use zerocopy::{Immutable, IntoBytes};

#[derive(IntoBytes, Immutable)]
#[repr(C)]
struct Padded {
    small: u8,
    large: u32,
}

fn main() {}
