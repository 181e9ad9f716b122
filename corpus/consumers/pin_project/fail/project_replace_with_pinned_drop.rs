// `project_replace` cannot be combined with `PinnedDrop`.
use std::pin::Pin;

use pin_project::{pin_project, pinned_drop};

#[pin_project(PinnedDrop, project_replace)]
struct S {
    #[pin]
    f: u8,
}

#[pinned_drop]
impl PinnedDrop for S {
    fn drop(self: Pin<&mut Self>) {}
}

fn main() {}
