// Misspelled options are rejected with the list of expected ones; EnumTable rejects data
// variants.
use strum::{Display, EnumTable};

#[derive(Display)]
enum Animal {
    #[strum(serialise = "doggo")]
    Dog,
    Cat,
}

#[derive(EnumTable)]
enum Slot {
    Empty,
    Full(u8),
}

fn main() {}
