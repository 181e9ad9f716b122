use displaydoc::Display;

#[derive(Display)]
#[displaydoc(42)]
struct Code;

fn main() {}
