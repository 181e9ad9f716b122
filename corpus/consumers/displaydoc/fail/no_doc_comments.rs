use displaydoc::Display;

#[derive(Display)]
enum Status {
    Ready,
    Busy,
}

fn main() {}
