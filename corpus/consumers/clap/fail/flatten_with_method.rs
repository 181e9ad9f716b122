// Arg methods cannot be applied to a flattened field.
use clap::{Args, Parser};

#[derive(Args)]
struct Common {
    #[arg(long)]
    quiet: bool,
}

#[derive(Parser)]
struct Cli {
    #[command(flatten, display_order = 3)]
    common: Common,
}

fn main() {}
