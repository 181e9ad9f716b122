use displaydoc::Display;

/// a union
#[derive(Display)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
