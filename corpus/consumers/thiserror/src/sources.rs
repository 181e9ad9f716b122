//! `source()`, `#[source]`, `#[from]` and `#[error(transparent)]`.

use std::error::Error as StdError;
use std::io;
use thiserror::Error;

#[derive(Error, Debug)]
#[error("low level failure {code}")]
pub struct LowLevel {
    pub code: i32,
}

#[derive(Error, Debug)]
pub enum DataStoreError {
    #[error("data store disconnected")]
    Disconnect(#[from] io::Error),
    #[error("the data for key `{0}` is not available")]
    Redaction(String),
    #[error("invalid header (expected {expected:?}, found {found:?})")]
    InvalidHeader { expected: String, found: String },
    #[error("unknown data store error")]
    Unknown,
}

/// A field named `source` is the source without any attribute.
#[derive(Error, Debug)]
#[error("wrapped: {msg}")]
pub struct ImplicitSource {
    pub msg: String,
    pub source: LowLevel,
}

/// `#[source]` on a field with another name.
#[derive(Error, Debug)]
#[error("explicit source")]
pub struct ExplicitSource {
    #[source]
    pub cause: LowLevel,
    pub context: u8,
}

#[derive(Error, Debug)]
#[error("tuple with source")]
pub struct TupleSource(pub u8, #[source] pub io::Error);

/// An `Option` source yields `None` when absent.
#[derive(Error, Debug)]
#[error("maybe caused")]
pub struct OptionalSource {
    #[source]
    pub cause: Option<LowLevel>,
}

/// Boxed trait objects work as sources.
#[derive(Error, Debug)]
#[error("boxed")]
pub struct BoxedSource {
    #[source]
    pub inner: Box<dyn StdError + Send + Sync + 'static>,
}

/// `#[from]` on a named field generates `From<LowLevel>` too.
#[derive(Error, Debug)]
pub enum FromNamed {
    #[error("from named field")]
    Low {
        #[from]
        source: LowLevel,
    },
    #[error("from optional")]
    Parse(#[from] std::num::ParseIntError),
}

/// A struct can use `#[from]` as well.
#[derive(Error, Debug)]
#[error("struct from: {0}")]
pub struct StructFrom(#[from] pub std::fmt::Error);

/// `#[from]` together with `#[source]` on the same field is allowed (and redundant).
#[derive(Error, Debug)]
#[error("both")]
pub struct FromAndSource(#[from] #[source] pub std::str::Utf8Error);

/// The source of an enum variant: `source` named field, `#[source]`, and `#[from]`.
#[derive(Error, Debug)]
pub enum EnumSources {
    #[error("none")]
    NoSource,
    #[error("named")]
    Named { source: LowLevel },
    #[error("attribute")]
    Attr(#[source] LowLevel, u8),
    #[error("optional")]
    Optional(#[source] Option<io::Error>),
}

/// Forwards `Display` and `source` to the only field.
#[derive(Error, Debug)]
#[error(transparent)]
pub struct Opaque(#[from] Repr);

#[derive(Error, Debug)]
enum Repr {
    #[error("repr says {0}")]
    Says(&'static str),
}

impl Opaque {
    pub fn says(text: &'static str) -> Self {
        Repr::Says(text).into()
    }
}

#[derive(Error, Debug)]
pub enum WithTransparentVariant {
    #[error("own message")]
    Own,
    #[error(transparent)]
    Other(#[from] ImplicitSource),
    #[error(transparent)]
    Boxed(Box<dyn StdError + Send + Sync>),
    #[error(transparent)]
    Named { inner: LowLevel },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(e: &dyn StdError) -> Vec<String> {
        let mut out = vec![e.to_string()];
        let mut cur = e.source();
        while let Some(s) = cur {
            out.push(s.to_string());
            cur = s.source();
        }
        out
    }

    #[test]
    fn from_generates_from_impl() {
        let e: DataStoreError = io::Error::new(io::ErrorKind::Other, "pipe").into();
        assert_eq!(chain(&e), ["data store disconnected", "pipe"]);
        assert_eq!(DataStoreError::Redaction("k".into()).to_string(), "the data for key `k` is not available");
        let e = DataStoreError::InvalidHeader { expected: "a".into(), found: "b".into() };
        assert_eq!(e.to_string(), r#"invalid header (expected "a", found "b")"#);
        assert!(e.source().is_none());
        assert!(DataStoreError::Unknown.source().is_none());
    }

    #[test]
    fn source_named_field() {
        let e = ImplicitSource { msg: "m".into(), source: LowLevel { code: 3 } };
        assert_eq!(chain(&e), ["wrapped: m", "low level failure 3"]);
    }

    #[test]
    fn source_attribute() {
        let e = ExplicitSource { cause: LowLevel { code: 1 }, context: 0 };
        assert_eq!(chain(&e), ["explicit source", "low level failure 1"]);
        let e = TupleSource(0, io::Error::new(io::ErrorKind::NotFound, "nf"));
        assert_eq!(chain(&e), ["tuple with source", "nf"]);
    }

    #[test]
    fn source_option() {
        assert!(OptionalSource { cause: None }.source().is_none());
        let e = OptionalSource { cause: Some(LowLevel { code: 2 }) };
        assert_eq!(chain(&e), ["maybe caused", "low level failure 2"]);
    }

    #[test]
    fn source_boxed_dyn_error() {
        let e = BoxedSource { inner: Box::new(LowLevel { code: 5 }) };
        assert_eq!(chain(&e), ["boxed", "low level failure 5"]);
    }

    #[test]
    fn from_named_field() {
        let e: FromNamed = LowLevel { code: 8 }.into();
        assert_eq!(chain(&e), ["from named field", "low level failure 8"]);
        let e: FromNamed = "x".parse::<u8>().unwrap_err().into();
        assert_eq!(chain(&e), ["from optional", "invalid digit found in string"]);
    }

    #[test]
    fn from_on_struct() {
        let e: StructFrom = std::fmt::Error.into();
        assert_eq!(chain(&e), ["struct from: an error occurred when formatting an argument", "an error occurred when formatting an argument"]);
        #[allow(invalid_from_utf8)]
        let bad = std::str::from_utf8(&[0xff]).unwrap_err();
        let e: FromAndSource = bad.into();
        assert_eq!(chain(&e).len(), 2);
    }

    #[test]
    fn source_in_enum_variants() {
        assert!(EnumSources::NoSource.source().is_none());
        assert_eq!(chain(&EnumSources::Named { source: LowLevel { code: 1 } }).len(), 2);
        assert_eq!(chain(&EnumSources::Attr(LowLevel { code: 2 }, 0))[1], "low level failure 2");
        assert!(EnumSources::Optional(None).source().is_none());
        let e = EnumSources::Optional(Some(io::Error::new(io::ErrorKind::Other, "o")));
        assert_eq!(chain(&e), ["optional", "o"]);
    }

    #[test]
    fn transparent_struct() {
        let e = Opaque::says("hi");
        assert_eq!(e.to_string(), "repr says hi");
        assert!(e.source().is_none());
    }

    #[test]
    fn transparent_variant() {
        assert_eq!(WithTransparentVariant::Own.to_string(), "own message");
        let inner = ImplicitSource { msg: "m".into(), source: LowLevel { code: 4 } };
        let e: WithTransparentVariant = inner.into();
        // Display and source are the inner error's.
        assert_eq!(chain(&e), ["wrapped: m", "low level failure 4"]);
        let e = WithTransparentVariant::Boxed("boxed text".into());
        assert_eq!(e.to_string(), "boxed text");
        let e = WithTransparentVariant::Named { inner: LowLevel { code: 6 } };
        assert_eq!(chain(&e), ["low level failure 6"]);
    }
}
