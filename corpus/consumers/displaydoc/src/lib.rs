//! Exercises displaydoc's documented `#[derive(Display)]` features: doc-comment formats with
//! field shorthands, `#[ignore_extra_doc_attributes]`, `#[prefix_enum_doc_attributes]`,
//! `#[displaydoc("...")]` overrides, generics and enums.

pub mod enums;
pub mod generics;
pub mod structs;
pub mod tokens;
