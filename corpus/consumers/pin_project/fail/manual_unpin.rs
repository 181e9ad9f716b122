// A manual `Unpin` impl conflicts with the one the attribute generates; `UnsafeUnpin` is the way.
use pin_project::pin_project;

#[pin_project]
struct Wrapper<T> {
    #[pin]
    inner: T,
}

impl<T> Unpin for Wrapper<T> {}

fn main() {}
