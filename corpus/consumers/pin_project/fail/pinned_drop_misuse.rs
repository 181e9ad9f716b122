// #[pinned_drop] errors: no PinnedDrop argument, `unsafe impl`, wrong receiver, missing drop.
use std::pin::Pin;

use pin_project::{pin_project, pinned_drop};

#[pin_project]
struct NotOptedIn {
    #[pin]
    f: u8,
}

#[pinned_drop]
impl PinnedDrop for NotOptedIn {
    fn drop(self: Pin<&mut Self>) {}
}

#[pin_project(PinnedDrop)]
struct Unsafe {
    #[pin]
    f: u8,
}

#[pinned_drop]
unsafe impl PinnedDrop for Unsafe {
    fn drop(self: Pin<&mut Self>) {}
}

#[pin_project(PinnedDrop)]
struct WrongReceiver {
    #[pin]
    f: u8,
}

#[pinned_drop]
impl PinnedDrop for WrongReceiver {
    fn drop(&mut self) {}
}

#[pin_project(PinnedDrop)]
struct Missing {
    #[pin]
    f: u8,
}

#[pinned_drop]
impl PinnedDrop for Missing {}

fn main() {}
