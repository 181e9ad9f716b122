use thiserror::Error;

#[derive(Error, Debug)]
pub enum LoadError {
    #[error("io failure at {path}")]
    Io {
        #[from]
        source: std::io::Error,
        path: String,
    },
}

fn main() {}
