use thiserror::Error;

#[derive(Error, Debug)]
#[error("bad type: {r#type}")]
pub struct TypeError {
    r#type: String,
}

fn main() {}
