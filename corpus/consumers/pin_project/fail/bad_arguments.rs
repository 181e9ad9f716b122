// Argument errors: unknown argument, missing name, duplicates, and a name equal to the type.
use pin_project::pin_project;

#[pin_project(Unknown)]
struct A {
    #[pin]
    f: u8,
}

#[pin_project(project)]
struct B {
    #[pin]
    f: u8,
}

#[pin_project(PinnedDrop, PinnedDrop)]
struct C {
    #[pin]
    f: u8,
}

#[pin_project(project = D)]
struct D {
    #[pin]
    f: u8,
}

#[pin_project(!Unpin, UnsafeUnpin)]
struct E {
    #[pin]
    f: u8,
}

fn main() {}
