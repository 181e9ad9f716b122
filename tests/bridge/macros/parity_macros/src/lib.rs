//! Macros that exercise the corners of the proc_macro API the bridge must carry exactly. Each one is
//! expanded natively and as WebAssembly in the same test run (tests/bridge/parity.py).

use proc_macro::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use quote::quote;
use std::ffi::CString;

/// Every `Literal` constructor, as `const` items; `stringify!` of each shows its exact text.
#[proc_macro]
pub fn all_literals(_input: TokenStream) -> TokenStream {
    let c = CString::new("c\u{e9}\n").unwrap();
    let lits: Vec<Literal> = vec![
        Literal::u8_suffixed(255),
        Literal::u16_suffixed(65535),
        Literal::u32_suffixed(7),
        Literal::u64_suffixed(u64::MAX),
        Literal::u128_suffixed(u128::MAX),
        Literal::usize_suffixed(12),
        Literal::i8_suffixed(-128),
        Literal::i16_suffixed(-3),
        Literal::i32_suffixed(i32::MIN),
        Literal::i64_suffixed(-9),
        Literal::i128_suffixed(i128::MIN),
        Literal::isize_suffixed(-1),
        Literal::u8_unsuffixed(1),
        Literal::u16_unsuffixed(2),
        Literal::u32_unsuffixed(3),
        Literal::u64_unsuffixed(4),
        Literal::u128_unsuffixed(5),
        Literal::usize_unsuffixed(6),
        Literal::i8_unsuffixed(-7),
        Literal::i16_unsuffixed(8),
        Literal::i32_unsuffixed(-9),
        Literal::i64_unsuffixed(10),
        Literal::i128_unsuffixed(-11),
        Literal::isize_unsuffixed(12),
        Literal::f32_unsuffixed(1.5),
        Literal::f32_suffixed(0.1),
        Literal::f64_unsuffixed(1e300),
        Literal::f64_suffixed(-2.5e-8),
        Literal::f64_unsuffixed(3.0),
        Literal::string("tab\t quote\" backslash\\ nul\0 unicode \u{1f600} \u{7f}"),
        Literal::character('\''),
        Literal::character('\u{10ffff}'),
        Literal::byte_character(b'\n'),
        Literal::byte_character(0xff),
        Literal::byte_string(b"bytes \x00\xff\"'"),
        Literal::c_string(&c),
    ];
    let mut out = TokenStream::new();
    for (i, lit) in lits.into_iter().enumerate() {
        let name = proc_macro2::Ident::new(&format!("LIT_{i}"), proc_macro2::Span::call_site());
        let lit = proc_macro2::TokenStream::from(TokenStream::from(TokenTree::Literal(lit)));
        out.extend(TokenStream::from(
            quote!(const #name: &str = stringify!(#lit);),
        ));
    }
    out
}

/// Re-emits its input token by token (never as the pristine stream), and adds a `const` with the
/// input's printing; literals of every kind, raw identifiers and lifetimes go through.
#[proc_macro]
pub fn retoken(input: TokenStream) -> TokenStream {
    fn rebuild(stream: TokenStream) -> TokenStream {
        stream
            .into_iter()
            .map(|tree| match tree {
                TokenTree::Group(g) => {
                    let mut n = Group::new(g.delimiter(), rebuild(g.stream()));
                    n.set_span(g.span());
                    TokenTree::Group(n)
                }
                TokenTree::Ident(i) => TokenTree::Ident(i),
                TokenTree::Punct(p) => {
                    let mut n = Punct::new(p.as_char(), p.spacing());
                    n.set_span(p.span());
                    TokenTree::Punct(n)
                }
                TokenTree::Literal(l) => {
                    let mut n: Literal = l.to_string().parse().unwrap();
                    n.set_span(l.span());
                    TokenTree::Literal(n)
                }
            })
            .collect()
    }
    let text = Literal::string(&input.to_string());
    let rebuilt = rebuild(input);
    let mut out: TokenStream = "const RETOKEN_TEXT: &str =".parse().unwrap();
    out.extend([
        TokenTree::Literal(text),
        TokenTree::Punct(Punct::new(';', Spacing::Alone)),
    ]);
    out.extend(rebuilt);
    out
}

/// `stringify!` of the input, passed through untouched: rustc's own spacing must survive.
#[proc_macro]
pub fn stringify_input(input: TokenStream) -> TokenStream {
    let mut out: TokenStream = "stringify!".parse().unwrap();
    out.extend([TokenTree::Group(Group::new(Delimiter::Parenthesis, input))]);
    out
}

/// Describes the delimiters it sees (None groups from `macro_rules!` fragments included), then emits
/// the input unchanged.
#[proc_macro]
pub fn delimiters(input: TokenStream) -> TokenStream {
    fn walk(stream: TokenStream, out: &mut String) {
        for tree in stream {
            match tree {
                TokenTree::Group(g) => {
                    out.push_str(match g.delimiter() {
                        Delimiter::Parenthesis => "(",
                        Delimiter::Brace => "{",
                        Delimiter::Bracket => "[",
                        Delimiter::None => "\u{2205}",
                    });
                    walk(g.stream(), out);
                    out.push(')');
                }
                TokenTree::Ident(i) => out.push_str(&format!(" ident:{i}")),
                TokenTree::Punct(p) => out.push_str(&format!(
                    " punct:{}{}",
                    p.as_char(),
                    if p.spacing() == Spacing::Joint {
                        "j"
                    } else {
                        ""
                    }
                )),
                TokenTree::Literal(l) => out.push_str(&format!(" lit:{l}")),
            }
        }
    }
    let mut text = String::new();
    walk(input.clone(), &mut text);
    let text = Literal::string(&text);
    let input = proc_macro2::TokenStream::from(input);
    let text = proc_macro2::TokenStream::from(TokenStream::from(TokenTree::Literal(text)));
    quote!((#text, #input)).into()
}

/// `hygienic_sum!(a, b)` binds `tmp` with `Span::mixed_site()`, so a caller's own `tmp` is untouched.
#[proc_macro]
pub fn hygienic_sum(input: TokenStream) -> TokenStream {
    let args = proc_macro2::TokenStream::from(input);
    let tmp = proc_macro2::Ident::new("tmp", proc_macro2::Span::mixed_site());
    let tmp_resolved = proc_macro2::Ident::new(
        "tmp",
        proc_macro2::Span::call_site().resolved_at(proc_macro2::Span::mixed_site()),
    );
    let tmp_located = proc_macro2::Ident::new(
        "tmp",
        proc_macro2::Span::mixed_site().located_at(proc_macro2::Span::call_site()),
    );
    quote!({
        let #tmp = [#args];
        let #tmp_resolved = #tmp.iter().sum::<i32>();
        let #tmp_located = #tmp_resolved * 10;
        (#tmp_located, tmp)
    })
    .into()
}

/// Raw identifiers made with `Ident::new_raw`, and keywords kept raw.
#[proc_macro]
pub fn raw_idents(_input: TokenStream) -> TokenStream {
    let r#fn = Ident::new_raw("match", Span::call_site());
    let name = proc_macro2::TokenStream::from(TokenStream::from(TokenTree::Ident(r#fn)));
    // Non-ASCII identifiers go through the host, which normalises them to NFC as rustc does: the
    // decomposed "cafe\u{301}" must define the `café` the caller names precomposed.
    let unicode: TokenStream = [
        TokenTree::Ident(Ident::new("cafe\u{301}", Span::call_site())),
        TokenTree::Ident(Ident::new("ñandú", Span::call_site())),
    ]
    .into_iter()
    .collect();
    let unicode = proc_macro2::TokenStream::from(unicode);
    let mut idents = unicode.into_iter();
    let (cafe, nandu) = (idents.next().unwrap(), idents.next().unwrap());
    quote!(
        fn #name() -> &'static str { "raw match" }
        fn #cafe() -> &'static str { stringify!(#cafe #nandu) }
    )
    .into()
}

/// An attribute that gathers the item's doc comments into a `const` and returns the item unchanged.
#[proc_macro_attribute]
pub fn collect_docs(args: TokenStream, item: TokenStream) -> TokenStream {
    let parsed: syn::Item = match syn::parse(item.clone()) {
        Ok(i) => i,
        Err(e) => return e.to_compile_error().into(),
    };
    let attrs = match &parsed {
        syn::Item::Fn(f) => &f.attrs,
        syn::Item::Struct(s) => &s.attrs,
        _ => {
            return syn::Error::new(Span::call_site().into(), "expected fn or struct")
                .to_compile_error()
                .into()
        }
    };
    let mut docs = Vec::new();
    for a in attrs {
        if let syn::Meta::NameValue(nv) = &a.meta {
            if nv.path.is_ident("doc") {
                if let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(s),
                    ..
                }) = &nv.value
                {
                    docs.push(s.value());
                }
            }
        }
    }
    let name = if args.is_empty() {
        "DOCS".to_owned()
    } else {
        args.to_string()
    };
    let name = proc_macro2::Ident::new(&name, proc_macro2::Span::call_site());
    let item = proc_macro2::TokenStream::from(item);
    quote!(const #name: &[&str] = &[#(#docs),*]; #item).into()
}

/// Counts the trees of its input (groups count as one) and emits the number.
#[proc_macro]
pub fn count_tokens(input: TokenStream) -> TokenStream {
    let mut n = 0usize;
    let mut stack = vec![input];
    while let Some(s) = stack.pop() {
        for t in s {
            n += 1;
            if let TokenTree::Group(g) = t {
                stack.push(g.stream());
            }
        }
    }
    TokenTree::Literal(Literal::usize_suffixed(n)).into()
}

/// Span queries: the line and column of the first input token, and its source text.
#[proc_macro]
pub fn where_am_i(input: TokenStream) -> TokenStream {
    let first = input
        .into_iter()
        .next()
        .map(|t| t.span())
        .unwrap_or_else(Span::call_site);
    let line = first.line();
    let column = first.column();
    let text = first.source_text().unwrap_or_default();
    let file = first.file();
    quote!((#line, #column, #text, #file)).into()
}

/// Fails with `syn::Error`s spanning the offending tokens.
#[proc_macro]
pub fn reject_numbers(input: TokenStream) -> TokenStream {
    let mut errors: Option<syn::Error> = None;
    for tree in proc_macro2::TokenStream::from(input) {
        if let proc_macro2::TokenTree::Literal(l) = &tree {
            let e = syn::Error::new(l.span(), format!("number `{l}` is not allowed here"));
            match &mut errors {
                Some(all) => all.combine(e),
                None => errors = Some(e),
            }
        }
    }
    match errors {
        Some(e) => e.to_compile_error().into(),
        None => TokenStream::new(),
    }
}

/// Panics with the given message.
#[proc_macro]
pub fn panics(input: TokenStream) -> TokenStream {
    panic!("the parity macro panicked on purpose: {}", input);
}

/// A derive that panics, so rustc reports "proc-macro derive panicked".
#[proc_macro_derive(Explode)]
pub fn derive_explode(_input: TokenStream) -> TokenStream {
    panic!("Explode cannot be derived");
}

/// Burns fuel forever (wasm side only: tests the documented limit message).
#[proc_macro]
pub fn spin(_input: TokenStream) -> TokenStream {
    let mut x = 0u64;
    loop {
        x = x.wrapping_add(1);
        if x == u64::MAX {
            break;
        }
        std::hint::black_box(&mut x);
    }
    TokenStream::new()
}

/// Allocates without bound (wasm side only).
#[proc_macro]
pub fn hog(_input: TokenStream) -> TokenStream {
    let mut keep: Vec<Vec<u8>> = Vec::new();
    loop {
        keep.push(vec![1u8; 64 << 20]);
        std::hint::black_box(&keep);
    }
}

/// Does nothing: the bridge's fixed cost per expansion is measured on it (tests/bridge/bench.cpp).
#[proc_macro]
pub fn empty(_input: TokenStream) -> TokenStream {
    TokenStream::new()
}

/// Returns its input unchanged (the pristine handle goes back).
#[proc_macro]
pub fn identity(input: TokenStream) -> TokenStream {
    input
}

/// Copies its input tree by tree with no host calls, so the output goes back inline (not as the
/// pristine handle): the facade's encode cost is measured on it.
#[proc_macro]
pub fn rebuild(input: TokenStream) -> TokenStream {
    fn copy(stream: TokenStream) -> TokenStream {
        stream
            .into_iter()
            .map(|tree| match tree {
                TokenTree::Group(g) => {
                    let mut n = Group::new(g.delimiter(), copy(g.stream()));
                    n.set_span(g.span());
                    TokenTree::Group(n)
                }
                other => other,
            })
            .collect()
    }
    copy(input)
}

/// What the macro can see of the machine: natively everything; as a wasm guest no files, and of the
/// environment only what the host grants (wasm side only).
#[proc_macro]
pub fn sandbox_probe(_input: TokenStream) -> TokenStream {
    let env = std::env::var("PATH").is_ok();
    let package = std::env::var("CARGO_PKG_NAME").unwrap_or_else(|_| "-".into());
    let granted = std::env::var("WASMACRO_PROBE").unwrap_or_else(|_| "-".into());
    let file = std::fs::read("Cargo.toml").is_ok();
    let text = format!("env={env} package={package} granted={granted} file={file}");
    TokenTree::Literal(Literal::string(&text)).into()
}

/// Reads the clock (wasm side only: the guest has none, so this panics).
#[proc_macro]
pub fn clock_probe(_input: TokenStream) -> TokenStream {
    let now = std::time::SystemTime::now();
    let secs = now
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    TokenTree::Literal(Literal::u64_unsuffixed(secs)).into()
}
