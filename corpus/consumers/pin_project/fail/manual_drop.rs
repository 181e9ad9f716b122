// A plain `Drop` impl is rejected; `PinnedDrop` with `#[pinned_drop]` must be used.
use pin_project::pin_project;

#[pin_project]
struct Wrapper<T> {
    #[pin]
    inner: T,
}

impl<T> Drop for Wrapper<T> {
    fn drop(&mut self) {}
}

fn main() {}
