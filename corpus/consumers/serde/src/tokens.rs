//! Inputs whose tokens are unusual: raw identifiers, non-ASCII names and strings, raw and escaped
//! string literals in attributes, and items produced by `macro_rules!` (invisible-delimited
//! `$t:ty` / `$e:expr` fragments reach the derive as groups).

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct RawIdents {
    pub r#type: String,
    pub r#match: bool,
    #[serde(rename = "r#fn")]
    pub r#fn: u8,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[allow(non_snake_case)]
pub struct Unicode {
    pub größe: u32,
    pub 名前: String,
    #[serde(rename = "émoji 🦀")]
    pub emoji: char,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Literals {
    #[serde(rename = r#"quoted "name""#)]
    pub quoted: u8,
    #[serde(rename = "tab\there\u{e9}\\")]
    pub escaped: u8,
    #[serde(rename = r"back\slash")]
    pub raw: u8,
}

/// Whole attributes and types pass through `$meta` and `$ty` fragments.
macro_rules! wrapped {
    ($(#[$meta:meta])* $name:ident($ty:ty)) => {
        #[derive(Serialize, Deserialize, Debug, PartialEq)]
        $(#[$meta])*
        pub struct $name {
            pub value: $ty,
            pub list: Vec<$ty>,
        }
    };
}

wrapped!(#[serde(rename_all = "UPPERCASE")] #[serde(deny_unknown_fields)] Wrapped(Option<u8>));
wrapped!(Plain(std::collections::BTreeMap<String, (i8, bool)>));

macro_rules! tagged_enum {
    ($name:ident, $tag:literal, $($variant:ident($ty:ty)),+) => {
        #[derive(Serialize, Deserialize, Debug, PartialEq)]
        #[serde(tag = $tag)]
        pub enum $name {
            $($variant { inner: $ty },)+
        }
    };
}

tagged_enum!(Shape, "shape", Circle(f32), Label(String));

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn raw_identifier_fields() {
        let v = RawIdents { r#type: "t".into(), r#match: true, r#fn: 1 };
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j, json!({"type": "t", "match": true, "r#fn": 1}));
        assert_eq!(serde_json::from_value::<RawIdents>(j).unwrap(), v);
    }

    #[test]
    fn non_ascii_names() {
        let v = Unicode { größe: 3, 名前: "名".into(), emoji: '🦀' };
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j, json!({"größe": 3, "名前": "名", "émoji 🦀": "🦀"}));
        assert_eq!(serde_json::from_value::<Unicode>(j).unwrap(), v);
    }

    #[test]
    fn raw_and_escaped_literals() {
        let v = Literals { quoted: 1, escaped: 2, raw: 3 };
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j, json!({"quoted \"name\"": 1, "tab\there\u{e9}\\": 2, "back\\slash": 3}));
        assert_eq!(serde_json::from_value::<Literals>(j).unwrap(), v);
    }

    #[test]
    fn macro_rules_fragments() {
        let w = Wrapped { value: Some(1), list: vec![None] };
        let j = serde_json::to_value(&w).unwrap();
        assert_eq!(j, json!({"VALUE": 1, "LIST": [null]}));
        assert!(serde_json::from_value::<Wrapped>(json!({"VALUE": 1, "LIST": [], "x": 0})).is_err());
        let mut map = std::collections::BTreeMap::new();
        map.insert("k".to_string(), (-1i8, true));
        let p = Plain { value: map.clone(), list: vec![map] };
        let j = serde_json::to_value(&p).unwrap();
        assert_eq!(j, json!({"value": {"k": [-1, true]}, "list": [{"k": [-1, true]}]}));
        assert_eq!(serde_json::from_value::<Plain>(j).unwrap(), p);
        let s = Shape::Label { inner: "l".into() };
        let j = serde_json::to_value(&s).unwrap();
        assert_eq!(j, json!({"shape": "Label", "inner": "l"}));
        assert_eq!(serde_json::from_value::<Shape>(j).unwrap(), s);
        assert_eq!(serde_json::to_value(Shape::Circle { inner: 0.5 }).unwrap(), json!({"shape": "Circle", "inner": 0.5}));
    }
}
