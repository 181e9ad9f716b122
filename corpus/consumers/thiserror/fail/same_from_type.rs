use thiserror::Error;

// Two `#[from]` on the same source type: the two generated `From` impls conflict, and the error
// points at the `#[from]` attributes.
#[derive(Error, Debug)]
pub enum LoadError {
    #[error("reading")]
    Read(#[from] std::io::Error),
    #[error("writing")]
    Write(#[from] std::io::Error),
}

fn main() {}
