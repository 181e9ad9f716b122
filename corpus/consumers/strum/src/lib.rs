//! Exercises the derives of strum_macros 0.28 (through strum with the "derive" feature) and their
//! `#[strum(...)]` options. Each module holds the enums and a `tests` module checking the
//! generated code's behaviour.
#![allow(dead_code)]

mod listing;
mod metadata;
mod strings;

/// Re-export used to check `#[strum(crate = "...")]`.
pub mod reexport {
    pub use strum;
}
