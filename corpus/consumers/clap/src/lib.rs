//! Exercises clap_derive through `clap` with only the `derive` feature: the `Parser`, `Args`,
//! `Subcommand` and `ValueEnum` derives and the documented `#[command]`, `#[arg]`, `#[group]` and
//! `#[value]` options. The tests parse argument lists with `try_parse_from` and render help text,
//! so they check what the generated `CommandFactory`/`FromArgMatches` code actually builds.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, ValueEnum};

pub mod cargo_env;
pub mod commands;
pub mod generic;

/// Copies files between places.
///
/// The long description only shows with `--help`,
/// and its lines are joined into one paragraph.
#[derive(Parser, Debug, PartialEq)]
#[command(name = "copier", version = "0.1.0", author = "Copier Author", next_display_order = 10)]
pub struct Copier {
    /// Source file
    pub source: PathBuf,

    /// Destination file, `-` for standard output
    #[arg(default_value = "-")]
    pub dest: String,

    /// Makes the copy louder (repeatable)
    #[arg(short, long, action = ArgAction::Count)]
    pub verbose: u8,

    /// Do not keep file times
    #[arg(long = "no-times", action = ArgAction::SetFalse)]
    pub keep_times: bool,

    /// Block size in KiB
    #[arg(short = 'b', long, default_value_t = 64, value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub block: u32,

    /// Files to skip
    #[arg(short = 'x', long = "exclude", value_name = "PATTERN")]
    pub excludes: Vec<String>,

    /// How to treat holes
    #[arg(long, value_enum, default_value_t = Holes::Keep)]
    pub holes: Holes,

    /// Dry run: print what would be copied
    #[arg(short = 'n', long)]
    pub dry_run: bool,

    /// Optional label for the log
    #[arg(long)]
    pub label: Option<String>,

    /// Compression level; `--compress` alone means the default level
    #[arg(long)]
    pub compress: Option<Option<u8>>,

    #[arg(skip = 7u32)]
    pub internal: u32,

    #[arg(skip)]
    pub skipped_default: Vec<u8>,
}

/// What the copier does with sparse regions.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holes {
    /// Keep holes as holes
    Keep,
    /// Write zeroes instead
    #[value(name = "fill", alias = "zero")]
    FillWithZeroes,
    /// Leave it to the file system
    #[value(help = "Let the file system decide")]
    Auto,
    #[value(skip)]
    Unknown,
}

/// Short about from the doc comment; `about`/`long_about` override it.
#[derive(Parser, Debug)]
#[command(name = "explicit", about = "An explicit about", long_about = None, version = "9.8.7")]
pub struct ExplicitAbout {
    /// Explicit help wins over this comment
    #[arg(long, help = "explicit help", long_help = "explicit long help")]
    pub thing: Option<String>,
}

/// Keeps   this    spacing.
///
///   Indented line stays indented.
/// Next line is not joined.
#[derive(Parser, Debug)]
#[command(name = "verbatim", verbatim_doc_comment)]
pub struct Verbatim {
    /// Option help
    ///
    /// with a long part:
    ///   - kept as written
    #[arg(long, verbatim_doc_comment)]
    pub opt: Option<u8>,

    /// First paragraph.
    ///
    /// Second paragraph only in --help.
    #[arg(long, long_help)]
    pub other: Option<u8>,
}

/// Options shared by several tools, flattened into them.
#[derive(Args, Debug, PartialEq, Default)]
#[command(next_help_heading = "Network")]
pub struct NetOpts {
    /// Host to connect to
    #[arg(long, default_value = "localhost")]
    pub host: String,
    /// Port to connect to
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
}

/// A mutually exclusive group: exactly one of the inputs is required.
#[derive(Args, Debug, PartialEq)]
#[group(id = "input", required = true, multiple = false)]
pub struct Input {
    /// Read from this file
    #[arg(long)]
    pub file: Option<PathBuf>,
    /// Read this literal text
    #[arg(long)]
    pub text: Option<String>,
    #[arg(skip = true)]
    pub not_an_arg: bool,
}

/// `#[group(skip)]`: no implicit group is made for this struct, so its id stays free.
#[derive(Args, Debug, PartialEq)]
#[group(skip)]
pub struct Ungrouped {
    /// Free-standing flag
    #[arg(long)]
    pub loose: bool,
}

/// Uses flatten, groups and relations between arguments.
#[derive(Parser, Debug, PartialEq)]
#[command(name = "net", rename_all = "snake_case", rename_all_env = "kebab-case")]
#[command(group = clap::ArgGroup::new("levels").required(true).multiple(false))]
pub struct Net {
    #[command(flatten)]
    pub net: NetOpts,

    #[command(flatten, next_help_heading = "Input")]
    pub input: Input,

    /// Output format
    #[arg(long, conflicts_with = "quiet_mode")]
    pub output_format: Option<String>,

    /// Quiet mode
    #[arg(long)]
    pub quiet_mode: bool,

    /// User name, needs a password
    #[arg(long, requires = "password")]
    pub user: Option<String>,

    /// Password
    #[arg(long)]
    pub password: Option<String>,

    /// Retries (needed when --mode=retry)
    #[arg(long, required_if_eq("mode", "RETRY"))]
    pub retries: Option<u8>,

    /// Mode
    #[arg(long, value_enum, rename_all = "UPPER")]
    pub mode: Option<Mode>,

    /// Level, or an id: one of them is required
    #[arg(long, group = "levels")]
    pub level: Option<u8>,

    /// Id set explicitly
    #[arg(id = "the-id", long = "idarg", group = "levels")]
    pub with_id: Option<String>,

    #[command(flatten)]
    pub ungrouped: Ungrouped,
}

/// Connection mode.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
#[value(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Mode {
    Once,
    Retry,
    RetryForever,
}

/// The remaining casings of `rename_all`, one enum each.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
#[value(rename_all = "PascalCase")]
#[allow(non_camel_case_types)]
pub enum Pascal {
    FirstValue,
    second_value,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
#[value(rename_all = "lower")]
pub enum Lower {
    FirstValue,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
#[value(rename_all = "verbatim")]
#[allow(non_camel_case_types)]
pub enum Verbatim_ {
    FirstValue,
    second_Value,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
#[value(rename_all = "camelCase")]
pub enum Camel {
    FirstValue,
}

/// Multiple values and value types.
#[derive(Parser, Debug, PartialEq)]
#[command(name = "vals")]
pub struct Values {
    /// Exactly two coordinates
    #[arg(long, num_args = 2, value_names = ["X", "Y"])]
    pub point: Option<Vec<i32>>,

    /// One to three tags per occurrence
    #[arg(short, long, num_args = 1..=3)]
    pub tags: Vec<String>,

    /// Default list
    #[arg(long, default_values_t = vec![1u8, 2, 3])]
    pub levels: Vec<u8>,

    /// Default list of enum values
    #[arg(long, value_enum, default_values_t = [Mode::Once, Mode::Retry])]
    pub modes: Vec<Mode>,

    /// Default OS string
    #[arg(long, default_value_os_t = PathBuf::from("/tmp"))]
    pub dir: PathBuf,

    /// Default OS string list
    #[arg(long, default_values_os_t = vec![OsString::from("a"), OsString::from("b")])]
    pub raw: Vec<OsString>,

    /// Default from Default::default()
    #[arg(long, default_value_t)]
    pub zero: i64,

    /// Default OS value from Default::default()
    #[arg(long, default_value_os_t)]
    pub empty_os: OsString,

    /// Parsed by a function
    #[arg(long, value_parser = parse_key_value)]
    pub define: Vec<(String, String)>,

    /// Separated by commas
    #[arg(long, value_delimiter = ',')]
    pub list: Vec<u16>,

    /// Trailing arguments
    #[arg(last = true)]
    pub rest: Vec<String>,

    /// Unit field: user-defined action
    #[arg(long, action = ArgAction::Help)]
    pub assist: (),
}

fn parse_key_value(s: &str) -> Result<(String, String), String> {
    let (k, v) = s.split_once('=').ok_or_else(|| format!("no `=` in `{s}`"))?;
    Ok((k.to_owned(), v.to_owned()))
}

/// Bare `value_parser` and `action` (the type's defaults, made explicit), an optional flattened
/// group, and a hidden argument.
#[derive(Parser, Debug, PartialEq)]
#[command(name = "extras", about = None, long_about = None)]
pub struct Extras {
    /// Count, parsed by the default parser for `u16`
    #[arg(long, value_parser, action)]
    pub count: Option<u16>,

    /// Flag with the default action for `bool`
    #[arg(long, action)]
    pub on: bool,

    #[command(flatten)]
    pub net: Option<NetOpts>,

    /// Not shown in help
    #[arg(long, hide = true)]
    pub secret: Option<String>,
}

/// The deprecated `#[clap(...)]` spelling is still accepted.
#[derive(Parser, Debug, PartialEq)]
#[clap(name = "legacy")]
pub struct Legacy {
    #[clap(short, long)]
    pub flag: bool,
}

#[cfg(test)]
mod tests;
