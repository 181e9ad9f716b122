use serde::Deserialize;

// The derive reserves the lifetime name 'de for its own impl.
#[derive(Deserialize)]
struct Borrowed<'de> {
    text: &'de str,
}

fn main() {}
