//! Generic containers: a flattened generic `Args`, a generic value type with a where-clause, a
//! generic subcommand, and a lifetime-free generic parser used through `try_parse_from`.

use std::fmt::Debug;
use std::str::FromStr;

use clap::{Args, Parser, Subcommand};

/// Wraps any `Args` with a common flag.
#[derive(Parser, Debug, PartialEq)]
#[command(name = "wrap")]
pub struct Wrapper<T: Args> {
    /// Shared flag
    #[arg(long)]
    pub shared: bool,
    #[command(flatten)]
    pub inner: T,
}

#[derive(Args, Debug, PartialEq)]
pub struct Inner {
    /// Inner count
    #[arg(long, default_value_t = 1)]
    pub count: usize,
}

/// A value of any parsable type.
#[derive(Parser, Debug, PartialEq)]
#[command(name = "val")]
pub struct Valued<V>
where
    V: FromStr + Clone + Send + Sync + 'static,
    <V as FromStr>::Err: std::error::Error + Send + Sync + 'static,
{
    /// The value
    #[arg(long, value_parser = parse_generic::<V>)]
    pub value: V,
    /// More of them
    #[arg(long, value_parser = parse_generic::<V>)]
    pub more: Vec<V>,
}

fn parse_generic<V>(s: &str) -> Result<V, <V as FromStr>::Err>
where
    V: FromStr,
{
    s.parse()
}

/// A subcommand enum over a generic payload.
#[derive(Subcommand, Debug, PartialEq)]
pub enum Action<A: Args + Debug> {
    /// Run with the payload
    Run(A),
    /// Stop
    Stop,
}

#[derive(Parser, Debug, PartialEq)]
#[command(name = "act")]
pub struct WithAction<A: Args + Debug> {
    #[command(subcommand)]
    pub action: Action<A>,
}
