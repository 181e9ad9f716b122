// `default_values_t` needs a `Vec<T>` field.
use clap::Parser;

#[derive(Parser)]
struct Cli {
    #[arg(long, default_values_t = [1, 2])]
    level: u8,
}

fn main() {}
