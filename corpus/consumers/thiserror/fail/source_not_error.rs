use thiserror::Error;

#[derive(Debug)]
pub struct NotAnError;

#[derive(Error, Debug)]
#[error("wrapper")]
pub struct Wrapper {
    #[source]
    cause: NotAnError,
}

fn main() {}
