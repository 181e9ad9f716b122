//! The host calls: the closed list of imports under the module "wasmacro" (docs/abi.md, "Imports").
//!
//! Calls that answer with bytes leave them in the host's reply buffer and return their length; the
//! guest then copies them out with `reply`. A negative result `-(n + 1)` means "no value" or "error",
//! with an `n`-byte message waiting in the reply buffer.

use crate::{wire, TokenStream};

#[link(wasm_import_module = "wasmacro")]
unsafe extern "C" {
    #[link_name = "reply"]
    fn wasmacro_reply(dst: *mut u8);
    #[link_name = "panic_message"]
    fn wasmacro_panic_message(ptr: *const u8, len: usize);
    #[link_name = "stream_from_str"]
    fn wasmacro_stream_from_str(ptr: *const u8, len: usize) -> i32;
    #[link_name = "literal_from_str"]
    fn wasmacro_literal_from_str(ptr: *const u8, len: usize) -> i32;
    #[link_name = "stream_to_string"]
    fn wasmacro_stream_to_string(ptr: *const u8, len: usize) -> i32;
    #[link_name = "ident_normalize"]
    fn wasmacro_ident_normalize(ptr: *const u8, len: usize) -> i32;
    #[link_name = "span_debug"]
    fn wasmacro_span_debug(span: u32) -> i32;
    #[link_name = "span_source_text"]
    fn wasmacro_span_source_text(span: u32) -> i32;
    #[link_name = "span_file"]
    fn wasmacro_span_file(span: u32) -> i32;
    #[link_name = "span_local_file"]
    fn wasmacro_span_local_file(span: u32) -> i32;
    #[link_name = "span_line"]
    fn wasmacro_span_line(span: u32) -> u32;
    #[link_name = "span_column"]
    fn wasmacro_span_column(span: u32) -> u32;
    #[link_name = "span_start"]
    fn wasmacro_span_start(span: u32) -> u32;
    #[link_name = "span_end"]
    fn wasmacro_span_end(span: u32) -> u32;
    #[link_name = "span_resolved_at"]
    fn wasmacro_span_resolved_at(span: u32, at: u32) -> u32;
}

fn take_reply(len: usize) -> Vec<u8> {
    let mut buf = vec![0u8; len];
    if len != 0 {
        unsafe { wasmacro_reply(buf.as_mut_ptr()) };
    }
    buf
}

fn take_string(len: usize) -> String {
    String::from_utf8(take_reply(len)).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

// Splits the result convention: Ok(bytes) for r >= 0, Err(message) for r < 0.
fn answer(r: i32) -> Result<Vec<u8>, String> {
    if r >= 0 {
        Ok(take_reply(r as usize))
    } else {
        Err(take_string((-(r as i64) - 1) as usize))
    }
}

pub(crate) fn panic_message(message: &str) {
    unsafe { wasmacro_panic_message(message.as_ptr(), message.len()) }
}

pub(crate) fn stream_from_str(src: &str) -> Result<TokenStream, String> {
    let bytes = answer(unsafe { wasmacro_stream_from_str(src.as_ptr(), src.len()) })?;
    Ok(wire::decode_stream(&bytes).unwrap_or_else(|e| panic!("wasmacro: malformed lexer reply: {e}")))
}

pub(crate) fn literal_from_str(src: &str) -> Result<String, String> {
    let bytes = answer(unsafe { wasmacro_literal_from_str(src.as_ptr(), src.len()) })?;
    Ok(String::from_utf8(bytes).unwrap_or_else(|_| panic!("wasmacro: malformed literal reply")))
}

pub(crate) fn stream_to_string(stream: &TokenStream) -> String {
    let mut buf = Vec::new();
    wire::encode_stream(&mut buf, stream);
    let r = unsafe { wasmacro_stream_to_string(buf.as_ptr(), buf.len()) };
    answer(r).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_else(|e| panic!("{e}"))
}

pub(crate) fn ident_normalize(string: &str) -> Option<String> {
    let r = unsafe { wasmacro_ident_normalize(string.as_ptr(), string.len()) };
    answer(r).ok().map(|b| String::from_utf8_lossy(&b).into_owned())
}

pub(crate) fn span_debug(span: u32) -> String {
    let r = unsafe { wasmacro_span_debug(span) };
    answer(r).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default()
}

pub(crate) fn span_source_text(span: u32) -> Option<String> {
    let r = unsafe { wasmacro_span_source_text(span) };
    answer(r).ok().map(|b| String::from_utf8_lossy(&b).into_owned())
}

pub(crate) fn span_file(span: u32) -> String {
    let r = unsafe { wasmacro_span_file(span) };
    answer(r).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default()
}

pub(crate) fn span_local_file(span: u32) -> Option<String> {
    let r = unsafe { wasmacro_span_local_file(span) };
    answer(r).ok().map(|b| String::from_utf8_lossy(&b).into_owned())
}

pub(crate) fn span_line(span: u32) -> usize {
    unsafe { wasmacro_span_line(span) as usize }
}

pub(crate) fn span_column(span: u32) -> usize {
    unsafe { wasmacro_span_column(span) as usize }
}

pub(crate) fn span_start(span: u32) -> u32 {
    unsafe { wasmacro_span_start(span) }
}

pub(crate) fn span_end(span: u32) -> u32 {
    unsafe { wasmacro_span_end(span) }
}

pub(crate) fn span_resolved_at(span: u32, at: u32) -> u32 {
    unsafe { wasmacro_span_resolved_at(span, at) }
}
