//! Generic errors: thiserror infers `Display`/`Debug`/`Error` bounds from how fields are used.

use std::error::Error as StdError;
use std::fmt::{self, Debug, Display};
use thiserror::Error;

/// `{0}` needs `T: Display`, `{1:?}` needs `U: Debug`; the derive adds those bounds to the impl.
#[derive(Error, Debug)]
#[error("display {0}, debug {1:?}")]
pub struct Inferred<T, U>(pub T, pub U);

/// A generic source: the `Error` impl requires `E: Error + 'static`.
#[derive(Error, Debug)]
pub enum Wrapped<E> {
    #[error("wrapped: {0}")]
    Inner(#[source] E),
    #[error("other")]
    Other,
}

#[derive(Error, Debug)]
#[error(transparent)]
pub struct TransparentGeneric<E>(#[from] pub E);

/// Explicit where-clauses and bounds on the type are kept.
#[derive(Error)]
#[error("items: {items:?} ({count})")]
pub struct WhereClause<T>
where
    T: Debug + Clone,
{
    pub items: Vec<T>,
    pub count: usize,
}

impl<T: Debug + Clone> Debug for WhereClause<T> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("WhereClause")
    }
}

/// Lifetimes on non-source fields are fine.
#[derive(Error, Debug)]
pub enum Borrowing<'a, T: Display + Debug> {
    #[error("bad name {0:?}")]
    Name(&'a str),
    #[error("bad value {value} for {key}")]
    Value { key: &'a str, value: T },
}

/// A type parameter used only in a `fmt = path` function and in `PhantomData`.
#[derive(Error)]
pub enum Tagged<T> {
    #[error(fmt = describe::<T>)]
    Tag(std::marker::PhantomData<T>),
}

fn describe<T>(_: &std::marker::PhantomData<T>, f: &mut fmt::Formatter) -> fmt::Result {
    f.write_str(std::any::type_name::<T>())
}

impl<T> Debug for Tagged<T> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("Tagged")
    }
}

/// Const generics.
#[derive(Error, Debug)]
#[error("buffer of {N} overflowed at {0}")]
pub struct Overflow<const N: usize>(pub usize);

/// Source behind a generic box.
#[derive(Error, Debug)]
#[error("dyn source")]
pub struct DynSource<E: StdError + 'static> {
    pub source: Box<E>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct NotDisplay;

    #[test]
    fn generic_inferred_bounds() {
        let e = Inferred(1u8, NotDisplay);
        assert_eq!(e.to_string(), "display 1, debug NotDisplay");
        let _: &dyn StdError = &e;
    }

    #[test]
    fn generic_source() {
        let e: Wrapped<std::fmt::Error> = Wrapped::Inner(std::fmt::Error);
        assert_eq!(e.to_string(), "wrapped: an error occurred when formatting an argument");
        assert!(e.source().is_some());
        assert!(Wrapped::<std::fmt::Error>::Other.source().is_none());
    }

    #[test]
    fn generic_transparent() {
        let e: TransparentGeneric<std::fmt::Error> = std::fmt::Error.into();
        assert_eq!(e.to_string(), "an error occurred when formatting an argument");
    }

    #[test]
    fn generic_where_clause() {
        let e = WhereClause { items: vec!['a'], count: 1 };
        assert_eq!(e.to_string(), "items: ['a'] (1)");
    }

    #[test]
    fn generic_lifetimes() {
        let key = String::from("k");
        let e: Borrowing<'_, f32> = Borrowing::Value { key: &key, value: 0.5 };
        assert_eq!(e.to_string(), "bad value 0.5 for k");
        assert_eq!(Borrowing::<u8>::Name("n").to_string(), r#"bad name "n""#);
    }

    #[test]
    fn generic_fmt_path() {
        let e = Tagged::<u16>::Tag(std::marker::PhantomData);
        assert_eq!(e.to_string(), "u16");
    }

    #[test]
    fn generic_const() {
        assert_eq!(Overflow::<16>(17).to_string(), "buffer of 16 overflowed at 17");
    }

    #[test]
    fn generic_bounded_source() {
        let e = DynSource { source: Box::new(std::fmt::Error) };
        assert!(e.source().is_some());
    }
}
