// #[strum(default)] needs a variant with a single field to capture the input.
use strum::EnumString;

#[derive(EnumString)]
enum Choice {
    First,
    #[strum(default)]
    Fallback,
}

fn main() {}
