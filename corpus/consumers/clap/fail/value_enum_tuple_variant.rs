// `#[derive(ValueEnum)]` only supports unit variants unless they are skipped.
use clap::ValueEnum;

#[derive(ValueEnum, Clone)]
enum Color {
    Red,
    Custom(u8, u8, u8),
}

fn main() {}
