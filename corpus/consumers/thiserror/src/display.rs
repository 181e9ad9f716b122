//! `#[error("...")]` messages: field shorthands, format specs and extra arguments.

use std::fmt;
use std::path::PathBuf;
use thiserror::Error;

#[derive(Error, Debug)]
#[error("unit error happened")]
pub struct UnitError;

#[derive(Error, Debug)]
#[error("tuple error: {0} then {1:?}")]
pub struct TupleError(pub u32, pub String);

#[derive(Error, Debug)]
#[error("named error: {name} is {value:?}")]
pub struct NamedError {
    pub name: String,
    pub value: Option<i32>,
}

#[derive(Error, Debug)]
#[error("specs: [{0:>6}] [{0:<6}] [{0:^6}] [{1:08.3}] [{2:#x}] [{2:#b}] [{3:#?}]")]
pub struct SpecError(pub i32, pub f64, pub u32, pub (u8, u8));

pub struct Limits {
    pub lo: usize,
    pub hi: usize,
}

impl fmt::Debug for Limits {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}..{}", self.lo, self.hi)
    }
}

pub fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or('?')
}

#[derive(Error, Debug)]
pub enum ArgsError {
    #[error("invalid rdo_lookahead_frames {0} (expected < {max})", max = i32::MAX)]
    InvalidLookahead(u32),
    #[error("first letter must be lowercase but was {:?}", first_char(.0))]
    WrongCase(String),
    #[error("invalid index {idx}, expected at least {} and at most {}", .limits.lo, .limits.hi)]
    OutOfBounds { idx: usize, limits: Limits },
    #[error("{} and {}", .0 + 1, .1.len())]
    Computed(i32, Vec<u8>),
    #[error("{0}: {text}", text = .1.to_uppercase())]
    NamedArg(u8, String),
    #[error("width {value:>width$} end", width = 5)]
    DynamicWidth { value: i32 },
    #[error("literal braces {{ {0} }}")]
    Braces(u8),
}

/// `{field}` for a `Path`/`PathBuf` displays it with `.display()`.
#[derive(Error, Debug)]
#[error("cannot open {path}: {reason}")]
pub struct PathError {
    pub path: PathBuf,
    pub reason: &'static str,
}

/// Raw identifiers as field names are named without `r#` in the message.
#[derive(Error, Debug)]
#[error("bad type {type} in {fn}")]
pub struct RawIdentError {
    pub r#type: String,
    pub r#fn: &'static str,
}

/// An enum-level message is the default for variants without their own.
#[derive(Error, Debug)]
#[error("generic failure")]
pub enum DefaultMessage {
    First,
    #[error("second: {0}")]
    Second(u8),
    Third { x: u8 },
}

/// `#[error(fmt = path)]` calls `path(&fields.., &mut Formatter)`.
fn format_code(code: &u16, f: &mut fmt::Formatter) -> fmt::Result {
    write!(f, "E{code:04}")
}

fn format_pair(a: &u8, b: &u8, f: &mut fmt::Formatter) -> fmt::Result {
    write!(f, "{a}/{b}")
}

#[derive(Error, Debug)]
pub enum FmtPath {
    #[error(fmt = format_code)]
    Code(u16),
    #[error(fmt = format_pair)]
    Pair(u8, u8),
    #[error("plain {0}")]
    Plain(u8),
}

fn unit_fmt(f: &mut fmt::Formatter) -> fmt::Result {
    f.write_str("unit variant")
}

/// An enum-level `fmt = path` applies to every variant without its own attribute.
#[derive(Error, Debug)]
#[error(fmt = unit_fmt)]
pub enum EnumFmt {
    A,
    #[error("b has {0}")]
    B(u8),
    C,
}

/// No `#[error]` anywhere: thiserror derives only `Error`; `Display` is written by hand.
#[derive(Error, Debug)]
pub enum HandDisplay {
    Only,
}

impl fmt::Display for HandDisplay {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("hand written")
    }
}

/// A trailing comma after the format string is accepted.
#[derive(Error, Debug)]
#[error("trailing comma",)]
pub struct TrailingComma;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_unit_struct() {
        assert_eq!(UnitError.to_string(), "unit error happened");
        assert_eq!(TrailingComma.to_string(), "trailing comma");
    }

    #[test]
    fn display_positional_shorthand() {
        let e = TupleError(7, "x".into());
        assert_eq!(e.to_string(), r#"tuple error: 7 then "x""#);
    }

    #[test]
    fn display_named_shorthand() {
        let e = NamedError { name: "n".into(), value: Some(3) };
        assert_eq!(e.to_string(), "named error: n is Some(3)");
    }

    #[test]
    fn display_format_specs() {
        let e = SpecError(-42, 3.14159, 255, (1, 2));
        assert_eq!(
            e.to_string(),
            "specs: [   -42] [-42   ] [ -42  ] [0003.142] [0xff] [0b11111111] [(\n    1,\n    2,\n)]"
        );
    }

    #[test]
    fn display_extra_args() {
        assert_eq!(ArgsError::InvalidLookahead(9).to_string(), "invalid rdo_lookahead_frames 9 (expected < 2147483647)");
        assert_eq!(ArgsError::NamedArg(1, "ab".into()).to_string(), "1: AB");
        assert_eq!(ArgsError::DynamicWidth { value: 3 }.to_string(), "width     3 end");
    }

    #[test]
    fn display_field_expressions() {
        assert_eq!(ArgsError::WrongCase("Hello".into()).to_string(), "first letter must be lowercase but was 'H'");
        let e = ArgsError::OutOfBounds { idx: 9, limits: Limits { lo: 1, hi: 5 } };
        assert_eq!(e.to_string(), "invalid index 9, expected at least 1 and at most 5");
        assert_eq!(ArgsError::Computed(1, vec![0; 3]).to_string(), "2 and 3");
    }

    #[test]
    fn display_escaped_braces() {
        assert_eq!(ArgsError::Braces(4).to_string(), "literal braces { 4 }");
    }

    #[test]
    fn display_path_field() {
        let e = PathError { path: PathBuf::from("/tmp/x.txt"), reason: "gone" };
        assert_eq!(e.to_string(), "cannot open /tmp/x.txt: gone");
    }

    #[test]
    fn display_raw_identifiers() {
        let e = RawIdentError { r#type: "T".into(), r#fn: "main" };
        assert_eq!(e.to_string(), "bad type T in main");
    }

    #[test]
    fn display_enum_level_default() {
        assert_eq!(DefaultMessage::First.to_string(), "generic failure");
        assert_eq!(DefaultMessage::Second(2).to_string(), "second: 2");
        assert_eq!(DefaultMessage::Third { x: 0 }.to_string(), "generic failure");
    }

    #[test]
    fn display_fmt_path() {
        assert_eq!(FmtPath::Code(42).to_string(), "E0042");
        assert_eq!(FmtPath::Pair(1, 2).to_string(), "1/2");
        assert_eq!(FmtPath::Plain(3).to_string(), "plain 3");
    }

    #[test]
    fn display_enum_level_fmt_path() {
        assert_eq!(EnumFmt::A.to_string(), "unit variant");
        assert_eq!(EnumFmt::B(1).to_string(), "b has 1");
        assert_eq!(EnumFmt::C.to_string(), "unit variant");
    }

    #[test]
    fn no_display_attribute() {
        let e: &dyn std::error::Error = &HandDisplay::Only;
        assert_eq!(e.to_string(), "hand written");
        assert!(e.source().is_none());
    }
}
