//! The facade compiled natively against a stub host: the wire format both ways, pass-through
//! handles, the host-call conventions, and `Literal`'s constructors and display.
//!
//! Built by guest_build_test.py with `rustc --test --extern proc_macro=<facade built natively>`.
//! The stub host below defines the imports the facade declares (on wasm32 they come from the
//! "wasmacro" import module; natively they are plain symbols).

extern crate proc_macro;

use proc_macro::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use std::cell::RefCell;
use std::ffi::CString;
use std::str::FromStr;

/// The wire format version (docs/abi.md) that every message starts with.
const WIRE_VERSION: u32 = 2;

// ------------------------------------------------------------------------------------------------
// Stub host.

thread_local! {
    static REPLY: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static LAST_PRINTED: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

fn set_reply(bytes: &[u8]) -> i32 {
    REPLY.with_borrow_mut(|r| *r = bytes.to_vec());
    bytes.len() as i32
}

fn set_error(message: &str) -> i32 {
    set_reply(message.as_bytes());
    -(message.len() as i32) - 1
}

unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    unsafe { std::slice::from_raw_parts(ptr, len) }
}

#[unsafe(no_mangle)]
extern "C" fn reply(dst: *mut u8) {
    REPLY.with_borrow(|r| unsafe { std::ptr::copy_nonoverlapping(r.as_ptr(), dst, r.len()) });
}

#[unsafe(no_mangle)]
extern "C" fn panic_message(ptr: *const u8, len: usize) {
    let text = String::from_utf8(unsafe { bytes(ptr, len) }.to_vec()).unwrap();
    PANIC.with_borrow_mut(|p| *p = text);
}

// Lexes only what the tests feed it: "a + 1" and "1u8".
#[unsafe(no_mangle)]
extern "C" fn stream_from_str(ptr: *const u8, len: usize) -> i32 {
    match unsafe { bytes(ptr, len) } {
        b"a + 1" => {
            let mut w = Wire::default();
            w.stream(0, 3);
            w.ident(false, 1, "a");
            w.punct(b'+', false, 1);
            w.literal(1, "1");
            set_reply(&w.0)
        }
        _ => set_error("cannot parse string into token stream"),
    }
}

#[unsafe(no_mangle)]
extern "C" fn literal_from_str(ptr: *const u8, len: usize) -> i32 {
    match unsafe { bytes(ptr, len) } {
        b"1u8" => set_reply(b"1u8"),
        _ => set_error("not a literal"),
    }
}

#[unsafe(no_mangle)]
extern "C" fn stream_to_string(ptr: *const u8, len: usize) -> i32 {
    let wire = unsafe { bytes(ptr, len) }.to_vec();
    LAST_PRINTED.with_borrow_mut(|p| *p = wire);
    set_reply(b"<printed by the host>")
}

#[unsafe(no_mangle)]
extern "C" fn ident_normalize(ptr: *const u8, len: usize) -> i32 {
    let s = std::str::from_utf8(unsafe { bytes(ptr, len) }).unwrap();
    // NFC of "e" + U+0301 is U+00E9; anything else non-ASCII passes as is.
    let normalized = s.replace("e\u{301}", "\u{e9}");
    if normalized.chars().next().is_some_and(|c| c.is_alphabetic()) { set_reply(normalized.as_bytes()) } else { -1 }
}

#[unsafe(no_mangle)]
extern "C" fn span_debug(span: u32) -> i32 {
    set_reply(format!("#{span} bytes(0..0)").as_bytes())
}

#[unsafe(no_mangle)]
extern "C" fn span_source_text(span: u32) -> i32 {
    if span == 5 { set_reply(b"source of 5") } else { -1 }
}

#[unsafe(no_mangle)]
extern "C" fn span_file(_span: u32) -> i32 {
    set_reply(b"src/lib.rs")
}

#[unsafe(no_mangle)]
extern "C" fn span_local_file(_span: u32) -> i32 {
    -1
}

#[unsafe(no_mangle)]
extern "C" fn span_line(span: u32) -> u32 {
    span * 10
}

#[unsafe(no_mangle)]
extern "C" fn span_column(span: u32) -> u32 {
    span * 100
}

#[unsafe(no_mangle)]
extern "C" fn span_start(span: u32) -> u32 {
    span + 1000
}

#[unsafe(no_mangle)]
extern "C" fn span_end(span: u32) -> u32 {
    span + 2000
}

#[unsafe(no_mangle)]
extern "C" fn span_resolved_at(span: u32, at: u32) -> u32 {
    span * 65536 + at
}

// ------------------------------------------------------------------------------------------------
// Driving an expansion the way a host does.

unsafe extern "Rust" {
    fn __wasmacro_expand1(input: *mut u8, len: usize, f: fn(TokenStream) -> TokenStream) -> *const u8;
    fn __wasmacro_expand2(input: *mut u8, len: usize, f: fn(TokenStream, TokenStream) -> TokenStream) -> *const u8;
}

unsafe extern "C" {
    fn wasmacro_alloc(len: usize) -> *mut u8;
}

#[derive(Default)]
struct Wire(Vec<u8>);

impl Wire {
    fn u32(&mut self, v: u32) -> &mut Self {
        self.0.extend_from_slice(&v.to_le_bytes());
        self
    }
    fn str(&mut self, s: &str) -> &mut Self {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
        self
    }
    fn header(&mut self, call_site: u32, mixed_site: u32, streams: u32) -> &mut Self {
        self.u32(WIRE_VERSION).u32(call_site).u32(mixed_site).u32(streams)
    }
    fn stream(&mut self, handle: u32, count: u32) -> &mut Self {
        self.u32(handle).u32(count)
    }
    fn group(&mut self, delim: u8, open: u32, close: u32, entire: u32) -> &mut Self {
        self.0.extend_from_slice(&[0, delim]);
        self.u32(open).u32(close).u32(entire)
    }
    fn ident(&mut self, raw: bool, span: u32, name: &str) -> &mut Self {
        self.0.extend_from_slice(&[1, raw as u8]);
        self.u32(span).str(name)
    }
    fn punct(&mut self, ch: u8, joint: bool, span: u32) -> &mut Self {
        self.0.extend_from_slice(&[2, ch, joint as u8]);
        self.u32(span)
    }
    fn literal(&mut self, span: u32, text: &str) -> &mut Self {
        self.0.push(3);
        self.u32(span).str(text)
    }
}

fn send(input: &[u8]) -> (*mut u8, usize) {
    let ptr = unsafe { wasmacro_alloc(input.len()) };
    unsafe { std::ptr::copy_nonoverlapping(input.as_ptr(), ptr, input.len()) };
    (ptr, input.len())
}

fn take_output(p: *const u8) -> Vec<u8> {
    let len = u32::from_le_bytes(unsafe { bytes(p, 4) }.try_into().unwrap()) as usize;
    unsafe { bytes(p.add(4), len) }.to_vec()
}

fn expand(input: &[u8], f: fn(TokenStream) -> TokenStream) -> Vec<u8> {
    let (ptr, len) = send(input);
    take_output(unsafe { __wasmacro_expand1(ptr, len, f) })
}

// `fn(x) { [a # b] r#type 'c' }` with call_site 1, mixed_site 2; the top stream is handle 7, the
// bracket group's stream 8, the brace group's 9.
fn sample_input() -> Vec<u8> {
    let mut w = Wire::default();
    w.header(1, 2, 1).stream(7, 3);
    w.ident(false, 10, "fn");
    w.group(0, 11, 12, 13).stream(0, 1).ident(false, 14, "x");
    w.group(1, 15, 16, 17).stream(9, 3);
    w.group(2, 18, 19, 20).stream(8, 3).ident(false, 21, "a").punct(b'#', true, 22).ident(false, 23, "b");
    w.ident(true, 24, "type");
    w.literal(25, "'c'");
    w.0
}

// ------------------------------------------------------------------------------------------------

#[test]
fn identity_returns_the_input_handle_alone() {
    let out = expand(&sample_input(), |ts| ts);
    let mut want = Wire::default();
    want.u32(WIRE_VERSION).stream(7, 0);
    assert_eq!(out, want.0);
}

#[test]
fn rebuilt_streams_inline_their_trees_and_keep_pristine_groups() {
    // Collecting the trees makes a new top stream; the groups inside are untouched.
    let out = expand(&sample_input(), |ts| ts.into_iter().collect());
    let mut want = Wire::default();
    want.u32(WIRE_VERSION).stream(0, 3);
    want.ident(false, 10, "fn");
    want.group(0, 11, 12, 13).stream(0, 1).ident(false, 14, "x"); // had no handle
    want.group(1, 15, 16, 17).stream(9, 0);
    assert_eq!(out, want.0);
}

#[test]
fn an_extended_pristine_stream_travels_as_a_splice_plus_the_new_trees() {
    let out = expand(&sample_input(), |ts| {
        let mut ts = ts;
        ts.extend([TokenTree::Punct(Punct::new(';', Spacing::Alone))]);
        ts
    });
    // docs/abi.md, "Splices": the top stream is new (handle 0) and holds two items, the host's
    // stream 7 spliced in and the new punct at call_site (1).
    let mut want = Wire::default();
    want.u32(WIRE_VERSION).stream(0, 2);
    want.0.push(4);
    want.u32(7).punct(b';', false, 1);
    assert_eq!(out, want.0);
}

#[test]
fn extending_an_empty_stream_with_one_stream_keeps_it() {
    let out = expand(&sample_input(), |ts| {
        let mut fresh = TokenStream::new();
        fresh.extend([ts]);
        let wrapped = Group::new(Delimiter::None, fresh);
        wrapped.stream()
    });
    let mut want = Wire::default();
    want.u32(WIRE_VERSION).stream(7, 0);
    assert_eq!(out, want.0);
}

#[test]
fn trees_read_back_with_their_kinds_and_spans() {
    fn inspect(ts: TokenStream) -> TokenStream {
        let trees: Vec<TokenTree> = ts.into_iter().collect();
        assert_eq!(trees.len(), 3);
        let TokenTree::Group(brace) = &trees[2] else { panic!("expected a group") };
        assert_eq!(brace.delimiter(), Delimiter::Brace);
        assert_eq!(format!("{:?}", brace.span_open()), "#15 bytes(0..0)");
        assert_eq!(format!("{:?}", brace.span_close()), "#16 bytes(0..0)");
        assert_eq!(format!("{:?}", brace.span()), "#17 bytes(0..0)");
        let inner: Vec<TokenTree> = brace.stream().into_iter().collect();
        let TokenTree::Group(bracket) = &inner[0] else { panic!("expected a group") };
        let punct = bracket.stream().into_iter().nth(1).unwrap();
        let TokenTree::Punct(p) = punct else { panic!("expected a punct") };
        assert_eq!((p.as_char(), p.spacing()), ('#', Spacing::Joint));
        assert_eq!(inner[1].to_string(), "r#type");
        assert_eq!(inner[2].to_string(), "'c'");
        assert_eq!(format!("{:?}", inner[2]), "Literal { kind: Char, symbol: \"c\", suffix: None, span: #25 bytes(0..0) }");
        assert_eq!(Span::call_site().line(), 10);
        assert_eq!(Span::mixed_site().column(), 200);
        assert!(proc_macro::is_available());
        TokenStream::new()
    }
    let out = expand(&sample_input(), inspect);
    assert_eq!(out, [WIRE_VERSION as u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
}

#[test]
fn attribute_entry_passes_args_then_item() {
    let mut w = Wire::default();
    w.header(1, 2, 2).stream(3, 1).ident(false, 5, "args").stream(4, 1).ident(false, 6, "item");
    let (ptr, len) = send(&w.0);
    let out = take_output(unsafe {
        __wasmacro_expand2(ptr, len, |args, item| {
            assert_eq!(args.into_iter().next().unwrap().to_string(), "args");
            item
        })
    });
    let mut want = Wire::default();
    want.u32(WIRE_VERSION).stream(4, 0);
    assert_eq!(out, want.0);
}

#[test]
fn host_calls_follow_the_reply_convention() {
    fn body(_: TokenStream) -> TokenStream {
        let parsed = TokenStream::from_str("a + 1").unwrap();
        assert_eq!(parsed.clone().into_iter().count(), 3);
        let err = TokenStream::from_str("\"").unwrap_err();
        assert_eq!(err.to_string(), "cannot parse string into token stream");
        assert_eq!(Literal::from_str("1u8").unwrap().to_string(), "1u8");
        assert!(Literal::from_str("nope").is_err());
        // Display goes to the host with the stream encoded, handles included.
        assert_eq!(parsed.to_string(), "<printed by the host>");
        let span = Span::call_site();
        assert_eq!(span.source_text(), None);
        assert_eq!(span.file(), "src/lib.rs");
        assert_eq!(span.local_file(), None);
        assert_eq!(format!("{:?}", span.start()), "#1001 bytes(0..0)");
        assert_eq!(format!("{:?}", span.end()), "#2001 bytes(0..0)");
        assert_eq!(format!("{:?}", span.resolved_at(Span::mixed_site())), "#65538 bytes(0..0)");
        assert_eq!(format!("{:?}", span.located_at(Span::mixed_site())), "#131073 bytes(0..0)");
        assert_eq!(Ident::new("e\u{301}t\u{e9}", span).to_string(), "\u{e9}t\u{e9}");
        parsed
    }
    let out = expand(&sample_input(), body);
    let mut want = Wire::default();
    want.u32(WIRE_VERSION).stream(0, 3).ident(false, 1, "a").punct(b'+', false, 1).literal(1, "1");
    assert_eq!(out, want.0);
    let printed = LAST_PRINTED.with_borrow(|p| p.clone());
    let mut want_printed = Wire::default();
    want_printed.stream(0, 3).ident(false, 1, "a").punct(b'+', false, 1).literal(1, "1");
    assert_eq!(printed, want_printed.0);
}

#[test]
fn literal_constructors_print_like_rustc() {
    fn body(_: TokenStream) -> TokenStream {
        let cases: Vec<(Literal, &str)> = vec![
            (Literal::u8_suffixed(7), "7u8"),
            (Literal::i128_unsuffixed(-3), "-3"),
            (Literal::usize_suffixed(usize::MAX), "18446744073709551615usize"),
            (Literal::f32_suffixed(1.5), "1.5f32"),
            (Literal::f64_unsuffixed(2.0), "2.0"),
            (Literal::f64_unsuffixed(0.1), "0.1"),
            (Literal::string("a\"b'\n\t\\\u{301}é\0"), "\"a\\\"b'\\n\\t\\\\\\u{301}é\\0\""),
            (Literal::character('\''), "'\\''"),
            (Literal::character('"'), "'\"'"),
            (Literal::byte_character(b'\xff'), "b'\\xff'"),
            (Literal::byte_character(0), "b'\\0'"),
            (Literal::byte_string(b"a\"\x01\xff"), "b\"a\\\"\\x01\\xff\""),
            (Literal::c_string(&CString::new("hé\"").unwrap()), "c\"hé\\\"\""),
        ];
        for (lit, want) in cases {
            assert_eq!(lit.to_string(), want);
        }
        let big = Literal::f64_unsuffixed(1e300).to_string();
        assert!(big.starts_with("1000") && big.ends_with(".0") && big.len() == 303, "{big}");
        let debug = format!("{:?}", Literal::f64_suffixed(1.5e3));
        assert_eq!(debug, "Literal { kind: Float, symbol: \"1500\", suffix: Some(\"f64\"), span: #1 bytes(0..0) }");
        assert!(std::panic::catch_unwind(|| Literal::f32_unsuffixed(f32::NAN)).is_err());
        assert!(std::panic::catch_unwind(|| Ident::new("1x", Span::call_site())).is_err());
        assert!(std::panic::catch_unwind(|| Ident::new_raw("self", Span::call_site())).is_err());
        assert!(std::panic::catch_unwind(|| Punct::new('a', Spacing::Alone)).is_err());
        TokenStream::new()
    }
    expand(&sample_input(), body);
}

#[test]
fn panics_reach_the_host_with_their_payload() {
    // Natively the panic unwinds instead of trapping; the hook has reported it first.
    let result = std::panic::catch_unwind(|| expand(&sample_input(), |_| panic!("derive failed: {}", 42)));
    assert!(result.is_err());
    assert_eq!(PANIC.with_borrow(|p| p.clone()), "derive failed: 42");
}

#[test]
fn outside_an_expansion_the_api_is_unavailable() {
    assert!(!proc_macro::is_available());
    let err = std::panic::catch_unwind(Span::call_site).unwrap_err();
    let msg = err.downcast_ref::<String>().cloned().or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()));
    let msg = msg.unwrap_or_default();
    assert_eq!(msg, "procedural macro API is used outside of a procedural macro");
}
