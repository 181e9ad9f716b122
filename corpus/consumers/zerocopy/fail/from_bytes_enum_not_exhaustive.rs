// FromBytes on an enum requires every discriminant of its repr to be used.
use zerocopy::FromBytes;

#[derive(FromBytes)]
#[repr(u8)]
enum Small {
    A,
    B,
    C,
}

fn main() {}
