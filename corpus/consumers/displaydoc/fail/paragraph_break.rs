use displaydoc::Display;

/// first paragraph
///
/// second paragraph, rejected without #[ignore_extra_doc_attributes]
#[derive(Display)]
struct Message;

fn main() {}
