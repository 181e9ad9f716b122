//! Exercises async-trait's documented features: async fns in traits and impls (Send and ?Send),
//! every kind of `self`, default methods, generics, lifetimes, associated types, where-clauses and
//! use through `dyn Trait`. Tests drive the futures with the small executor in `executor`.

pub mod executor;
pub mod generics;
pub mod local;
pub mod receivers;
pub mod tokens;
