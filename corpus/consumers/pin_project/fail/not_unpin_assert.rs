// `!Unpin` really removes `Unpin`: moving out with Pin::get_mut does not type-check.
use std::pin::Pin;

use pin_project::pin_project;

#[pin_project(!Unpin)]
struct Never {
    f: u8,
}

fn take(p: Pin<&mut Never>) -> &mut Never {
    Pin::get_mut(p)
}

fn main() {}
