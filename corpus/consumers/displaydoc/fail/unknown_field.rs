use displaydoc::Display;

/// value is {valu}
#[derive(Display)]
struct Reading {
    value: u32,
}

fn main() {}
