//! `#[derive(Hello)]` gives a type `fn hello(&self) -> String` that greets by the type's name and lists
//! its fields; `#[hello(name = "...")]` on the type changes the greeting's name. `shout!("text")`
//! expands to the upper-cased string literal. Nothing here knows about WebAssembly.

use proc_macro::TokenStream;
use quote::quote;
use syn::{parse_macro_input, Data, DeriveInput, Fields, LitStr};

#[proc_macro_derive(Hello, attributes(hello))]
pub fn derive_hello(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    let ident = &input.ident;
    let mut name = ident.to_string();
    for attr in &input.attrs {
        if attr.path().is_ident("hello") {
            let parsed = attr.parse_nested_meta(|meta| {
                if meta.path.is_ident("name") {
                    name = meta.value()?.parse::<LitStr>()?.value();
                    Ok(())
                } else {
                    Err(meta.error("expected `name = \"...\"`"))
                }
            });
            if let Err(err) = parsed {
                return err.to_compile_error().into();
            }
        }
    }
    let fields: Vec<String> = match &input.data {
        Data::Struct(s) => match &s.fields {
            Fields::Named(f) => f
                .named
                .iter()
                .map(|f| f.ident.as_ref().unwrap().to_string())
                .collect(),
            Fields::Unnamed(f) => (0..f.unnamed.len()).map(|i| i.to_string()).collect(),
            Fields::Unit => Vec::new(),
        },
        _ => {
            return syn::Error::new_spanned(ident, "#[derive(Hello)] supports structs only")
                .to_compile_error()
                .into()
        }
    };
    let list = fields.join(", ");
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        impl #impl_generics #ident #ty_generics #where_clause {
            pub fn hello(&self) -> String {
                format!("Hello from {} (fields: {})", #name, #list)
            }
        }
    }
    .into()
}

#[proc_macro]
pub fn shout(input: TokenStream) -> TokenStream {
    let text = parse_macro_input!(input as LitStr);
    let loud = LitStr::new(&text.value().to_uppercase(), text.span());
    quote!(#loud).into()
}
