//! `#[derive(Describe)]` adds `fn describe(&self) -> String` listing the fields. The helper attribute
//! `#[describe(rename = "...")]` renames a field in the description, `#[describe(skip)]` leaves it out,
//! and `#[note = "..."]` on the type adds a note.

use proc_macro::TokenStream;
use quote::quote;
use syn::{parse_macro_input, Data, DeriveInput, Fields, LitStr};

#[proc_macro_derive(Describe, attributes(describe, note))]
pub fn derive_describe(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(input) {
        Ok(tokens) => tokens.into(),
        Err(err) => err.to_compile_error().into(),
    }
}

fn expand(input: DeriveInput) -> syn::Result<proc_macro2::TokenStream> {
    let name = &input.ident;
    let mut note = None;
    for attr in &input.attrs {
        if attr.path().is_ident("note") {
            if let syn::Meta::NameValue(nv) = &attr.meta {
                if let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) = &nv.value {
                    note = Some(s.value());
                }
            }
        }
    }
    let Data::Struct(data) = &input.data else {
        return Err(syn::Error::new_spanned(name, "Describe supports structs only"));
    };
    let mut parts = Vec::new();
    if let Fields::Named(fields) = &data.fields {
        for field in &fields.named {
            let ident = field.ident.as_ref().expect("named field");
            let mut label = ident.to_string();
            let mut skip = false;
            for attr in &field.attrs {
                if !attr.path().is_ident("describe") {
                    continue;
                }
                attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("skip") {
                        skip = true;
                        Ok(())
                    } else if meta.path.is_ident("rename") {
                        label = meta.value()?.parse::<LitStr>()?.value();
                        Ok(())
                    } else {
                        Err(meta.error("expected `skip` or `rename = \"...\"`"))
                    }
                })?;
            }
            if !skip {
                parts.push(quote! { format!("{}={:?}", #label, self.#ident) });
            }
        }
    }
    let note = match note {
        Some(n) => quote! { Some(#n) },
        None => quote! { None::<&str> },
    };
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    Ok(quote! {
        impl #impl_generics #name #ty_generics #where_clause {
            pub fn describe(&self) -> String {
                let fields: Vec<String> = vec![#(#parts),*];
                let mut out = format!("{} {{ {} }}", stringify!(#name), fields.join(", "));
                if let Some(note) = #note {
                    out.push_str(" // ");
                    out.push_str(note);
                }
                out
            }
        }
    })
}
