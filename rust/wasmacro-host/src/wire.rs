//! proc_macro ⇄ wire bytes (docs/abi.md, "Wire format"). Both directions keep their own stack, so a
//! million nested groups cost heap, never rustc's native stack.

use crate::tables::{StreamEntry, Tables};
use proc_macro::{Delimiter, Group, Ident, Literal, Punct, Spacing, TokenStream, TokenTree};
use std::str::FromStr;

pub const VERSION: u32 = 2;

const TAG_GROUP: u8 = 0;
const TAG_IDENT: u8 = 1;
const TAG_PUNCT: u8 = 2;
const TAG_LITERAL: u8 = 3;
const TAG_SPLICE: u8 = 4;

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

fn delimiter_byte(d: Delimiter) -> u8 {
    match d {
        Delimiter::Parenthesis => 0,
        Delimiter::Brace => 1,
        Delimiter::Bracket => 2,
        Delimiter::None => 3,
    }
}

struct EncodeFrame {
    trees: proc_macro::token_stream::IntoIter,
    count_at: usize,
    count: u32,
}

/// Appends a stream with its trees inline and a handle for every stream in it (the root and each
/// group's), registering spans as it goes.
pub fn encode_stream(out: &mut Vec<u8>, tables: &mut Tables, stream: TokenStream) {
    put_u32(out, tables.add_stream(StreamEntry::Root(stream.clone())));
    let count_at = out.len();
    put_u32(out, 0);
    let mut stack = vec![EncodeFrame {
        trees: stream.into_iter(),
        count_at,
        count: 0,
    }];
    while let Some(top) = stack.last_mut() {
        let Some(tree) = top.trees.next() else {
            let frame = stack.pop().expect("non-empty");
            out[frame.count_at..frame.count_at + 4].copy_from_slice(&frame.count.to_le_bytes());
            continue;
        };
        top.count += 1;
        match tree {
            TokenTree::Group(g) => {
                out.push(TAG_GROUP);
                out.push(delimiter_byte(g.delimiter()));
                let open = tables.add_span(g.span_open());
                let close = tables.add_span(g.span_close());
                let entire = tables.add_span(g.span());
                put_u32(out, open);
                put_u32(out, close);
                put_u32(out, entire);
                let inner = g.stream();
                put_u32(
                    out,
                    tables.add_stream(StreamEntry::Group {
                        group: g,
                        open,
                        close,
                        entire,
                    }),
                );
                let count_at = out.len();
                put_u32(out, 0);
                stack.push(EncodeFrame {
                    trees: inner.into_iter(),
                    count_at,
                    count: 0,
                });
            }
            TokenTree::Ident(i) => {
                out.push(TAG_IDENT);
                let text = i.to_string();
                let (raw, sym) = match text.strip_prefix("r#") {
                    Some(sym) => (1, sym),
                    None => (0, text.as_str()),
                };
                out.push(raw);
                put_u32(out, tables.add_span(i.span()));
                put_str(out, sym);
            }
            TokenTree::Punct(p) => {
                out.push(TAG_PUNCT);
                out.push(p.as_char() as u8);
                out.push(u8::from(p.spacing() == Spacing::Joint));
                put_u32(out, tables.add_span(p.span()));
            }
            TokenTree::Literal(l) => {
                out.push(TAG_LITERAL);
                put_u32(out, tables.add_span(l.span()));
                put_str(out, &l.to_string());
            }
        }
    }
}

/// The input message of one expansion: one stream, or two for an attribute (arguments, item).
pub fn encode_input(tables: &mut Tables, streams: Vec<TokenStream>) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    put_u32(&mut out, VERSION);
    put_u32(&mut out, crate::tables::CALL_SITE);
    put_u32(&mut out, crate::tables::MIXED_SITE);
    put_u32(&mut out, streams.len() as u32);
    for s in streams {
        encode_stream(&mut out, tables, s);
    }
    out
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        let end =
            end.ok_or_else(|| format!("truncated at byte {} (wanted {n} more bytes)", self.pos))?;
        let out = &self.buf[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    fn u8(&mut self) -> Result<u8, String> {
        Ok(self.bytes(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, String> {
        let b = self.bytes(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn str(&mut self) -> Result<&'a str, String> {
        let at = self.pos;
        let len = self.u32()? as usize;
        std::str::from_utf8(self.bytes(len)?)
            .map_err(|_| format!("invalid UTF-8 in the string at byte {at}"))
    }
}

struct DecodeFrame {
    trees: Vec<TokenTree>,
    // Streams finished so far when the stream holds splices; the trees after them are still in `trees`.
    pieces: Vec<TokenStream>,
    remaining: u32,
    // Delimiter and (open, close, entire) span handles of the group this frame fills; None for the root.
    group: Option<(Delimiter, (u32, u32, u32))>,
}

fn is_ascii_ident(s: &str) -> bool {
    let b = s.as_bytes();
    matches!(b.first(), Some(b'_' | b'a'..=b'z' | b'A'..=b'Z'))
        && b[1..]
            .iter()
            .all(|c| matches!(c, b'_' | b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9'))
}

const PUNCT_CHARS: &[u8] = b"=<>!~+-*/%^&|@.,;:#$?'";

// Printable ASCII that needs no escape inside the given quote.
fn plain(text: &str, quote: u8) -> bool {
    text.bytes()
        .all(|b| (0x20..0x7f).contains(&b) && b != b'\\' && b != quote)
}

/// Literals whose text the typed constructors reproduce exactly (same kind, symbol and suffix as
/// `Literal::from_str` gives) are built without a round trip to rustc's lexer: canonical integers,
/// floats that print back as written, and strings, characters and bytes without escapes. Everything
/// else is lexed by rustc.
fn simple_literal(text: &str) -> Option<Literal> {
    let bytes = text.as_bytes();
    match bytes.first()? {
        b'0'..=b'9' => integer_literal(text).or_else(|| float_literal(text)),
        b'"' if bytes.len() >= 2 && bytes[bytes.len() - 1] == b'"' => {
            let inner = &text[1..text.len() - 1];
            plain(inner, b'"').then(|| Literal::string(inner))
        }
        b'\'' if bytes.len() == 3 && bytes[2] == b'\'' && plain(&text[1..2], b'\'') => {
            Some(Literal::character(bytes[1] as char))
        }
        b'b' if bytes.len() == 4
            && bytes[1] == b'\''
            && bytes[3] == b'\''
            && plain(&text[2..3], b'\'') =>
        {
            Some(Literal::byte_character(bytes[2]))
        }
        _ => None,
    }
}

fn float_literal(text: &str) -> Option<Literal> {
    let (number, suffix) = match text.strip_suffix("f64") {
        Some(n) => (n, "f64"),
        None => text.strip_suffix("f32").map_or((text, ""), |n| (n, "f32")),
    };
    if !number.bytes().all(|b| b.is_ascii_digit() || b == b'.') || !number.contains('.') {
        return None;
    }
    let lit = if suffix == "f32" {
        let n: f32 = number.parse().ok().filter(|n: &f32| n.is_finite())?;
        Literal::f32_suffixed(n)
    } else {
        let n: f64 = number.parse().ok().filter(|n: &f64| n.is_finite())?;
        if suffix == "f64" {
            Literal::f64_suffixed(n)
        } else {
            Literal::f64_unsuffixed(n)
        }
    };
    // The constructors print the shortest round-trip form; only take them when that is the text.
    (lit.to_string() == text).then_some(lit)
}

/// Canonical decimal integers (`0`, `42`, `7u8`) are built with the typed constructors, which rustc's
/// client does without a round trip to the lexer; they give the same kind, symbol and suffix as
/// `Literal::from_str`. Anything else (hex, `_`, leading zeros, overflow, floats) is lexed by rustc.
fn integer_literal(text: &str) -> Option<Literal> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 39 || (digits > 1 && text.starts_with('0')) {
        return None;
    }
    let (number, suffix) = text.split_at(digits);
    let n: u128 = number.parse().ok()?;
    Some(match suffix {
        "" => Literal::u128_unsuffixed(n),
        "u8" => Literal::u8_suffixed(u8::try_from(n).ok()?),
        "u16" => Literal::u16_suffixed(u16::try_from(n).ok()?),
        "u32" => Literal::u32_suffixed(u32::try_from(n).ok()?),
        "u64" => Literal::u64_suffixed(u64::try_from(n).ok()?),
        "u128" => Literal::u128_suffixed(n),
        "usize" => Literal::usize_suffixed(usize::try_from(n).ok()?),
        "i8" => Literal::i8_suffixed(i8::try_from(n).ok()?),
        "i16" => Literal::i16_suffixed(i16::try_from(n).ok()?),
        "i32" => Literal::i32_suffixed(i32::try_from(n).ok()?),
        "i64" => Literal::i64_suffixed(i64::try_from(n).ok()?),
        "i128" => Literal::i128_suffixed(i128::try_from(n).ok()?),
        "isize" => Literal::isize_suffixed(isize::try_from(n).ok()?),
        _ => return None,
    })
}

fn finish_group(
    tables: &Tables,
    delimiter: Delimiter,
    spans: (u32, u32, u32),
    stream: TokenStream,
) -> Result<Group, String> {
    let mut group = Group::new(delimiter, stream);
    group.set_span(tables.span(spans.2)?);
    Ok(group)
}

/// Rebuilds a stream from the wire. Pristine handles come back as rustc's original objects; every
/// error says what was wrong and where.
fn decode_stream_at(
    r: &mut Reader<'_>,
    tables: &Tables,
    max_depth: u32,
) -> Result<TokenStream, String> {
    let (handle, count) = (r.u32()?, r.u32()?);
    if handle != 0 && count == 0 {
        return tables.stream(handle);
    }
    if handle != 0 {
        return Err(format!(
            "stream handle {handle} arrives with {count} trees; a handle stands alone"
        ));
    }
    let mut stack = vec![DecodeFrame {
        trees: Vec::new(),
        pieces: Vec::new(),
        remaining: count,
        group: None,
    }];
    loop {
        let top = stack.last_mut().expect("root is popped last");
        if top.remaining == 0 {
            let mut frame = stack.pop().expect("non-empty");
            let stream: TokenStream = if frame.pieces.is_empty() {
                frame.trees.into_iter().collect()
            } else {
                // rustc concatenates the pieces itself, keeping its own tokens in the spliced streams.
                if !frame.trees.is_empty() {
                    frame.pieces.push(frame.trees.into_iter().collect());
                }
                frame.pieces.into_iter().collect()
            };
            match (frame.group, stack.last_mut()) {
                (None, _) => return Ok(stream),
                (Some((delimiter, spans)), Some(parent)) => {
                    parent.trees.push(TokenTree::Group(finish_group(
                        tables, delimiter, spans, stream,
                    )?));
                }
                (Some(_), None) => unreachable!("a group frame always has a parent"),
            }
            continue;
        }
        top.remaining -= 1;
        let at = r.pos;
        let tree = match r.u8()? {
            TAG_GROUP => {
                let delimiter = match r.u8()? {
                    0 => Delimiter::Parenthesis,
                    1 => Delimiter::Brace,
                    2 => Delimiter::Bracket,
                    3 => Delimiter::None,
                    d => return Err(format!("unknown delimiter {d} at byte {}", r.pos - 1)),
                };
                let spans = (r.u32()?, r.u32()?, r.u32()?);
                let (handle, count) = (r.u32()?, r.u32()?);
                if handle != 0 {
                    if count != 0 {
                        return Err(format!(
                            "stream handle {handle} arrives with {count} trees at byte {at}"
                        ));
                    }
                    match tables.original_group(handle, delimiter, spans) {
                        Some(group) => TokenTree::Group(group),
                        None => TokenTree::Group(finish_group(
                            tables,
                            delimiter,
                            spans,
                            tables.stream(handle)?,
                        )?),
                    }
                } else {
                    if stack.len() as u64 > max_depth as u64 {
                        return Err(format!(
                            "the output nests groups deeper than {max_depth} levels; raise the limit with \
                             WASMACRO_MAX_OUTPUT_DEPTH=<levels>"
                        ));
                    }
                    stack.push(DecodeFrame {
                        trees: Vec::new(),
                        pieces: Vec::new(),
                        remaining: count,
                        group: Some((delimiter, spans)),
                    });
                    continue;
                }
            }
            TAG_IDENT => {
                let raw = r.u8()? != 0;
                let span = tables.span(r.u32()?)?;
                let sym = r.str()?;
                if sym.is_ascii() && !is_ascii_ident(sym) && sym != "$crate" {
                    return Err(format!("`{sym}` at byte {at} is not a valid identifier"));
                }
                if raw && matches!(sym, "_" | "super" | "self" | "Self" | "crate" | "$crate") {
                    return Err(format!("`{sym}` at byte {at} cannot be a raw identifier"));
                }
                TokenTree::Ident(if raw {
                    Ident::new_raw(sym, span)
                } else {
                    Ident::new(sym, span)
                })
            }
            TAG_PUNCT => {
                let ch = r.u8()?;
                let joint = r.u8()? != 0;
                let span = tables.span(r.u32()?)?;
                if !PUNCT_CHARS.contains(&ch) {
                    return Err(format!(
                        "byte {ch:#04x} at byte {at} is not a punctuation character"
                    ));
                }
                let mut p = Punct::new(
                    ch as char,
                    if joint {
                        Spacing::Joint
                    } else {
                        Spacing::Alone
                    },
                );
                p.set_span(span);
                TokenTree::Punct(p)
            }
            TAG_LITERAL => {
                let span = tables.span(r.u32()?)?;
                let text = r.str()?;
                let mut lit = match simple_literal(text) {
                    Some(lit) => lit,
                    None => Literal::from_str(text)
                        .map_err(|_| format!("`{text}` at byte {at} is not a literal"))?,
                };
                lit.set_span(span);
                TokenTree::Literal(lit)
            }
            TAG_SPLICE => {
                let handle = r.u32()?;
                let spliced = tables
                    .stream(handle)
                    .map_err(|e| format!("{e} (splice at byte {at})"))?;
                let top = stack.last_mut().expect("non-empty");
                if !top.trees.is_empty() {
                    let before = std::mem::take(&mut top.trees);
                    top.pieces.push(before.into_iter().collect());
                }
                top.pieces.push(spliced);
                continue;
            }
            tag => return Err(format!("unknown token tag {tag} at byte {at}")),
        };
        stack.last_mut().expect("non-empty").trees.push(tree);
    }
}

/// A stream on its own (host-call arguments).
pub fn decode_stream(buf: &[u8], tables: &Tables, max_depth: u32) -> Result<TokenStream, String> {
    let mut r = Reader { buf, pos: 0 };
    let stream = decode_stream_at(&mut r, tables, max_depth)?;
    if r.pos != buf.len() {
        return Err(format!("{} bytes after the stream", buf.len() - r.pos));
    }
    Ok(stream)
}

/// The output message: version word, then one stream.
pub fn decode_output(buf: &[u8], tables: &Tables, max_depth: u32) -> Result<TokenStream, String> {
    let mut r = Reader { buf, pos: 0 };
    let version = r.u32()?;
    if version != VERSION {
        return Err(format!(
            "wire version {version}, this host speaks {VERSION}"
        ));
    }
    let stream = decode_stream_at(&mut r, tables, max_depth)?;
    if r.pos != buf.len() {
        return Err(format!("{} bytes after the stream", buf.len() - r.pos));
    }
    Ok(stream)
}

/// Zeroes every stream handle of an input-convention stream in place, turning it into an output
/// stream whose trees are all inline (for benchmarks).
pub fn strip_handles(buf: &mut [u8]) {
    let mut r = Reader { buf: &*buf, pos: 0 };
    let mut handle_at = vec![0usize];
    let _ = r.u32();
    let mut remaining = vec![r.u32().unwrap_or(0)];
    while let Some(top) = remaining.last_mut() {
        if *top == 0 {
            remaining.pop();
            continue;
        }
        *top -= 1;
        match r.u8() {
            Ok(TAG_GROUP) => {
                r.pos += 1 + 12;
                handle_at.push(r.pos);
                r.pos += 4;
                remaining.push(r.u32().unwrap_or(0));
            }
            Ok(TAG_IDENT) => {
                r.pos += 5;
                let _ = r.str();
            }
            Ok(TAG_PUNCT) => r.pos += 6,
            Ok(TAG_LITERAL) => {
                r.pos += 4;
                let _ = r.str();
            }
            _ => break,
        }
    }
    for at in handle_at {
        buf[at..at + 4].copy_from_slice(&0u32.to_le_bytes());
    }
}
