//! Exercises serde_derive's documented container, variant and field attributes.
//! Each module's tests round-trip the derived impls through serde_json.

pub mod containers;
pub mod enums;
pub mod fields;
pub mod generics;
pub mod helpers;
pub mod remote;
pub mod tokens;
