//! `#[trace]` or `#[trace(prefix = "...")]` on a function records its entry and result in a log the
//! function's caller passes in: it rewrites `fn f(log: &mut Vec<String>, ...) -> T { body }` so that
//! the body runs in a closure and both events are pushed to `log`.

// Naming a dependency before anything from proc_macro (as serde's derive crate does) makes rustc find the
// facade through the library search path rather than --extern: a regression test for that wiring.
extern crate quote;

use proc_macro::TokenStream;
use quote::quote;
use syn::{parse_macro_input, ItemFn, LitStr};

#[proc_macro_attribute]
pub fn trace(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut prefix = String::from("trace");
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident("prefix") {
            prefix = meta.value()?.parse::<LitStr>()?.value();
            Ok(())
        } else {
            Err(meta.error("expected `prefix = \"...\"`"))
        }
    });
    parse_macro_input!(args with parser);
    let ItemFn { attrs, vis, sig, block } = parse_macro_input!(item as ItemFn);
    let name = sig.ident.to_string();
    let Some(syn::FnArg::Typed(first)) = sig.inputs.first() else {
        return syn::Error::new_spanned(&sig, "#[trace] needs a first argument `log: &mut Vec<String>`")
            .to_compile_error()
            .into();
    };
    let log = &first.pat;
    let output = match &sig.output {
        syn::ReturnType::Default => quote! { () },
        syn::ReturnType::Type(_, ty) => quote! { #ty },
    };
    quote! {
        #(#attrs)*
        #vis #sig {
            #log.push(format!("{}: enter {}", #prefix, #name));
            let result: #output = (|| #block)();
            #log.push(format!("{}: leave {} -> {:?}", #prefix, #name, result));
            result
        }
    }
    .into()
}
