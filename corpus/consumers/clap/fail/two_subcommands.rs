// A container may hold only one `#[command(subcommand)]` field.
use clap::{Parser, Subcommand};

#[derive(Subcommand)]
enum Cmd {
    Run,
}

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    first: Cmd,
    #[command(subcommand)]
    second: Cmd,
}

fn main() {}
