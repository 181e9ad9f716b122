// Representations zerocopy cannot reason about are rejected where they are written.
use zerocopy::{IntoBytes, KnownLayout, TryFromBytes};

#[derive(TryFromBytes, IntoBytes, KnownLayout)]
#[repr(C, u8)]
enum Tagged {
    Short(u8),
    Pair(u8),
}

#[derive(IntoBytes)]
#[repr(transparent, align(4))]
struct Weird(u32);

fn main() {}
