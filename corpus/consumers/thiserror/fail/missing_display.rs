use thiserror::Error;

#[derive(Error, Debug)]
pub enum ConfigError {
    #[error("file not found")]
    NotFound,
    Corrupt { line: usize },
}

fn main() {}
