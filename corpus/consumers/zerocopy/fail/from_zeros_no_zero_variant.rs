// FromZeros on an enum needs a variant whose discriminant is zero.
use zerocopy::FromZeros;

#[derive(FromZeros)]
#[repr(u8)]
enum Nonzero {
    One = 1,
    Two = 2,
}

fn main() {}
