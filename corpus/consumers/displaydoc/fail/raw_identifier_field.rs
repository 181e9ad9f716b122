use displaydoc::Display;

// The shorthand turns `{type}` into the expression `type`, which is a keyword.
/// kind is {type}
#[derive(Display)]
struct Token {
    r#type: u8,
}

fn main() {}
