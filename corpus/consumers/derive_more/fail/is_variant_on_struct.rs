// IsVariant only makes sense on enums.
use derive_more::IsVariant;

#[derive(IsVariant)]
struct Single(u8);

fn main() {}
