// `external_subcommand` must be a newtype variant over `Vec<String>` or `Vec<OsString>`.
use clap::{Parser, Subcommand};

#[derive(Subcommand)]
enum Cmd {
    Known,
    #[command(external_subcommand)]
    Other(String),
}

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

fn main() {}
