//! Identifier validation and the split of a literal's text into rustc's (kind, symbol, suffix),
//! which `Debug` shows.

use crate::host;
use std::fmt;
use std::rc::Rc;

fn is_ascii_ident(bytes: &[u8]) -> bool {
    matches!(bytes.first(), Some(b'_' | b'a'..=b'z' | b'A'..=b'Z'))
        && bytes[1..].iter().all(|b| matches!(b, b'_' | b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9'))
}

fn can_be_raw(string: &str) -> bool {
    !matches!(string, "_" | "super" | "self" | "Self" | "crate" | "$crate")
}

/// The symbol of a new identifier. ASCII is checked here; other text is normalised (NFC) and
/// validated by the host, as rustc's own client asks its server.
pub(crate) fn ident_symbol(string: &str, is_raw: bool) -> Rc<str> {
    if is_ascii_ident(string.as_bytes()) || string == "$crate" {
        if is_raw && !can_be_raw(string) {
            panic!("`{}` cannot be a raw identifier", string);
        }
        return string.into();
    }
    let normalized = if string.is_ascii() { None } else { host::ident_normalize(string) };
    match normalized {
        Some(symbol) => symbol.into(),
        None => panic!("`{:?}` is not a valid identifier", string),
    }
}

pub(crate) enum Kind {
    Byte,
    Char,
    Integer,
    Float,
    Str,
    StrRaw(usize),
    ByteStr,
    ByteStrRaw(usize),
    CStr,
    CStrRaw(usize),
    Err,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::Byte => f.write_str("Byte"),
            Kind::Char => f.write_str("Char"),
            Kind::Integer => f.write_str("Integer"),
            Kind::Float => f.write_str("Float"),
            Kind::Str => f.write_str("Str"),
            Kind::StrRaw(n) => write!(f, "StrRaw({n})"),
            Kind::ByteStr => f.write_str("ByteStr"),
            Kind::ByteStrRaw(n) => write!(f, "ByteStrRaw({n})"),
            Kind::CStr => f.write_str("CStr"),
            Kind::CStrRaw(n) => write!(f, "CStrRaw({n})"),
            Kind::Err => f.write_str("ErrWithGuar"),
        }
    }
}

pub(crate) struct Parts<'a> {
    pub(crate) kind: Kind,
    pub(crate) symbol: &'a str,
    pub(crate) suffix: Option<&'a str>,
}

fn with_suffix<'a>(kind: Kind, symbol: &'a str, rest: &'a str) -> Parts<'a> {
    Parts { kind, symbol, suffix: if rest.is_empty() { None } else { Some(rest) } }
}

// The literal is known to be well formed (it came from rustc or from a constructor), so this only
// finds the boundaries.
fn quoted(text: &str, open: usize, quote: char) -> (&str, &str) {
    let body = &text[open..];
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == quote {
            return (&body[..i], &body[i + 1..]);
        }
    }
    (body, "")
}

fn raw(text: &str, prefix_len: usize) -> (usize, &str, &str) {
    let after = &text[prefix_len..];
    let hashes = after.bytes().take_while(|&b| b == b'#').count();
    let body = &after[hashes + 1..];
    let terminator: String = std::iter::once('"').chain(std::iter::repeat('#').take(hashes)).collect();
    match body.find(&terminator) {
        Some(end) => (hashes, &body[..end], &body[end + terminator.len()..]),
        None => (hashes, body, ""),
    }
}

pub(crate) fn split(text: &str) -> Parts<'_> {
    let b = text.as_bytes();
    match b {
        [b'b', b'\'', ..] => {
            let (s, rest) = quoted(text, 2, '\'');
            with_suffix(Kind::Byte, s, rest)
        }
        [b'\'', ..] => {
            let (s, rest) = quoted(text, 1, '\'');
            with_suffix(Kind::Char, s, rest)
        }
        [b'"', ..] => {
            let (s, rest) = quoted(text, 1, '"');
            with_suffix(Kind::Str, s, rest)
        }
        [b'b', b'"', ..] => {
            let (s, rest) = quoted(text, 2, '"');
            with_suffix(Kind::ByteStr, s, rest)
        }
        [b'c', b'"', ..] => {
            let (s, rest) = quoted(text, 2, '"');
            with_suffix(Kind::CStr, s, rest)
        }
        [b'r', b'"' | b'#', ..] => {
            let (n, s, rest) = raw(text, 1);
            with_suffix(Kind::StrRaw(n), s, rest)
        }
        [b'b', b'r', ..] => {
            let (n, s, rest) = raw(text, 2);
            with_suffix(Kind::ByteStrRaw(n), s, rest)
        }
        [b'c', b'r', ..] => {
            let (n, s, rest) = raw(text, 2);
            with_suffix(Kind::CStrRaw(n), s, rest)
        }
        [b'-' | b'0'..=b'9', ..] => split_number(text),
        _ => with_suffix(Kind::Err, text, ""),
    }
}

fn split_number(text: &str) -> Parts<'_> {
    let b = text.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let radix_prefix = b.get(i) == Some(&b'0') && matches!(b.get(i + 1), Some(b'x' | b'o' | b'b'));
    let mut float = false;
    if radix_prefix {
        let hex = b[i + 1] == b'x';
        i += 2;
        while i < b.len() && (b[i] == b'_' || b[i].is_ascii_digit() || (hex && b[i].is_ascii_hexdigit())) {
            i += 1;
        }
    } else {
        while i < b.len() && (b[i] == b'_' || b[i].is_ascii_digit()) {
            i += 1;
        }
        // A fraction needs a digit after the dot (or nothing at all); `1.foo()` never reaches here.
        if i < b.len() && b[i] == b'.' && b.get(i + 1).map_or(true, |c| c.is_ascii_digit()) {
            float = true;
            i += 1;
            while i < b.len() && (b[i] == b'_' || b[i].is_ascii_digit()) {
                i += 1;
            }
        }
        if i < b.len() && matches!(b[i], b'e' | b'E') {
            let mut j = i + 1;
            if j < b.len() && matches!(b[j], b'+' | b'-') {
                j += 1;
            }
            let digits_start = j;
            while j < b.len() && (b[j] == b'_' || b[j].is_ascii_digit()) {
                j += 1;
            }
            if b[digits_start..j].iter().any(u8::is_ascii_digit) {
                float = true;
                i = j;
            }
        }
    }
    let kind = if float { Kind::Float } else { Kind::Integer };
    with_suffix(kind, &text[..i], &text[i..])
}
