//! Answers to the guest's host calls that only rustc can give exactly (docs/abi.md, "Imports"):
//! lexing, printing, and span queries. Called by the runtime in the middle of an expansion, on
//! rustc's thread; nothing may unwind back into C++.

use crate::ffi;
use crate::tables::Tables;
use crate::wire;
use proc_macro::{Literal, TokenStream, TokenTree};
use std::ffi::c_void;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::str::FromStr;

pub struct State {
    pub tables: Tables,
    pub max_depth: u32,
}

enum Answer {
    Bytes(Vec<u8>),
    Text(String),
    Number(u32),
    NoValue,
    Error(String),
}

fn text(data: &[u8]) -> Result<&str, Answer> {
    std::str::from_utf8(data)
        .map_err(|_| Answer::Error("the argument is not valid UTF-8".to_owned()))
}

fn span_of(state: &State, handle: u32) -> Result<proc_macro::Span, Answer> {
    state.tables.span(handle).map_err(Answer::Error)
}

fn answer_call(
    state: &mut State,
    call: u32,
    a: u32,
    b: u32,
    data: &[u8],
) -> Result<Answer, Answer> {
    Ok(match call {
        ffi::CALL_STREAM_FROM_STR => match TokenStream::from_str(text(data)?) {
            Ok(stream) => {
                let mut out = Vec::new();
                wire::encode_stream(&mut out, &mut state.tables, stream);
                Answer::Bytes(out)
            }
            Err(e) => Answer::Error(e.to_string()),
        },
        ffi::CALL_LITERAL_FROM_STR => match Literal::from_str(text(data)?) {
            Ok(lit) => Answer::Text(lit.to_string()),
            Err(e) => Answer::Error(e.to_string()),
        },
        ffi::CALL_STREAM_TO_STRING => {
            let stream =
                wire::decode_stream(data, &state.tables, state.max_depth).map_err(Answer::Error)?;
            Answer::Text(stream.to_string())
        }
        ffi::CALL_IDENT_NORMALIZE => {
            // rustc's lexer normalises identifiers to NFC, as `Ident::new` does, and says no where
            // `Ident::new` would panic.
            let candidate = text(data)?;
            // Only identifier characters are worth lexing: anything else could make rustc's lexer
            // report an error of its own, where `Ident::new` would just refuse.
            let ident_chars = |c: char| !c.is_ascii() || c.is_ascii_alphanumeric() || c == '_';
            if candidate.is_empty() || !candidate.chars().all(ident_chars) {
                return Err(Answer::NoValue);
            }
            let mut trees = TokenStream::from_str(candidate)
                .map(|s| s.into_iter())
                .map_err(|_| Answer::NoValue)?;
            match (trees.next(), trees.next()) {
                (Some(TokenTree::Ident(ident)), None) if !ident.to_string().starts_with("r#") => {
                    Answer::Text(ident.to_string())
                }
                _ => Answer::NoValue,
            }
        }
        ffi::CALL_SPAN_DEBUG => Answer::Text(format!("{:?}", span_of(state, a)?)),
        ffi::CALL_SPAN_SOURCE_TEXT => span_of(state, a)?
            .source_text()
            .map_or(Answer::NoValue, Answer::Text),
        ffi::CALL_SPAN_FILE => Answer::Text(guest_path(&span_of(state, a)?.file())),
        ffi::CALL_SPAN_LOCAL_FILE => span_of(state, a)?
            .local_file()
            .map_or(Answer::NoValue, |p| {
                Answer::Text(guest_path(&p.to_string_lossy()))
            }),
        ffi::CALL_SPAN_LINE => Answer::Number(span_of(state, a)?.line() as u32),
        ffi::CALL_SPAN_COLUMN => Answer::Number(span_of(state, a)?.column() as u32),
        ffi::CALL_SPAN_START => {
            let span = span_of(state, a)?.start();
            Answer::Number(state.tables.add_span(span))
        }
        ffi::CALL_SPAN_END => {
            let span = span_of(state, a)?.end();
            Answer::Number(state.tables.add_span(span))
        }
        ffi::CALL_SPAN_RESOLVED_AT => {
            let span = span_of(state, a)?.resolved_at(span_of(state, b)?);
            Answer::Number(state.tables.add_span(span))
        }
        other => Answer::Error(format!("unknown host call {other}")),
    })
}

/// What a guest may learn of a source path: never an absolute host path (docs/bridge.md, "What a
/// guest sees"). Paths under the package being compiled become relative to its root, as cargo passes
/// them for workspace members anyway; other absolute paths (registry sources) keep only the package
/// folder's name and what follows, e.g. `serde-1.0.228/src/de.rs`.
fn guest_path(path: &str) -> String {
    let p = std::path::Path::new(path);
    if !p.is_absolute() {
        return path.to_owned();
    }
    if let Some(root) = std::env::var_os("CARGO_MANIFEST_DIR") {
        if let Ok(rest) = p.strip_prefix(&root) {
            return rest.to_string_lossy().into_owned();
        }
    }
    let parts: Vec<_> = p.components().collect();
    match parts.iter().rposition(|c| c.as_os_str() == "src") {
        Some(i) if i > 0 => parts[i - 1..]
            .iter()
            .collect::<std::path::PathBuf>()
            .to_string_lossy()
            .into_owned(),
        _ => p
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
    }
}

pub unsafe extern "C" fn answer(
    user: *mut c_void,
    call: u32,
    a: u32,
    b: u32,
    data: *const u8,
    len: usize,
    reply: *mut ffi::WasmacroReply,
) -> i64 {
    // SAFETY: `user` is the State that `expand` passed for this expansion, and the runtime calls back
    // only while that call is running.
    let state = unsafe { &mut *user.cast::<State>() };
    let data = if len == 0 {
        &[][..]
    } else {
        unsafe { std::slice::from_raw_parts(data, len) }
    };
    let answer = catch_unwind(AssertUnwindSafe(|| answer_call(state, call, a, b, data)))
        .unwrap_or_else(|_| {
            Err(Answer::Error(
                "the compiler panicked while answering the host call".to_owned(),
            ))
        })
        .unwrap_or_else(|e| e);
    let set = |bytes: &[u8]| unsafe { ffi::wasmacro_reply_set(reply, bytes.as_ptr(), bytes.len()) };
    match answer {
        Answer::Bytes(bytes) => {
            set(&bytes);
            0
        }
        Answer::Text(t) => {
            set(t.as_bytes());
            0
        }
        Answer::Number(n) => i64::from(n),
        Answer::NoValue => -1,
        Answer::Error(message) => {
            set(message.as_bytes());
            -1
        }
    }
}
