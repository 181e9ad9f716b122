//! Exercises the derives of derive_more 2 (feature "full"), grouped by kind. Each module holds the
//! types deriving the macros and a `tests` module checking what the generated code does.
#![allow(dead_code)]

mod conversions;
mod errors;
mod formatting;
mod methods;
mod operators;
mod wrappers;
