use displaydoc::Display;

#[derive(Display)]
enum Status {
    /// ready
    Ready,
    Busy,
}

fn main() {}
