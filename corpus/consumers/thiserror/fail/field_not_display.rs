use thiserror::Error;

pub struct Opaque;

#[derive(Error, Debug)]
#[error("cannot handle {0} at {pos}")]
pub struct HandleError(Opaque, #[source] std::io::Error, usize);

impl std::fmt::Debug for Opaque {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("Opaque")
    }
}

fn main() {}
