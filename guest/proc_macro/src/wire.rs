//! The wire format of token streams (docs/abi.md, "Wire format"). Both directions are iterative, so
//! deep nesting never turns into native recursion.

use crate::{DelimSpan, Delimiter, Group, Ident, Literal, Punct, Span, Splice, Stream, TokenStream, TokenTree};
use std::rc::Rc;

pub(crate) const VERSION: u32 = 2;

const TAG_GROUP: u8 = 0;
const TAG_IDENT: u8 = 1;
const TAG_PUNCT: u8 = 2;
const TAG_LITERAL: u8 = 3;
const TAG_SPLICE: u8 = 4;

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        let end = end.ok_or_else(|| format!("truncated at byte {}", self.pos))?;
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

    fn span(&mut self) -> Result<Span, String> {
        Ok(Span::from_handle(self.u32()?))
    }

    fn str(&mut self) -> Result<&'a str, String> {
        let at = self.pos;
        let len = self.u32()? as usize;
        std::str::from_utf8(self.bytes(len)?).map_err(|_| format!("invalid UTF-8 in the string at byte {at}"))
    }
}

struct Frame {
    trees: Vec<TokenTree>,
    remaining: u32,
    handle: u32,
    group: Option<(Delimiter, DelimSpan)>,
}

impl Frame {
    fn new(r: &Reader<'_>, handle: u32, count: u32, group: Option<(Delimiter, DelimSpan)>) -> Frame {
        // A tree takes at least 6 bytes, so a lying count cannot make us reserve more than the input.
        let cap = (count as usize).min((r.buf.len() - r.pos) / 6);
        Frame { trees: Vec::with_capacity(cap), remaining: count, handle, group }
    }
}

fn make_stream(trees: Vec<TokenTree>, handle: u32) -> TokenStream {
    if trees.is_empty() {
        TokenStream(None)
    } else {
        TokenStream(Some(Rc::new(Stream { trees, handle, splices: Vec::new() })))
    }
}

fn delimiter(byte: u8) -> Result<Delimiter, String> {
    match byte {
        0 => Ok(Delimiter::Parenthesis),
        1 => Ok(Delimiter::Brace),
        2 => Ok(Delimiter::Bracket),
        3 => Ok(Delimiter::None),
        _ => Err(format!("unknown delimiter {byte}")),
    }
}

fn read_stream(r: &mut Reader<'_>) -> Result<TokenStream, String> {
    let (handle, count) = (r.u32()?, r.u32()?);
    let mut stack = vec![Frame::new(r, handle, count, None)];
    loop {
        let top = stack.last_mut().expect("the root frame is popped last");
        if top.remaining == 0 {
            let frame = stack.pop().expect("non-empty");
            let stream = make_stream(frame.trees, frame.handle);
            match (frame.group, stack.last_mut()) {
                (None, _) => return Ok(stream),
                (Some((delimiter, span)), Some(parent)) => {
                    parent.trees.push(TokenTree::Group(Group { delimiter, stream, span }))
                }
                (Some(_), None) => unreachable!("a group frame always has a parent"),
            }
            continue;
        }
        top.remaining -= 1;
        let tree = match r.u8()? {
            TAG_GROUP => {
                let delim = delimiter(r.u8()?)?;
                let span = DelimSpan { open: r.span()?, close: r.span()?, entire: r.span()? };
                let (handle, count) = (r.u32()?, r.u32()?);
                let frame = Frame::new(r, handle, count, Some((delim, span)));
                stack.push(frame);
                continue;
            }
            TAG_IDENT => {
                let is_raw = r.u8()? != 0;
                let span = r.span()?;
                TokenTree::Ident(Ident { sym: r.str()?.into(), is_raw, span })
            }
            TAG_PUNCT => {
                let ch = r.u8()?;
                let joint = r.u8()? != 0;
                TokenTree::Punct(Punct { ch, joint, span: r.span()? })
            }
            TAG_LITERAL => {
                let span = r.span()?;
                TokenTree::Literal(Literal { repr: r.str()?.into(), span, float: false })
            }
            tag => return Err(format!("unknown token tag {tag} at byte {}", r.pos - 1)),
        };
        top.trees.push(tree);
    }
}

/// The expansion context and the input streams (one, or two for an attribute: args, then item).
pub(crate) fn decode_input(buf: &[u8], streams: usize) -> Result<((u32, u32), Vec<TokenStream>), String> {
    let mut r = Reader { buf, pos: 0 };
    let version = r.u32()?;
    if version != VERSION {
        return Err(format!("wire version {version}, this guest speaks {VERSION}"));
    }
    let context = (r.u32()?, r.u32()?);
    let count = r.u32()? as usize;
    if count != streams {
        return Err(format!("{count} input streams, this macro takes {streams}"));
    }
    let mut out = Vec::with_capacity(count);
    for _ in 0..count {
        out.push(read_stream(&mut r)?);
    }
    if r.pos != buf.len() {
        return Err(format!("{} trailing bytes", buf.len() - r.pos));
    }
    Ok((context, out))
}

/// A stream on its own, as host replies carry it.
pub(crate) fn decode_stream(buf: &[u8]) -> Result<TokenStream, String> {
    let mut r = Reader { buf, pos: 0 };
    let stream = read_stream(&mut r)?;
    if r.pos != buf.len() {
        return Err(format!("{} trailing bytes", buf.len() - r.pos));
    }
    Ok(stream)
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

// Writes a stream's header, and returns its trees when they must follow inline: a stream still
// holding its host handle travels as that handle alone, and runs of trees that are host streams
// travel as splices.
fn put_stream_header<'a>(out: &mut Vec<u8>, stream: &'a TokenStream) -> Option<Items<'a>> {
    match &stream.0 {
        Some(s) if s.handle != 0 => {
            put_u32(out, s.handle);
            put_u32(out, 0);
            None
        }
        Some(s) => {
            let spliced: usize = s.splices.iter().map(|sp| sp.len as usize).sum();
            put_u32(out, 0);
            put_u32(out, (s.trees.len() - spliced + s.splices.len()) as u32);
            Some(Items { trees: &s.trees, pos: 0, splices: &s.splices })
        }
        None => {
            put_u32(out, 0);
            put_u32(out, 0);
            None
        }
    }
}

struct Items<'a> {
    trees: &'a [TokenTree],
    pos: usize,
    splices: &'a [Splice],
}

pub(crate) fn encode_stream(out: &mut Vec<u8>, stream: &TokenStream) {
    let mut stack: Vec<Items<'_>> = Vec::new();
    if let Some(items) = put_stream_header(out, stream) {
        stack.push(items);
    }
    while let Some(items) = stack.last_mut() {
        if let Some(splice) = items.splices.first().filter(|sp| sp.start as usize == items.pos) {
            out.push(TAG_SPLICE);
            put_u32(out, splice.handle);
            items.pos += splice.len as usize;
            items.splices = &items.splices[1..];
            continue;
        }
        let Some(tree) = items.trees.get(items.pos) else {
            stack.pop();
            continue;
        };
        items.pos += 1;
        match tree {
            TokenTree::Group(g) => {
                out.push(TAG_GROUP);
                out.push(match g.delimiter {
                    Delimiter::Parenthesis => 0,
                    Delimiter::Brace => 1,
                    Delimiter::Bracket => 2,
                    Delimiter::None => 3,
                });
                put_u32(out, g.span.open.0);
                put_u32(out, g.span.close.0);
                put_u32(out, g.span.entire.0);
                if let Some(items) = put_stream_header(out, &g.stream) {
                    stack.push(items);
                }
            }
            TokenTree::Ident(i) => {
                out.push(TAG_IDENT);
                out.push(u8::from(i.is_raw));
                put_u32(out, i.span.0);
                put_str(out, &i.sym);
            }
            TokenTree::Punct(p) => {
                out.push(TAG_PUNCT);
                out.push(p.ch);
                out.push(u8::from(p.joint));
                put_u32(out, p.span.0);
            }
            TokenTree::Literal(l) => {
                out.push(TAG_LITERAL);
                put_u32(out, l.span.0);
                put_str(out, &l.repr);
            }
        }
    }
}

/// The output message: the version, then the result stream.
pub(crate) fn encode_output(out: &mut Vec<u8>, stream: &TokenStream) {
    put_u32(out, VERSION);
    encode_stream(out, stream);
}
