// Unaligned enums must be repr(u8) or repr(i8); Unaligned structs need repr(C), transparent or
// packed.
use zerocopy::Unaligned;

#[derive(Unaligned)]
#[repr(u16)]
enum Wide {
    A,
    B,
}

#[derive(Unaligned)]
struct NoRepr {
    byte: u8,
}

fn main() {}
