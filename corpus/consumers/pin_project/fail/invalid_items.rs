// Unsupported items: enums with discriminants, packed structs, unions, duplicate #[pin].
use pin_project::pin_project;

#[pin_project(project = DiscProj)]
enum Disc {
    A = 1,
    B = 2,
}

#[pin_project]
#[repr(packed)]
struct Packed {
    #[pin]
    f: u32,
}

#[pin_project]
union U {
    f: u8,
}

#[pin_project]
struct Twice {
    #[pin]
    #[pin]
    f: u8,
}

fn main() {}
