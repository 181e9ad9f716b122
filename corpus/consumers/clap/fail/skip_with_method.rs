// An arg method cannot be combined with `#[arg(skip)]`.
use clap::Parser;

#[derive(Parser)]
struct Cli {
    #[arg(skip, long)]
    hidden: u32,
}

fn main() {}
