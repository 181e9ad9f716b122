// AsRef is only supported for structs.
use derive_more::AsRef;

#[derive(AsRef)]
enum Either {
    Left(String),
    Right(String),
}

fn main() {}
