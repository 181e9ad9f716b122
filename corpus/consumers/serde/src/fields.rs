//! Field attributes.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct FieldRenames {
    #[serde(rename = "id")]
    pub identifier: u32,
    #[serde(rename(serialize = "outName", deserialize = "inName"))]
    pub split: u8,
    #[serde(alias = "colour", alias = "hue")]
    pub color: String,
    #[serde(rename = "r#type")]
    pub kind: u8,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct FieldDefaults {
    #[serde(default)]
    pub count: u32,
    #[serde(default = "crate::helpers::default_port")]
    pub port: u16,
    #[serde(default = "crate::helpers::default_name")]
    pub name: String,
    pub required: bool,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Skips {
    pub kept: u8,
    #[serde(skip)]
    pub never: u8,
    #[serde(skip_serializing)]
    pub read_only: u8,
    #[serde(skip_deserializing)]
    pub write_only: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maybe: Option<u8>,
    #[serde(skip_serializing_if = "crate::helpers::is_zero", default)]
    pub nonzero: u32,
    #[serde(skip, default = "crate::helpers::default_name")]
    pub skipped_with_default: String,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Customized {
    #[serde(with = "crate::helpers::as_string")]
    pub big: u64,
    #[serde(serialize_with = "crate::helpers::double", deserialize_with = "crate::helpers::halve")]
    pub scaled: i32,
    #[serde(serialize_with = "crate::helpers::upper")]
    #[serde(deserialize_with = "crate::helpers::lower")]
    pub shout: String,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Pagination {
    pub limit: u32,
    pub offset: u32,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Flattened {
    pub id: u32,
    #[serde(flatten)]
    pub page: Pagination,
    #[serde(flatten)]
    pub rest: BTreeMap<String, serde_json::Value>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct FlattenOption {
    pub id: u32,
    #[serde(flatten)]
    pub extra: Option<Pagination>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct FlattenEnum {
    pub name: String,
    #[serde(flatten)]
    pub shape: super::enums::Internal,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Borrowed<'a, 'b, 'c> {
    pub implicit: &'a str,
    pub bytes: &'a [u8],
    #[serde(borrow)]
    pub cow: Cow<'b, str>,
    #[serde(borrow = "'c")]
    pub only_c: Cow<'c, str>,
    pub owned_cow: Cow<'c, str>,
}

/// Field-level `bound` replaces the bound serde would infer from this field's type.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct FieldBound<T, U> {
    #[serde(bound(serialize = "T: Serialize", deserialize = "T: Deserialize<'de>"))]
    pub t: T,
    #[serde(bound = "U: Serialize + for<'x> Deserialize<'x>")]
    pub u: Vec<U>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn field_rename() {
        let v = FieldRenames { identifier: 1, split: 2, color: "red".into(), kind: 3 };
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j, json!({"id": 1, "outName": 2, "color": "red", "r#type": 3}));
    }

    #[test]
    fn field_rename_split() {
        let v: FieldRenames =
            serde_json::from_str(r#"{"id":1,"inName":5,"color":"c","r#type":0}"#).unwrap();
        assert_eq!(v.split, 5);
        assert!(serde_json::from_str::<FieldRenames>(r#"{"id":1,"outName":5,"color":"c","r#type":0}"#).is_err());
    }

    #[test]
    fn field_alias() {
        for key in ["color", "colour", "hue"] {
            let text = format!(r#"{{"id":1,"inName":0,"{key}":"blue","r#type":0}}"#);
            let v: FieldRenames = serde_json::from_str(&text).unwrap();
            assert_eq!(v.color, "blue");
        }
    }

    #[test]
    fn field_default() {
        let v: FieldDefaults = serde_json::from_str(r#"{"required": true}"#).unwrap();
        assert_eq!(v, FieldDefaults { count: 0, port: 8080, name: "anonymous".into(), required: true });
        let err = serde_json::from_str::<FieldDefaults>("{}").unwrap_err().to_string();
        assert!(err.contains("missing field `required`"), "{err}");
    }

    #[test]
    fn field_default_path() {
        let v: FieldDefaults = serde_json::from_str(r#"{"required": false, "port": 1}"#).unwrap();
        assert_eq!(v.port, 1);
        assert_eq!(v.name, "anonymous");
    }

    #[test]
    fn field_skips() {
        let v = Skips {
            kept: 1,
            never: 2,
            read_only: 3,
            write_only: 4,
            maybe: None,
            nonzero: 0,
            skipped_with_default: "x".into(),
        };
        assert_eq!(serde_json::to_value(&v).unwrap(), json!({"kept": 1, "write_only": 4}));
        let back: Skips = serde_json::from_value(json!({
            "kept": 1, "never": 9, "read_only": 3, "write_only": 9, "maybe": 5, "nonzero": 6
        }))
        .unwrap();
        assert_eq!(
            back,
            Skips {
                kept: 1,
                never: 0,
                read_only: 3,
                write_only: 0,
                maybe: Some(5),
                nonzero: 6,
                skipped_with_default: "anonymous".into(),
            }
        );
    }

    #[test]
    fn field_skip_serializing_if() {
        let v = Skips {
            kept: 0,
            never: 0,
            read_only: 0,
            write_only: 0,
            maybe: Some(1),
            nonzero: 2,
            skipped_with_default: String::new(),
        };
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j, json!({"kept": 0, "write_only": 0, "maybe": 1, "nonzero": 2}));
    }

    #[test]
    fn field_with() {
        let v = Customized { big: u64::MAX, scaled: 21, shout: "hey".into() };
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j, json!({"big": "18446744073709551615", "scaled": 42, "shout": "HEY"}));
        let back: Customized = serde_json::from_value(j).unwrap();
        assert_eq!(back, Customized { big: u64::MAX, scaled: 21, shout: "hey".into() });
    }

    #[test]
    fn field_serialize_with_deserialize_with() {
        let back: Customized =
            serde_json::from_str(r#"{"big":"1","scaled":10,"shout":"LOUD"}"#).unwrap();
        assert_eq!(back.scaled, 5);
        assert_eq!(back.shout, "loud");
    }

    #[test]
    fn field_flatten() {
        let j = json!({"id": 1, "limit": 10, "offset": 20, "extra": true, "z": [1]});
        let v: Flattened = serde_json::from_value(j.clone()).unwrap();
        assert_eq!(v.page, Pagination { limit: 10, offset: 20 });
        assert_eq!(v.rest.len(), 2);
        assert_eq!(v.rest["extra"], json!(true));
        assert_eq!(serde_json::to_value(&v).unwrap(), j);
    }

    #[test]
    fn field_flatten_option() {
        let v: FlattenOption = serde_json::from_value(json!({"id": 1})).unwrap();
        assert_eq!(v.extra, None);
        let v: FlattenOption = serde_json::from_value(json!({"id": 1, "limit": 2, "offset": 3})).unwrap();
        assert_eq!(v.extra, Some(Pagination { limit: 2, offset: 3 }));
    }

    #[test]
    fn field_flatten_enum() {
        let v = FlattenEnum { name: "n".into(), shape: crate::enums::Internal::Struct { id: 9 } };
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j, json!({"name": "n", "type": "Struct", "id": 9}));
        assert_eq!(serde_json::from_value::<FlattenEnum>(j).unwrap(), v);
    }

    #[test]
    fn field_borrow() {
        let text = r#"{"implicit":"a","bytes":"xy","cow":"b","only_c":"c","owned_cow":"d"}"#;
        let v: Borrowed = serde_json::from_str(text).unwrap();
        assert_eq!(v.implicit, "a");
        assert_eq!(v.bytes, b"xy");
        assert!(matches!(v.cow, Cow::Borrowed("b")));
        assert!(matches!(v.only_c, Cow::Borrowed("c")));
        // Without borrow, Cow deserializes as owned.
        assert!(matches!(v.owned_cow, Cow::Owned(_)));
        let err = serde_json::from_str::<Borrowed>(r#"{"implicit":"a","bytes":[1],"cow":"b","only_c":"c","owned_cow":"d"}"#);
        assert!(err.is_err());
    }

    #[test]
    fn field_bound() {
        let v = FieldBound { t: 1u8, u: vec!["a".to_string()] };
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j, json!({"t": 1, "u": ["a"]}));
        assert_eq!(serde_json::from_value::<FieldBound<u8, String>>(j).unwrap(), v);
    }
}
