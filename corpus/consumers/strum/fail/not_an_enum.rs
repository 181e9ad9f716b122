// The string derives only support enums.
use strum::EnumString;

#[derive(EnumString)]
struct Config {
    verbose: bool,
}

fn main() {}
