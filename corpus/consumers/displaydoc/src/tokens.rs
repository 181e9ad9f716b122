//! Inputs whose tokens are unusual: non-ASCII and escaped doc text, raw string overrides,
//! `#[doc = "..."]` with escapes, and items produced by `macro_rules!`.

use displaydoc::Display;

#[derive(Display, Debug)]
pub enum Text {
    /// größe {0} — ✓ 🦀
    NonAscii(u8),
    #[doc = "tab\there \u{e9} {0}"]
    Escaped(u8),
    /// documentation only
    #[displaydoc(r#"raw "quoted" {0}"#)]
    Raw(u8),
    /// `code` and **markdown** stay as they are: {value}
    Markdown { value: &'static str },
}

/// The field name comes from the caller like the doc text, so the identifiers displaydoc makes
/// from the text and the binding it makes from the field share hygiene (see
/// fail/macro_hygiene.rs for the case where they do not).
macro_rules! documented {
    ($(#[$attr:meta])* $name:ident { $field:ident: $ty:ty }) => {
        #[derive(Display, Debug)]
        $(#[$attr])*
        pub struct $name {
            pub $field: $ty,
        }
    };
}

documented!(
    /// from a macro: {count}
    FromMacro { count: u16 }
);

documented!(
    #[doc = "doc attribute through a macro: {letter}"]
    #[ignore_extra_doc_attributes]
    #[doc = ""]
    #[doc = "ignored"]
    FromMacroAttr { letter: char }
);

macro_rules! doc_variant_enum {
    ($name:ident { $($variant:ident => $doc:literal),+ $(,)? }) => {
        #[derive(Display, Debug)]
        pub enum $name {
            $(
                #[doc = $doc]
                $variant,
            )+
        }
    };
}

doc_variant_enum!(Generated { A => "variant a", B => "variant b" });

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_and_escapes() {
        assert_eq!(Text::NonAscii(1).to_string(), "größe 1 — ✓ 🦀");
        assert_eq!(Text::Escaped(2).to_string(), "tab\there é 2");
        assert_eq!(Text::Raw(3).to_string(), r#"raw "quoted" 3"#);
        assert_eq!(Text::Markdown { value: "v" }.to_string(), "`code` and **markdown** stay as they are: v");
    }

    #[test]
    fn macro_rules_fragments() {
        assert_eq!(FromMacro { count: 7 }.to_string(), "from a macro: 7");
        assert_eq!(FromMacroAttr { letter: 'c' }.to_string(), "doc attribute through a macro: c");
        assert_eq!(Generated::A.to_string(), "variant a");
        assert_eq!(Generated::B.to_string(), "variant b");
    }
}
