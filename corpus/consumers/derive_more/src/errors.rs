//! Error (with Display and From, as usually combined): how `source()` is chosen.

use std::backtrace::Backtrace;

use derive_more::{Display, Error, From};

pub type Aliased<T> = Option<T>;

#[derive(Default, Debug, Display, Error)]
pub struct Leaf;

/// A field named `source` is the source.
#[derive(Default, Debug, Display, Error)]
#[display("named source")]
pub struct NamedSource {
    source: Leaf,
}

/// An `Option` source field.
#[derive(Default, Debug, Display, Error)]
#[display("optional")]
pub struct OptionalSource {
    source: Option<Leaf>,
}

/// `#[error(source)]` on a field with another name.
#[derive(Default, Debug, Display, Error)]
#[display("explicit")]
pub struct ExplicitSource {
    #[error(source)]
    cause: Leaf,
    code: u8,
}

/// `#[error(source(optional))]` for an Option hidden behind an alias.
#[derive(Default, Debug, Display, Error)]
#[display("aliased")]
pub struct AliasedSource(#[error(source(optional))] Aliased<Leaf>);

/// A single tuple field is the source.
#[derive(Default, Debug, Display, Error)]
#[display("tuple")]
pub struct TupleSource(Leaf);

/// `#[error(not(source))]` on the single tuple field.
#[derive(Default, Debug, Display, Error)]
pub struct NotSource(#[error(not(source))] u32);

/// A field named `source` ignored with `#[error(ignore)]`.
#[derive(Default, Debug, Display, Error)]
#[display("ignored")]
pub struct IgnoredSource {
    #[error(ignore)]
    source: u32,
}

/// A `backtrace` field next to a source; a tuple struct with a `Backtrace` field; explicit
/// `#[error(backtrace)]` and `#[error(not(backtrace))]`.
#[derive(Debug, Display, Error)]
#[display("with backtrace")]
pub struct WithBacktrace {
    source: Leaf,
    backtrace: Backtrace,
}

#[derive(Debug, Display, Error)]
#[display("tuple backtrace")]
pub struct TupleBacktrace(Leaf, Backtrace);

#[derive(Debug, Display, Error)]
#[display("explicit backtrace")]
pub struct ExplicitBacktrace {
    #[error(backtrace)]
    trace: Backtrace,
    #[error(source, not(backtrace))]
    cause: Leaf,
}

/// Generic error: the source type gets an Error bound.
#[derive(Debug, Display, Error)]
#[display("generic: {source}")]
pub struct GenericError<E> {
    source: E,
}

/// An enum: each variant is handled like a struct.
#[derive(Debug, Display, Error, From)]
pub enum AppError {
    Plain,
    #[display("io")]
    Io { source: Leaf },
    #[display("maybe")]
    Maybe { source: Option<Leaf> },
    Wrapped(NamedSource),
    #[display("code {_0}")]
    #[from(ignore)]
    Code(#[error(not(source))] i32),
    #[display("explicit {detail}")]
    #[from(ignore)]
    Explicit {
        #[error(source)]
        inner: ExplicitSource,
        detail: &'static str,
    },
    #[display("skipped")]
    #[error(ignore)]
    #[from(ignore)]
    Skipped(Leaf),
    #[display("aliased")]
    #[from(ignore)]
    Aliased {
        #[error(source(optional))]
        inner: Aliased<Leaf>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn error_no_source() {
        assert!(Leaf.source().is_none());
        assert_eq!(Leaf.to_string(), "Leaf");
        assert!(NotSource(3).source().is_none());
        assert!(IgnoredSource { source: 1 }.source().is_none());
    }

    #[test]
    fn error_named_source_field() {
        let e = NamedSource::default();
        assert_eq!(e.source().unwrap().to_string(), "Leaf");
    }

    #[test]
    fn error_optional_source() {
        assert!(OptionalSource { source: Some(Leaf) }.source().is_some());
        assert!(OptionalSource { source: None }.source().is_none());
        assert!(AliasedSource(Some(Leaf)).source().is_some());
        assert!(AliasedSource(None).source().is_none());
    }

    #[test]
    fn error_explicit_and_tuple_source() {
        let e = ExplicitSource::default();
        assert!(e.source().is_some());
        assert_eq!(e.code, 0);
        assert!(TupleSource::default().source().is_some());
    }

    #[test]
    fn error_backtrace_fields() {
        let w = WithBacktrace { source: Leaf, backtrace: Backtrace::disabled() };
        assert!(w.source().is_some());
        let t = TupleBacktrace(Leaf, Backtrace::disabled());
        assert!(t.source().is_some());
        let e = ExplicitBacktrace { trace: Backtrace::disabled(), cause: Leaf };
        assert!(e.source().is_some());
    }

    #[test]
    fn error_generic() {
        let g = GenericError { source: Leaf };
        assert_eq!(g.to_string(), "generic: Leaf");
        assert!(g.source().is_some());
    }

    #[test]
    fn error_enum_variants() {
        assert!(AppError::Plain.source().is_none());
        assert_eq!(AppError::Plain.to_string(), "Plain");
        assert!(AppError::from(Leaf).source().is_some());
        assert!(AppError::from(Some(Leaf)).source().is_some());
        assert!(AppError::from(None::<Leaf>).source().is_none());
        assert!(AppError::from(NamedSource::default()).source().is_some());
        assert!(AppError::Code(2).source().is_none());
        assert_eq!(AppError::Code(2).to_string(), "code 2");
        let e = AppError::Explicit { inner: ExplicitSource::default(), detail: "d" };
        assert_eq!(e.to_string(), "explicit d");
        assert_eq!(e.source().unwrap().to_string(), "explicit");
        assert!(AppError::Skipped(Leaf).source().is_none());
        assert!(AppError::Aliased { inner: Some(Leaf) }.source().is_some());
    }
}
