//! Enums: each variant's doc comment is its message.

use displaydoc::Display;
use std::io;

#[derive(Display, Debug)]
pub enum DataStoreError {
    /// data store disconnected
    Disconnect(io::Error),
    /// the data for key `{0}` is not available
    Redaction(String),
    /// invalid header (expected {expected:?}, found {found:?})
    InvalidHeader { expected: String, found: String },
    /// unknown data store error
    Unknown,
}

/// store error
#[derive(Display, Debug)]
#[prefix_enum_doc_attributes]
pub enum Prefixed {
    /// not found: {0}
    NotFound(String),
    /// locked
    Locked,
    /// bad range {lo}..{hi}
    Range { lo: u8, hi: u8 },
}

#[derive(Display, Debug)]
#[ignore_extra_doc_attributes]
pub enum IgnoreExtraEnum {
    /// short message
    ///
    /// Longer explanation for rustdoc only.
    WithParagraphs,
    /// one
    /// line
    Joined,
}

#[derive(Display, Debug)]
pub enum Overrides {
    /// documentation only
    #[displaydoc("override says {0}")]
    Custom(u8),
    /// plain says {0}
    Plain(u8),
    #[displaydoc("no doc comment, only the override")]
    Bare,
}

/// The enum-level doc is not used without #[prefix_enum_doc_attributes].
#[derive(Display, Debug)]
pub enum NoPrefix {
    /// variant only
    Only,
}

/// An enum without variants still gets an impl.
#[derive(Display, Debug)]
pub enum Never {}

/// Both displaydoc and thiserror-style usage: a hand-written Error impl next to the derive.
#[derive(Display, Debug)]
pub enum WithError {
    /// wrapped io error
    Io(io::Error),
}

impl std::error::Error for WithError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WithError::Io(e) => Some(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_variants() {
        let e = DataStoreError::Disconnect(io::Error::new(io::ErrorKind::Other, "x"));
        assert_eq!(e.to_string(), "data store disconnected");
        assert_eq!(DataStoreError::Redaction("k".into()).to_string(), "the data for key `k` is not available");
        let e = DataStoreError::InvalidHeader { expected: "a".into(), found: "b".into() };
        assert_eq!(e.to_string(), r#"invalid header (expected "a", found "b")"#);
        assert_eq!(DataStoreError::Unknown.to_string(), "unknown data store error");
    }

    #[test]
    fn prefix_enum_doc_attributes() {
        assert_eq!(Prefixed::NotFound("f".into()).to_string(), "store error: not found: f");
        assert_eq!(Prefixed::Locked.to_string(), "store error: locked");
        assert_eq!(Prefixed::Range { lo: 1, hi: 2 }.to_string(), "store error: bad range 1..2");
    }

    #[test]
    fn ignore_extra_doc_attributes_enum() {
        assert_eq!(IgnoreExtraEnum::WithParagraphs.to_string(), "short message");
        assert_eq!(IgnoreExtraEnum::Joined.to_string(), "one line");
    }

    #[test]
    fn displaydoc_override_variant() {
        assert_eq!(Overrides::Custom(1).to_string(), "override says 1");
        assert_eq!(Overrides::Plain(2).to_string(), "plain says 2");
        assert_eq!(Overrides::Bare.to_string(), "no doc comment, only the override");
    }

    #[test]
    fn enum_doc_unused_without_prefix() {
        assert_eq!(NoPrefix::Only.to_string(), "variant only");
    }

    #[test]
    fn empty_enum() {
        fn is_display<T: std::fmt::Display>() {}
        is_display::<Never>();
    }

    #[test]
    fn with_error_impl() {
        let e = WithError::Io(io::Error::new(io::ErrorKind::Other, "inner"));
        let dyn_err: &dyn std::error::Error = &e;
        assert_eq!(dyn_err.to_string(), "wrapped io error");
        assert_eq!(dyn_err.source().unwrap().to_string(), "inner");
    }
}
