//! Exercises the derives of zerocopy-derive 0.8 (through zerocopy with the "derive" feature):
//! structs with each representation, enums, unions, generics and dynamically sized types, and
//! tests checking the byte-level behaviour of what the derives allow.
#![allow(dead_code)]

mod enums;
mod structs;
mod unsized_types;
