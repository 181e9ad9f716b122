// TryFrom needs #[try_from(repr)] to know what to convert from.
use derive_more::TryFrom;

#[derive(TryFrom)]
#[repr(u8)]
enum Level {
    Low,
    High,
}

fn main() {}
