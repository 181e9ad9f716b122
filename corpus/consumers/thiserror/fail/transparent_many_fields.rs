use thiserror::Error;

#[derive(Error, Debug)]
#[error(transparent)]
pub struct Opaque {
    inner: std::io::Error,
    context: String,
}

fn main() {}
