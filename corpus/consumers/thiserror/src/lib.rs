//! Exercises thiserror's documented `#[derive(Error)]` features: `#[error(...)]` formats and
//! shorthands, extra format arguments, `#[source]`, `#[from]`, `transparent`, `fmt = path`,
//! generics and lifetimes, on structs and enums.

pub mod display;
pub mod generics;
pub mod sources;
pub mod tokens;
