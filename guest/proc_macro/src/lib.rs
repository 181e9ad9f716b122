//! The `proc_macro` facade for wasm32 guests.
//!
//! Its public API is exactly the `#[stable]` API of rustc 1.95's `proc_macro`, item for item and
//! signature for signature (tests/toolchain/facade_conformance checks it against the library source),
//! so syn, quote and proc-macro2 compile against it unpatched. Tokens live in wasm memory; the few
//! questions only rustc can answer (lexing, printing, span locations) are host calls, listed in
//! docs/abi.md and declared in `host.rs`.
//!
//! Nothing here is public beyond that API: the entry points the generated glue calls are
//! `#[no_mangle]` symbols in `abi.rs`, not Rust items.

use std::ffi::CStr;
use std::fmt;
use std::marker::PhantomData;
use std::path::PathBuf;
use std::rc::Rc;
use std::str::FromStr;

mod abi;
mod escape;
mod host;
mod literal;
mod wire;

/// Whether the proc_macro API is available: true while an expansion runs.
pub fn is_available() -> bool {
    abi::in_expansion()
}

/// A sequence of token trees. Cloning is cheap: the trees are shared until one side changes them.
#[derive(Clone)]
pub struct TokenStream(Option<Rc<Stream>>);

/// The shared body of a non-empty stream. `handle` names the host's original stream while the trees
/// are unchanged since they arrived (0 otherwise), so that pristine input goes back as itself.
#[derive(Clone)]
struct Stream {
    trees: Vec<TokenTree>,
    handle: u32,
    /// Runs of `trees` that are exactly a host stream, kept through concatenation so that rustc gets
    /// its own stream back for them (docs/abi.md, "Splices"). In order, never overlapping.
    splices: Vec<Splice>,
}

/// `trees[start..start + len]` is the host's stream `handle`, unchanged.
#[derive(Clone, Copy)]
struct Splice {
    start: u32,
    len: u32,
    handle: u32,
}

impl Stream {
    // The host streams this stream's trees contain, shifted to start at `offset`.
    fn splices_at(&self, offset: usize, out: &mut Vec<Splice>) {
        if self.handle != 0 {
            out.push(Splice { start: offset as u32, len: self.trees.len() as u32, handle: self.handle });
        } else {
            out.extend(self.splices.iter().map(|s| Splice { start: s.start + offset as u32, ..*s }));
        }
    }
}

/// Error returned from `TokenStream::from_str` and `Literal::from_str`. `Rc` keeps it `!Send` and
/// `!Sync`, as rustc's is, and debug-prints like a `String`.
#[non_exhaustive]
#[derive(Debug)]
pub struct LexError(Rc<str>);

impl fmt::Display for LexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LexError {}

impl TokenStream {
    /// Returns an empty `TokenStream`.
    pub fn new() -> TokenStream {
        TokenStream(None)
    }

    /// Checks if this `TokenStream` is empty.
    pub fn is_empty(&self) -> bool {
        self.0.as_ref().map_or(true, |s| s.trees.is_empty())
    }

    fn from_trees(trees: Vec<TokenTree>) -> TokenStream {
        if trees.is_empty() {
            TokenStream(None)
        } else {
            TokenStream(Some(Rc::new(Stream { trees, handle: 0, splices: Vec::new() })))
        }
    }

    fn trees(&self) -> &[TokenTree] {
        self.0.as_ref().map_or(&[], |s| &s.trees)
    }

    fn append_trees(&mut self, mut trees: Vec<TokenTree>) {
        if trees.is_empty() {
            return;
        }
        match &mut self.0 {
            None => *self = TokenStream::from_trees(trees),
            Some(rc) => {
                let stream = Rc::make_mut(rc);
                if stream.handle != 0 {
                    // The host's stream stays a prefix of this one.
                    let len = stream.trees.len() as u32;
                    stream.splices = vec![Splice { start: 0, len, handle: stream.handle }];
                    stream.handle = 0;
                }
                stream.trees.append(&mut trees);
            }
        }
    }

    // Mirrors rustc's concatenation: a lone non-empty stream added to an empty one is kept as it is,
    // so a pass-through keeps its host handle.
    fn append_streams(&mut self, streams: Vec<TokenStream>) {
        let mut streams: Vec<Rc<Stream>> = streams.into_iter().filter_map(|s| s.0).collect();
        if streams.is_empty() {
            return;
        }
        if self.0.is_none() && streams.len() == 1 {
            self.0 = streams.pop();
            return;
        }
        // Host streams among the parts are remembered as splices, as rustc's concatenation keeps its
        // own token objects (doc comments, `macro_rules!` fragments) where the public API cannot.
        let mut splices = Vec::new();
        let mut trees = match self.0.take() {
            Some(rc) => {
                rc.splices_at(0, &mut splices);
                Rc::try_unwrap(rc).map_or_else(|rc| rc.trees.clone(), |s| s.trees)
            }
            None => Vec::new(),
        };
        for rc in streams {
            rc.splices_at(trees.len(), &mut splices);
            trees.extend(rc.trees.iter().cloned());
        }
        *self = TokenStream(Some(Rc::new(Stream { trees, handle: 0, splices })));
    }
}

/// Parses a string into tokens through the host, exactly as rustc lexes it. All tokens get
/// `Span::call_site()` spans.
impl FromStr for TokenStream {
    type Err = LexError;

    fn from_str(src: &str) -> Result<TokenStream, LexError> {
        host::stream_from_str(src).map_err(|e| LexError(e.into()))
    }
}

/// Prints the stream as rustc prints it (the host answers), so spacing matches native expansions.
impl fmt::Display for TokenStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return Ok(());
        }
        f.write_str(&host::stream_to_string(self))
    }
}

impl fmt::Debug for TokenStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TokenStream ")?;
        f.debug_list().entries(self.trees()).finish()
    }
}

impl Default for TokenStream {
    fn default() -> Self {
        TokenStream::new()
    }
}

impl From<TokenTree> for TokenStream {
    fn from(tree: TokenTree) -> TokenStream {
        TokenStream::from_trees(vec![tree])
    }
}

impl FromIterator<TokenTree> for TokenStream {
    fn from_iter<I: IntoIterator<Item = TokenTree>>(trees: I) -> Self {
        TokenStream::from_trees(trees.into_iter().collect())
    }
}

impl FromIterator<TokenStream> for TokenStream {
    fn from_iter<I: IntoIterator<Item = TokenStream>>(streams: I) -> Self {
        let mut stream = TokenStream::new();
        stream.append_streams(streams.into_iter().collect());
        stream
    }
}

impl Extend<TokenTree> for TokenStream {
    fn extend<I: IntoIterator<Item = TokenTree>>(&mut self, trees: I) {
        self.append_trees(trees.into_iter().collect());
    }
}

impl Extend<TokenStream> for TokenStream {
    fn extend<I: IntoIterator<Item = TokenStream>>(&mut self, streams: I) {
        self.append_streams(streams.into_iter().collect());
    }
}

macro_rules! extend_with_trees_of_one_kind {
    ($($item:ident)*) => {
        $(
            impl Extend<$item> for TokenStream {
                fn extend<T: IntoIterator<Item = $item>>(&mut self, iter: T) {
                    self.extend(iter.into_iter().map(TokenTree::$item));
                }
            }
        )*
    };
}

extend_with_trees_of_one_kind!(Group Literal Punct Ident);

/// Public implementation details for the `TokenStream` type, such as iterators.
pub mod token_stream {
    use crate::{TokenStream, TokenTree};
    use std::rc::Rc;

    /// An iterator over `TokenStream`'s `TokenTree`s. It does not recurse into groups.
    #[derive(Clone)]
    pub struct IntoIter(std::vec::IntoIter<TokenTree>);

    impl Iterator for IntoIter {
        type Item = TokenTree;

        fn next(&mut self) -> Option<TokenTree> {
            self.0.next()
        }

        fn size_hint(&self) -> (usize, Option<usize>) {
            self.0.size_hint()
        }

        fn count(self) -> usize {
            self.0.count()
        }
    }

    impl IntoIterator for TokenStream {
        type Item = TokenTree;
        type IntoIter = IntoIter;

        fn into_iter(self) -> IntoIter {
            let trees = match self.0 {
                Some(rc) => Rc::try_unwrap(rc).map_or_else(|rc| rc.trees.clone(), |s| s.trees),
                None => Vec::new(),
            };
            IntoIter(trees.into_iter())
        }
    }
}

/// A region of source code, as a handle into the host's span table. The marker keeps it `!Send`
/// and `!Sync`, as rustc's is.
#[derive(Copy, Clone)]
pub struct Span(u32, PhantomData<*const ()>);

impl Span {
    fn from_handle(handle: u32) -> Span {
        Span(handle, PhantomData)
    }

    /// The span of the invocation of the current procedural macro.
    pub fn call_site() -> Span {
        Span::from_handle(abi::call_site())
    }

    /// A span that resolves at the macro definition site for local variables and labels, and at the
    /// call site for everything else.
    pub fn mixed_site() -> Span {
        Span::from_handle(abi::mixed_site())
    }

    /// An empty span pointing to directly before this span.
    pub fn start(&self) -> Span {
        Span::from_handle(host::span_start(self.0))
    }

    /// An empty span pointing to directly after this span.
    pub fn end(&self) -> Span {
        Span::from_handle(host::span_end(self.0))
    }

    /// The one-indexed line of the source file where the span starts.
    pub fn line(&self) -> usize {
        host::span_line(self.0)
    }

    /// The one-indexed column of the source file where the span starts.
    pub fn column(&self) -> usize {
        host::span_column(self.0)
    }

    /// The path to the source file in which this span occurs, for display purposes.
    pub fn file(&self) -> String {
        host::span_file(self.0)
    }

    /// The path to the source file in which this span occurs on the local file system.
    pub fn local_file(&self) -> Option<PathBuf> {
        host::span_local_file(self.0).map(PathBuf::from)
    }

    /// Creates a new span with the same line/column information as `self` but that resolves symbols
    /// as though it were at `other`.
    pub fn resolved_at(&self, other: Span) -> Span {
        Span::from_handle(host::span_resolved_at(self.0, other.0))
    }

    /// Creates a new span with the same name resolution behavior as `self` but with the line/column
    /// information of `other`.
    pub fn located_at(&self, other: Span) -> Span {
        other.resolved_at(*self)
    }

    /// Returns the source text behind a span.
    pub fn source_text(&self) -> Option<String> {
        host::span_source_text(self.0)
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&host::span_debug(self.0))
    }
}

/// A single token or a delimited sequence of token trees.
#[derive(Clone)]
pub enum TokenTree {
    /// A token stream surrounded by bracket delimiters.
    Group(Group),
    /// An identifier.
    Ident(Ident),
    /// A single punctuation character.
    Punct(Punct),
    /// A literal character, string, number or byte string.
    Literal(Literal),
}

impl TokenTree {
    /// Returns the span of this tree.
    pub fn span(&self) -> Span {
        match *self {
            TokenTree::Group(ref t) => t.span(),
            TokenTree::Ident(ref t) => t.span(),
            TokenTree::Punct(ref t) => t.span(),
            TokenTree::Literal(ref t) => t.span(),
        }
    }

    /// Configures the span for *only this token*.
    pub fn set_span(&mut self, span: Span) {
        match *self {
            TokenTree::Group(ref mut t) => t.set_span(span),
            TokenTree::Ident(ref mut t) => t.set_span(span),
            TokenTree::Punct(ref mut t) => t.set_span(span),
            TokenTree::Literal(ref mut t) => t.set_span(span),
        }
    }
}

impl fmt::Debug for TokenTree {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            TokenTree::Group(ref tt) => tt.fmt(f),
            TokenTree::Ident(ref tt) => tt.fmt(f),
            TokenTree::Punct(ref tt) => tt.fmt(f),
            TokenTree::Literal(ref tt) => tt.fmt(f),
        }
    }
}

impl From<Group> for TokenTree {
    fn from(g: Group) -> TokenTree {
        TokenTree::Group(g)
    }
}

impl From<Ident> for TokenTree {
    fn from(g: Ident) -> TokenTree {
        TokenTree::Ident(g)
    }
}

impl From<Punct> for TokenTree {
    fn from(g: Punct) -> TokenTree {
        TokenTree::Punct(g)
    }
}

impl From<Literal> for TokenTree {
    fn from(g: Literal) -> TokenTree {
        TokenTree::Literal(g)
    }
}

impl fmt::Display for TokenTree {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenTree::Group(t) => write!(f, "{t}"),
            TokenTree::Ident(t) => write!(f, "{t}"),
            TokenTree::Punct(t) => write!(f, "{t}"),
            TokenTree::Literal(t) => write!(f, "{t}"),
        }
    }
}

#[derive(Copy, Clone)]
struct DelimSpan {
    open: Span,
    close: Span,
    entire: Span,
}

impl DelimSpan {
    fn from_single(span: Span) -> DelimSpan {
        DelimSpan { open: span, close: span, entire: span }
    }
}

/// A delimited token stream.
#[derive(Clone)]
pub struct Group {
    delimiter: Delimiter,
    stream: TokenStream,
    span: DelimSpan,
}

/// Describes how a sequence of token trees is delimited.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Delimiter {
    /// `( ... )`
    Parenthesis,
    /// `{ ... }`
    Brace,
    /// `[ ... ]`
    Bracket,
    /// An invisible delimiter, as around tokens coming from a `macro_rules!` fragment.
    None,
}

impl Group {
    /// Creates a new `Group` with the given delimiter and token stream, spanning the call site.
    pub fn new(delimiter: Delimiter, stream: TokenStream) -> Group {
        Group { delimiter, stream, span: DelimSpan::from_single(Span::call_site()) }
    }

    /// Returns the delimiter of this `Group`.
    pub fn delimiter(&self) -> Delimiter {
        self.delimiter
    }

    /// Returns the `TokenStream` of tokens that are delimited in this `Group`.
    pub fn stream(&self) -> TokenStream {
        self.stream.clone()
    }

    /// Returns the span for the delimiters of this token stream, spanning the entire `Group`.
    pub fn span(&self) -> Span {
        self.span.entire
    }

    /// Returns the span pointing to the opening delimiter of this group.
    pub fn span_open(&self) -> Span {
        self.span.open
    }

    /// Returns the span pointing to the closing delimiter of this group.
    pub fn span_close(&self) -> Span {
        self.span.close
    }

    /// Configures the span for this `Group`'s delimiters, but not its internal tokens.
    pub fn set_span(&mut self, span: Span) {
        self.span = DelimSpan::from_single(span);
    }
}

impl fmt::Display for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", TokenStream::from(TokenTree::from(self.clone())))
    }
}

impl fmt::Debug for Group {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Group")
            .field("delimiter", &self.delimiter())
            .field("stream", &self.stream())
            .field("span", &self.span())
            .finish()
    }
}

/// A single punctuation character (`+`, `,`, `$`, etc.).
#[derive(Clone)]
pub struct Punct {
    ch: u8,
    joint: bool,
    span: Span,
}

/// Whether a `Punct` is followed immediately by another `Punct` or by another token or whitespace.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Spacing {
    /// A `Punct` immediately followed by another `Punct`, or by a non-punctuation token.
    Joint,
    /// A `Punct` followed by whitespace or by a token that cannot join it.
    Alone,
}

impl Punct {
    /// Creates a new `Punct` from the given character and spacing, spanning the call site.
    pub fn new(ch: char, spacing: Spacing) -> Punct {
        const LEGAL_CHARS: &[char] = &[
            '=', '<', '>', '!', '~', '+', '-', '*', '/', '%', '^', '&', '|', '@', '.', ',', ';',
            ':', '#', '$', '?', '\'',
        ];
        if !LEGAL_CHARS.contains(&ch) {
            panic!("unsupported character `{:?}`", ch);
        }
        Punct { ch: ch as u8, joint: spacing == Spacing::Joint, span: Span::call_site() }
    }

    /// Returns the value of this punctuation character as `char`.
    pub fn as_char(&self) -> char {
        self.ch as char
    }

    /// Returns the spacing of this punctuation character.
    pub fn spacing(&self) -> Spacing {
        if self.joint { Spacing::Joint } else { Spacing::Alone }
    }

    /// Returns the span for this punctuation character.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Configure the span for this punctuation character.
    pub fn set_span(&mut self, span: Span) {
        self.span = span;
    }
}

impl fmt::Display for Punct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_char())
    }
}

impl fmt::Debug for Punct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Punct")
            .field("ch", &self.as_char())
            .field("spacing", &self.spacing())
            .field("span", &self.span())
            .finish()
    }
}

impl PartialEq<char> for Punct {
    fn eq(&self, rhs: &char) -> bool {
        self.as_char() == *rhs
    }
}

impl PartialEq<Punct> for char {
    fn eq(&self, rhs: &Punct) -> bool {
        *self == rhs.as_char()
    }
}

/// An identifier (`ident`).
#[derive(Clone)]
pub struct Ident {
    sym: Rc<str>,
    is_raw: bool,
    span: Span,
}

impl Ident {
    /// Creates a new `Ident` with the given `string` and `span`. Panics if the string is not a
    /// valid identifier.
    pub fn new(string: &str, span: Span) -> Ident {
        Ident { sym: literal::ident_symbol(string, false), is_raw: false, span }
    }

    /// Same as `Ident::new`, but creates a raw identifier (`r#ident`).
    pub fn new_raw(string: &str, span: Span) -> Ident {
        Ident { sym: literal::ident_symbol(string, true), is_raw: true, span }
    }

    /// Returns the span of this `Ident`.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Configures the span of this `Ident`, possibly changing its hygiene context.
    pub fn set_span(&mut self, span: Span) {
        self.span = span;
    }
}

impl fmt::Display for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_raw {
            f.write_str("r#")?;
        }
        f.write_str(&self.sym)
    }
}

impl fmt::Debug for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Ident")
            .field("ident", &self.to_string())
            .field("span", &self.span())
            .finish()
    }
}

/// A literal string (`"hello"`), byte string (`b"hello"`), C string (`c"hello"`), character (`'a'`),
/// byte character (`b'a'`), an integer or floating point number with or without a suffix (`1`,
/// `1u8`, `2.3`, `2.3f32`). Held as its source text, which is also what travels on the wire.
#[derive(Clone)]
pub struct Literal {
    repr: Rc<str>,
    span: Span,
    // Made by a float constructor: `1f64` from one is a Float for `Debug`, while rustc's lexer
    // calls the same text an Integer with a suffix.
    float: bool,
}

macro_rules! suffixed_int_literals {
    ($($name:ident => $kind:ident,)*) => ($(
        /// Creates a new suffixed integer literal with the specified value.
        pub fn $name(n: $kind) -> Literal {
            Literal::new(format!("{}{}", n, stringify!($kind)))
        }
    )*)
}

macro_rules! unsuffixed_int_literals {
    ($($name:ident => $kind:ident,)*) => ($(
        /// Creates a new unsuffixed integer literal with the specified value.
        pub fn $name(n: $kind) -> Literal {
            Literal::new(n.to_string())
        }
    )*)
}

impl Literal {
    fn new(repr: String) -> Literal {
        Literal { repr: repr.into(), span: Span::call_site(), float: false }
    }

    fn new_float(repr: String) -> Literal {
        Literal { float: true, ..Literal::new(repr) }
    }

    // The float constructors' shared body: `repr` is the number's Display form. An unsuffixed literal
    // keeps a `.0` so that it still lexes as a float.
    fn from_float_repr(finite: bool, mut repr: String, suffix: &str) -> Literal {
        if !finite {
            panic!("Invalid float literal {repr}");
        }
        if suffix.is_empty() {
            if !repr.contains('.') {
                repr.push_str(".0");
            }
        } else {
            repr.push_str(suffix);
        }
        Literal::new_float(repr)
    }

    suffixed_int_literals! {
        u8_suffixed => u8,
        u16_suffixed => u16,
        u32_suffixed => u32,
        u64_suffixed => u64,
        u128_suffixed => u128,
        usize_suffixed => usize,
        i8_suffixed => i8,
        i16_suffixed => i16,
        i32_suffixed => i32,
        i64_suffixed => i64,
        i128_suffixed => i128,
        isize_suffixed => isize,
    }

    unsuffixed_int_literals! {
        u8_unsuffixed => u8,
        u16_unsuffixed => u16,
        u32_unsuffixed => u32,
        u64_unsuffixed => u64,
        u128_unsuffixed => u128,
        usize_unsuffixed => usize,
        i8_unsuffixed => i8,
        i16_unsuffixed => i16,
        i32_unsuffixed => i32,
        i64_unsuffixed => i64,
        i128_unsuffixed => i128,
        isize_unsuffixed => isize,
    }

    /// Creates a new unsuffixed floating-point literal. Panics if `n` is not finite.
    pub fn f32_unsuffixed(n: f32) -> Literal {
        Literal::from_float_repr(n.is_finite(), n.to_string(), "")
    }

    /// Creates a new suffixed floating-point literal. Panics if `n` is not finite.
    pub fn f32_suffixed(n: f32) -> Literal {
        Literal::from_float_repr(n.is_finite(), n.to_string(), "f32")
    }

    /// Creates a new unsuffixed floating-point literal. Panics if `n` is not finite.
    pub fn f64_unsuffixed(n: f64) -> Literal {
        Literal::from_float_repr(n.is_finite(), n.to_string(), "")
    }

    /// Creates a new suffixed floating-point literal. Panics if `n` is not finite.
    pub fn f64_suffixed(n: f64) -> Literal {
        Literal::from_float_repr(n.is_finite(), n.to_string(), "f64")
    }

    /// String literal.
    pub fn string(string: &str) -> Literal {
        let repr = escape::escape_bytes(string.as_bytes(), escape::STRING);
        Literal::new(format!("\"{repr}\""))
    }

    /// Character literal.
    pub fn character(ch: char) -> Literal {
        let repr = escape::escape_bytes(ch.encode_utf8(&mut [0u8; 4]).as_bytes(), escape::CHARACTER);
        Literal::new(format!("'{repr}'"))
    }

    /// Byte character literal.
    pub fn byte_character(byte: u8) -> Literal {
        let repr = escape::escape_bytes(&[byte], escape::BYTE_CHARACTER);
        Literal::new(format!("b'{repr}'"))
    }

    /// Byte string literal.
    pub fn byte_string(bytes: &[u8]) -> Literal {
        let repr = escape::escape_bytes(bytes, escape::BYTE_STRING);
        Literal::new(format!("b\"{repr}\""))
    }

    /// C string literal.
    pub fn c_string(string: &CStr) -> Literal {
        let repr = escape::escape_bytes(string.to_bytes(), escape::STRING);
        Literal::new(format!("c\"{repr}\""))
    }

    /// Returns the span encompassing this literal.
    pub fn span(&self) -> Span {
        self.span
    }

    /// Configures the span associated for this literal.
    pub fn set_span(&mut self, span: Span) {
        self.span = span;
    }
}

/// Parses a single literal through the host, exactly as rustc does (a leading `-` included).
impl FromStr for Literal {
    type Err = LexError;

    fn from_str(src: &str) -> Result<Self, LexError> {
        match host::literal_from_str(src) {
            Ok(repr) => Ok(Literal::new(repr)),
            Err(msg) => Err(LexError(msg.into())),
        }
    }
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr)
    }
}

impl fmt::Debug for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = literal::split(&self.repr);
        if self.float {
            parts.kind = literal::Kind::Float;
        }
        f.debug_struct("Literal")
            .field("kind", &format_args!("{}", parts.kind))
            .field("symbol", &parts.symbol)
            .field("suffix", &format_args!("{:?}", parts.suffix))
            .field("span", &self.span)
            .finish()
    }
}
