//! Inputs whose tokens are unusual: raw string messages, escapes, non-ASCII text and identifiers,
//! suffixed numeric literals in format args, and items produced by `macro_rules!`.

use thiserror::Error;

#[derive(Error, Debug)]
pub enum Literals {
    #[error(r#"raw "quoted" {0}"#)]
    Raw(u8),
    #[error("escapes: tab\there, unicode \u{1F980}, newline\nend {0}")]
    Escaped(u8),
    #[error("größe {größe} — ✓ {doppelt}", doppelt = .größe * 2)]
    NonAscii { größe: u32 },
    #[error("suffixes {} {} {:.1} {}", 255u8, -1i64, 2.5f32, 1_000usize)]
    Suffixes,
    #[error("char {} byte {} bytes {:?}", 'x', b'y', b"zz")]
    Chars,
}

macro_rules! error_type {
    ($name:ident, $msg:literal, $field:ident: $ty:ty, $arg:expr) => {
        #[derive(Error, Debug)]
        #[error($msg, extra = $arg)]
        pub struct $name {
            pub $field: $ty,
        }
    };
}

error_type!(FromMacro, "macro {value:?} {extra}", value: Vec<u8>, 1 + 1);

macro_rules! wrapper_enum {
    ($name:ident: $($variant:ident($inner:ty) => $msg:literal),+ $(,)?) => {
        #[derive(Error, Debug)]
        pub enum $name {
            $(
                #[error($msg)]
                $variant(#[from] $inner),
            )+
        }
    };
}

wrapper_enum!(Wrapped:
    Int(std::num::ParseIntError) => "int: {0}",
    Float(std::num::ParseFloatError) => "float: {0}",
);

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn literal_forms() {
        assert_eq!(Literals::Raw(1).to_string(), r#"raw "quoted" 1"#);
        assert_eq!(Literals::Escaped(2).to_string(), "escapes: tab\there, unicode 🦀, newline\nend 2");
        assert_eq!(Literals::NonAscii { größe: 4 }.to_string(), "größe 4 — ✓ 8");
        assert_eq!(Literals::Suffixes.to_string(), "suffixes 255 -1 2.5 1000");
        assert_eq!(Literals::Chars.to_string(), "char x byte 121 bytes [122, 122]");
    }

    #[test]
    fn macro_rules_fragments() {
        assert_eq!(FromMacro { value: vec![1] }.to_string(), "macro [1] 2");
        let e: Wrapped = "x".parse::<i32>().unwrap_err().into();
        assert_eq!(e.to_string(), "int: invalid digit found in string");
        assert!(e.source().is_some());
        let e: Wrapped = "y".parse::<f64>().unwrap_err().into();
        assert_eq!(e.to_string(), "float: invalid float literal");
    }
}
