//! `squares!(e1, e2, ...)` expands to an array of the squares of the expressions; with the `sum`
//! feature it expands to their sum instead. Any expression syntax is accepted (syn "full").

use proc_macro::TokenStream;
use quote::quote;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::{Expr, Token};

#[proc_macro]
pub fn squares(input: TokenStream) -> TokenStream {
    let exprs = match Punctuated::<Expr, Token![,]>::parse_terminated.parse(input) {
        Ok(exprs) => exprs,
        Err(err) => return err.to_compile_error().into(),
    };
    let squares = exprs.iter().map(|e| quote! { (#e) * (#e) });
    if cfg!(feature = "sum") {
        quote! { 0 #(+ #squares)* }.into()
    } else {
        quote! { [#(#squares),*] }.into()
    }
}
