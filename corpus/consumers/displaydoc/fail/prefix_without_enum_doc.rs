use displaydoc::Display;

#[derive(Display)]
#[prefix_enum_doc_attributes]
enum Status {
    /// ready
    Ready,
    /// busy
    Busy,
}

fn main() {}
