use thiserror::Error;

#[derive(Error, Debug)]
#[error("inner")]
pub struct Inner<'a>(&'a str);

#[derive(Error, Debug)]
#[error("outer")]
pub struct Outer<'a> {
    #[source]
    cause: Inner<'a>,
}

fn main() {}
