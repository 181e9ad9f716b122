// A field cannot be both formatted and skipped, and the format string must be a literal.
use derive_more::Debug;

#[derive(Debug)]
struct Secret {
    #[debug(skip)]
    #[debug("{}", 1)]
    key: u64,
}

#[derive(Debug)]
#[debug(format!("x"))]
struct Other(u8);

fn main() {}
