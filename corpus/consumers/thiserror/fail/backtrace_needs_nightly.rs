// A `Backtrace` field makes thiserror generate `Error::provide`, which needs a nightly compiler.
use std::backtrace::Backtrace;
use thiserror::Error;

#[derive(Error, Debug)]
#[error("with backtrace")]
pub struct Traced {
    msg: String,
    backtrace: Backtrace,
}

fn main() {}
