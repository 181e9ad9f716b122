//! Subcommands: named, newtype and unit variants, nested and flattened enums, external
//! subcommands, skipped variants, `defer`, and global arguments read with `from_global`.

use std::ffi::OsString;

use clap::{Args, Parser, Subcommand};

/// A version control tool.
#[derive(Parser, Debug, PartialEq)]
#[command(name = "vcs", args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Vcs {
    /// Be verbose everywhere
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// Repository path when no subcommand is given
    #[arg(long, required = true)]
    pub repo: Option<String>,

    #[command(subcommand)]
    pub command: Option<VcsCommand>,
}

#[derive(Subcommand, Debug, PartialEq)]
#[command(rename_all = "kebab-case")]
pub enum VcsCommand {
    /// Clone a repository
    #[command(alias = "cl")]
    Clone {
        /// Where from
        remote: String,
        /// Shallow depth
        #[arg(long)]
        depth: Option<u32>,
        /// Verbose, read from the global flag
        #[arg(from_global)]
        verbose: bool,
    },
    /// Push changes
    Push(PushArgs),
    /// Show the status
    ShowStatus,
    /// Stash commands
    #[command(subcommand)]
    Stash(StashCommand),
    #[command(flatten)]
    Remote(RemoteCommand),
    #[command(skip)]
    Hidden,
    #[command(external_subcommand)]
    External(Vec<OsString>),
}

#[derive(Args, Debug, PartialEq)]
pub struct PushArgs {
    /// Remote name
    #[arg(default_value = "origin")]
    pub remote: String,
    /// Force it
    #[arg(short, long)]
    pub force: bool,
}

#[derive(Subcommand, Debug, PartialEq)]
#[command(defer = true)]
pub enum StashCommand {
    /// Save the work
    Push {
        #[arg(short, long)]
        message: Option<String>,
    },
    /// Restore the work
    Pop,
}

#[derive(Subcommand, Debug, PartialEq)]
#[command(rename_all = "UPPER")]
pub enum RemoteCommand {
    /// Add a remote
    #[command(name = "remote-add", visible_alias = "ra")]
    AddRemote { name: String, url: String },
    /// Remove a remote
    RmRemote { name: String },
}

/// A tool whose subcommand is required.
#[derive(Parser, Debug, PartialEq)]
#[command(name = "tool")]
pub struct Tool {
    #[command(subcommand)]
    pub command: ToolCommand,
}

#[derive(Subcommand, Debug, PartialEq)]
#[command(rename_all = "camelCase")]
pub enum ToolCommand {
    BuildAll,
    RunTests {
        #[arg(long)]
        filter_text: Option<String>,
    },
}

/// A `Parser` derived on an enum: a multicall-style top level of subcommands.
#[derive(Parser, Debug, PartialEq)]
#[command(name = "top", defer = false)]
pub enum Top {
    /// First
    First {
        #[arg(long)]
        n: u8,
    },
    /// Second
    #[command(name = "zwei", about = "Second, renamed")]
    Second,
}
