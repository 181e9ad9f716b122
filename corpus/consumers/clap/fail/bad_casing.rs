// `rename_all` only accepts the documented casings.
use clap::Parser;

#[derive(Parser)]
#[command(rename_all = "sPoNgEbOb")]
struct Cli {
    #[arg(long)]
    some_flag: bool,
}

fn main() {}
