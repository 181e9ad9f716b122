//! Enum representations and variant attributes.

use serde::{Deserialize, Serialize};

/// Externally tagged (the default), with every variant shape.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub enum External {
    Unit,
    Newtype(u32),
    Tuple(u8, u8),
    Struct { a: u8, b: String },
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(tag = "type")]
pub enum Internal {
    Unit,
    Newtype(Inner),
    Struct { id: u32 },
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Inner {
    pub x: i8,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(tag = "t", content = "c")]
pub enum Adjacent {
    Unit,
    Newtype(String),
    Tuple(u8, u8),
    Struct { flag: bool },
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(untagged)]
pub enum Untagged {
    Int(i64),
    Text(String),
    Pair(bool, bool),
    Record { key: String },
    Nothing,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
pub enum Cased {
    FirstVariant { inner_field: u8 },
    SecondVariant,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub enum VariantAttrs {
    #[serde(rename = "renamed")]
    Renamed,
    #[serde(rename(serialize = "ser_only", deserialize = "de_only"))]
    SplitRenamed,
    #[serde(alias = "old", alias = "older")]
    Aliased,
    #[serde(rename_all = "UPPERCASE")]
    InnerCase { some_field: u8 },
    #[serde(skip)]
    Skipped,
    #[serde(skip_serializing)]
    NotSerialized,
    #[serde(skip_deserializing)]
    NotDeserialized,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub enum VariantWith {
    #[serde(with = "crate::helpers::as_string")]
    Big(u64),
    #[serde(serialize_with = "crate::helpers::pair_as_string::serialize")]
    #[serde(deserialize_with = "crate::helpers::pair_as_string::deserialize")]
    Pair(u8, u8),
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(tag = "kind")]
pub enum WithOther {
    Known,
    #[serde(other)]
    Unknown,
}

/// A tagged enum with one untagged fallback variant at the end.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub enum PartlyUntagged {
    Tagged(u8),
    #[serde(untagged)]
    Raw(String),
}

/// Borrowing: `&str` fields borrow implicitly; `Cow` needs `#[serde(borrow)]`.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub enum Borrowing<'a, 'b> {
    Plain(&'a str),
    #[serde(borrow)]
    Cow(std::borrow::Cow<'a, str>),
    #[serde(borrow = "'b")]
    Explicit(std::borrow::Cow<'b, str>),
}

/// Variant-level `bound`: replaces the inferred bounds for that variant's fields.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub enum VariantBound<T> {
    #[serde(bound(serialize = "T: Serialize", deserialize = "T: Deserialize<'de>"))]
    Some(T),
    #[serde(bound = "")]
    None,
}

/// `variant_identifier`: deserializes only from variant names (strings or indices).
#[derive(Deserialize, Debug, PartialEq)]
#[serde(variant_identifier)]
pub enum Keyword {
    Alpha,
    Beta,
}

/// `field_identifier`: the last variant may be `#[serde(other)]` or a newtype catch-all.
#[derive(Deserialize, Debug, PartialEq)]
#[serde(field_identifier, rename_all = "lowercase")]
pub enum FieldName {
    Width,
    Height,
    #[serde(other)]
    Other,
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(field_identifier)]
pub enum FieldNameCatchAll<'a> {
    Known,
    Else(&'a str),
}

/// Integer-discriminant enums serialize by name as well.
#[derive(Serialize, Deserialize, Debug, PartialEq, Clone, Copy)]
#[repr(u8)]
pub enum Level {
    Low = 1,
    High = 10,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::borrow::Cow;

    fn round<T>(v: &T, expected: serde_json::Value)
    where
        T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug,
    {
        let j = serde_json::to_value(v).unwrap();
        assert_eq!(j, expected);
        assert_eq!(&serde_json::from_value::<T>(j).unwrap(), v);
    }

    #[test]
    fn enum_externally_tagged() {
        round(&External::Unit, json!("Unit"));
        round(&External::Newtype(3), json!({"Newtype": 3}));
        round(&External::Tuple(1, 2), json!({"Tuple": [1, 2]}));
        round(&External::Struct { a: 1, b: "x".into() }, json!({"Struct": {"a": 1, "b": "x"}}));
    }

    #[test]
    fn enum_internally_tagged() {
        round(&Internal::Unit, json!({"type": "Unit"}));
        round(&Internal::Newtype(Inner { x: -1 }), json!({"type": "Newtype", "x": -1}));
        round(&Internal::Struct { id: 4 }, json!({"type": "Struct", "id": 4}));
        let err = serde_json::from_value::<Internal>(json!({"id": 1})).unwrap_err().to_string();
        assert!(err.contains("missing field `type`"), "{err}");
    }

    #[test]
    fn enum_adjacently_tagged() {
        round(&Adjacent::Unit, json!({"t": "Unit"}));
        round(&Adjacent::Newtype("s".into()), json!({"t": "Newtype", "c": "s"}));
        round(&Adjacent::Tuple(1, 2), json!({"t": "Tuple", "c": [1, 2]}));
        round(&Adjacent::Struct { flag: true }, json!({"t": "Struct", "c": {"flag": true}}));
        // Content first is accepted too.
        let v: Adjacent = serde_json::from_str(r#"{"c":"z","t":"Newtype"}"#).unwrap();
        assert_eq!(v, Adjacent::Newtype("z".into()));
    }

    #[test]
    fn enum_untagged() {
        round(&Untagged::Int(-3), json!(-3));
        round(&Untagged::Text("hi".into()), json!("hi"));
        round(&Untagged::Pair(true, false), json!([true, false]));
        round(&Untagged::Record { key: "k".into() }, json!({"key": "k"}));
        round(&Untagged::Nothing, json!(null));
        let err = serde_json::from_value::<Untagged>(json!(1.5)).unwrap_err().to_string();
        assert!(err.contains("did not match any variant of untagged enum Untagged"), "{err}");
    }

    #[test]
    fn enum_rename_all_and_rename_all_fields() {
        round(&Cased::FirstVariant { inner_field: 1 }, json!({"first_variant": {"innerField": 1}}));
        round(&Cased::SecondVariant, json!("second_variant"));
    }

    #[test]
    fn variant_rename() {
        round(&VariantAttrs::Renamed, json!("renamed"));
    }

    #[test]
    fn variant_rename_split() {
        assert_eq!(serde_json::to_value(VariantAttrs::SplitRenamed).unwrap(), json!("ser_only"));
        let v: VariantAttrs = serde_json::from_value(json!("de_only")).unwrap();
        assert_eq!(v, VariantAttrs::SplitRenamed);
        assert!(serde_json::from_value::<VariantAttrs>(json!("ser_only")).is_err());
    }

    #[test]
    fn variant_alias() {
        for name in ["Aliased", "old", "older"] {
            let v: VariantAttrs = serde_json::from_value(json!(name)).unwrap();
            assert_eq!(v, VariantAttrs::Aliased);
        }
    }

    #[test]
    fn variant_rename_all() {
        round(&VariantAttrs::InnerCase { some_field: 2 }, json!({"InnerCase": {"SOME_FIELD": 2}}));
    }

    #[test]
    fn variant_skip() {
        assert!(serde_json::to_value(VariantAttrs::Skipped).is_err());
        assert!(serde_json::from_value::<VariantAttrs>(json!("Skipped")).is_err());
    }

    #[test]
    fn variant_skip_serializing() {
        let err = serde_json::to_value(VariantAttrs::NotSerialized).unwrap_err().to_string();
        assert!(err.contains("cannot be serialized"), "{err}");
        let v: VariantAttrs = serde_json::from_value(json!("NotSerialized")).unwrap();
        assert_eq!(v, VariantAttrs::NotSerialized);
    }

    #[test]
    fn variant_skip_deserializing() {
        assert_eq!(serde_json::to_value(VariantAttrs::NotDeserialized).unwrap(), json!("NotDeserialized"));
        assert!(serde_json::from_value::<VariantAttrs>(json!("NotDeserialized")).is_err());
    }

    #[test]
    fn variant_with() {
        round(&VariantWith::Big(12345678901), json!({"Big": "12345678901"}));
    }

    #[test]
    fn variant_serialize_with_deserialize_with() {
        round(&VariantWith::Pair(3, 4), json!({"Pair": "3-4"}));
    }

    #[test]
    fn variant_other() {
        let k: WithOther = serde_json::from_value(json!({"kind": "Known"})).unwrap();
        assert_eq!(k, WithOther::Known);
        let u: WithOther = serde_json::from_value(json!({"kind": "Mystery"})).unwrap();
        assert_eq!(u, WithOther::Unknown);
    }

    #[test]
    fn variant_untagged() {
        round(&PartlyUntagged::Tagged(1), json!({"Tagged": 1}));
        round(&PartlyUntagged::Raw("free".into()), json!("free"));
    }

    #[test]
    fn variant_borrow() {
        let text = r#"{"Plain":"p"}"#;
        let v: Borrowing = serde_json::from_str(text).unwrap();
        assert_eq!(v, Borrowing::Plain("p"));
        let text = r#"{"Cow":"c"}"#;
        match serde_json::from_str::<Borrowing>(text).unwrap() {
            Borrowing::Cow(Cow::Borrowed(s)) => assert_eq!(s, "c"),
            other => panic!("not borrowed: {other:?}"),
        }
        let text = r#"{"Explicit":"e"}"#;
        match serde_json::from_str::<Borrowing>(text).unwrap() {
            Borrowing::Explicit(Cow::Borrowed(s)) => assert_eq!(s, "e"),
            other => panic!("not borrowed: {other:?}"),
        }
    }

    #[test]
    fn variant_bound() {
        round(&VariantBound::Some(5u8), json!({"Some": 5}));
        round(&VariantBound::<u8>::None, json!("None"));
    }

    #[test]
    fn container_variant_identifier() {
        assert_eq!(serde_json::from_value::<Keyword>(json!("Beta")).unwrap(), Keyword::Beta);
        assert!(serde_json::from_value::<Keyword>(json!("Gamma")).is_err());
    }

    #[test]
    fn container_field_identifier() {
        assert_eq!(serde_json::from_value::<FieldName>(json!("width")).unwrap(), FieldName::Width);
        assert_eq!(serde_json::from_value::<FieldName>(json!("depth")).unwrap(), FieldName::Other);
        let v: FieldNameCatchAll = serde_json::from_str(r#""Known""#).unwrap();
        assert_eq!(v, FieldNameCatchAll::Known);
        let v: FieldNameCatchAll = serde_json::from_str(r#""zzz""#).unwrap();
        assert_eq!(v, FieldNameCatchAll::Else("zzz"));
    }

    #[test]
    fn enum_with_discriminants() {
        round(&Level::High, json!("High"));
        round(&Level::Low, json!("Low"));
        assert_eq!(Level::High as u8, 10);
    }
}
