//! Container attributes on structs.

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(rename = "Renamed")]
pub struct RenamedUnit;

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(rename(serialize = "SerName", deserialize = "DeName"))]
pub struct SplitRename {
    pub value: u8,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CamelCase {
    pub first_name: String,
    pub last_login_time: u32,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(rename_all(serialize = "SCREAMING_SNAKE_CASE", deserialize = "kebab-case"))]
pub struct SplitRenameAll {
    pub max_value: u8,
}

/// Every casing rename_all accepts, one struct each.
macro_rules! casing {
    ($name:ident, $rule:literal) => {
        #[derive(Serialize, Deserialize, Debug, PartialEq)]
        #[serde(rename_all = $rule)]
        pub struct $name {
            pub some_field_name: u8,
        }
    };
}
casing!(Lower, "lowercase");
casing!(Upper, "UPPERCASE");
casing!(Pascal, "PascalCase");
casing!(Camel, "camelCase");
casing!(Snake, "snake_case");
casing!(ScreamingSnake, "SCREAMING_SNAKE_CASE");
casing!(Kebab, "kebab-case");
casing!(ScreamingKebab, "SCREAMING-KEBAB-CASE");

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Strict {
    pub a: u8,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(default)]
pub struct AllDefault {
    pub x: u32,
    pub name: String,
}

impl Default for AllDefault {
    fn default() -> Self {
        AllDefault { x: 7, name: "seven".into() }
    }
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(default = "ContainerDefaultPath::make")]
pub struct ContainerDefaultPath {
    pub a: u8,
    pub b: u8,
}

impl ContainerDefaultPath {
    fn make() -> Self {
        ContainerDefaultPath { a: 1, b: 2 }
    }
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(transparent)]
pub struct Meters(pub f64);

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(transparent)]
pub struct Wrapper<T> {
    pub inner: T,
    #[serde(skip)]
    pub marker: std::marker::PhantomData<T>,
}

/// Serialized through `String` (into) and read back through `String` (from).
#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
#[serde(from = "String", into = "String")]
pub struct Tag {
    pub text: String,
}

impl From<String> for Tag {
    fn from(text: String) -> Self {
        Tag { text }
    }
}

impl From<Tag> for String {
    fn from(tag: Tag) -> String {
        format!("#{}", tag.text)
    }
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(try_from = "i64")]
pub struct Positive(pub u32);

impl TryFrom<i64> for Positive {
    type Error = String;
    fn try_from(v: i64) -> Result<Self, String> {
        if v > 0 {
            Ok(Positive(v as u32))
        } else {
            Err(format!("{v} is not positive"))
        }
    }
}

#[derive(Deserialize, Debug, PartialEq)]
#[serde(expecting = "a pair of coordinates")]
pub struct Point(pub i32, pub i32);

/// `crate = "..."` points the generated code at a re-export of serde.
pub mod reexport {
    pub use serde as my_serde;
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(crate = "self::reexport::my_serde")]
pub struct ViaReexport {
    pub n: u8,
}

/// `tag` on a braced struct adds the struct's name as a field.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(tag = "kind", rename = "point")]
pub struct TaggedStruct {
    pub x: i32,
}

/// `deny_unknown_fields` on an enum applies to its struct variants.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields, tag = "t", content = "c")]
pub enum StrictEnum {
    A { x: u8 },
    B(u8),
}

/// `default` on a tuple struct field and on a newtype.
#[derive(Serialize, Deserialize, Debug, PartialEq, Default)]
#[serde(default)]
pub struct DefaultTuple(pub u8, pub String);

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Unit;

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Newtype(pub String);

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Tuple(pub u8, pub bool, pub char);

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Empty {}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// JSON never shows a container's name, so this deserializer reports the name the derived
    /// impl passes to `deserialize_*struct` as its error.
    struct NameProbe;

    #[derive(Debug)]
    struct Named(String);

    impl std::fmt::Display for Named {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl std::error::Error for Named {}

    impl serde::de::Error for Named {
        fn custom<T: std::fmt::Display>(msg: T) -> Self {
            Named(msg.to_string())
        }
    }

    impl<'de> serde::Deserializer<'de> for NameProbe {
        type Error = Named;
        fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Named> {
            Err(Named("<any>".into()))
        }
        fn deserialize_unit_struct<V: serde::de::Visitor<'de>>(
            self,
            name: &'static str,
            _: V,
        ) -> Result<V::Value, Named> {
            Err(Named(name.into()))
        }
        fn deserialize_struct<V: serde::de::Visitor<'de>>(
            self,
            name: &'static str,
            _: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Named> {
            Err(Named(name.into()))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
            option unit newtype_struct seq tuple tuple_struct map enum identifier ignored_any
        }
    }

    pub(crate) fn de_name<T: for<'de> Deserialize<'de>>() -> String {
        T::deserialize(NameProbe).err().unwrap().0
    }

    #[test]
    fn container_rename() {
        assert_eq!(serde_json::to_string(&RenamedUnit).unwrap(), "null");
        assert_eq!(de_name::<RenamedUnit>(), "Renamed");
    }

    #[test]
    fn container_rename_serialize_deserialize() {
        assert_eq!(de_name::<SplitRename>(), "DeName");
        assert_eq!(serde_json::to_value(SplitRename { value: 1 }).unwrap(), json!({"value": 1}));
    }

    #[test]
    fn container_rename_all() {
        let v = CamelCase { first_name: "Ann".into(), last_login_time: 3 };
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j, json!({"firstName": "Ann", "lastLoginTime": 3}));
        assert_eq!(serde_json::from_value::<CamelCase>(j).unwrap(), v);
    }

    #[test]
    fn container_rename_all_split() {
        let j = serde_json::to_value(SplitRenameAll { max_value: 4 }).unwrap();
        assert_eq!(j, json!({"MAX_VALUE": 4}));
        let back: SplitRenameAll = serde_json::from_str(r#"{"max-value": 5}"#).unwrap();
        assert_eq!(back.max_value, 5);
    }

    #[test]
    fn container_rename_all_every_case() {
        fn key<T: Serialize>(v: T) -> String {
            let j = serde_json::to_value(v).unwrap();
            j.as_object().unwrap().keys().next().unwrap().clone()
        }
        // Field names are snake_case already, so lowercase leaves them alone.
        assert_eq!(key(Lower { some_field_name: 0 }), "some_field_name");
        assert_eq!(key(Upper { some_field_name: 0 }), "SOME_FIELD_NAME");
        assert_eq!(key(Pascal { some_field_name: 0 }), "SomeFieldName");
        assert_eq!(key(Camel { some_field_name: 0 }), "someFieldName");
        assert_eq!(key(Snake { some_field_name: 0 }), "some_field_name");
        assert_eq!(key(ScreamingSnake { some_field_name: 0 }), "SOME_FIELD_NAME");
        assert_eq!(key(Kebab { some_field_name: 0 }), "some-field-name");
        assert_eq!(key(ScreamingKebab { some_field_name: 0 }), "SOME-FIELD-NAME");
        let k: Kebab = serde_json::from_str(r#"{"some-field-name": 9}"#).unwrap();
        assert_eq!(k.some_field_name, 9);
    }

    #[test]
    fn container_deny_unknown_fields() {
        assert_eq!(serde_json::from_str::<Strict>(r#"{"a":1}"#).unwrap(), Strict { a: 1 });
        let err = serde_json::from_str::<Strict>(r#"{"a":1,"b":2}"#).unwrap_err().to_string();
        assert!(err.contains("unknown field `b`"), "{err}");
    }

    #[test]
    fn container_default() {
        let v: AllDefault = serde_json::from_str(r#"{"x": 1}"#).unwrap();
        assert_eq!(v, AllDefault { x: 1, name: "seven".into() });
        let v: AllDefault = serde_json::from_str("{}").unwrap();
        assert_eq!(v, AllDefault::default());
    }

    #[test]
    fn container_default_path() {
        let v: ContainerDefaultPath = serde_json::from_str(r#"{"b": 9}"#).unwrap();
        assert_eq!(v, ContainerDefaultPath { a: 1, b: 9 });
    }

    #[test]
    fn container_transparent() {
        assert_eq!(serde_json::to_string(&Meters(1.5)).unwrap(), "1.5");
        assert_eq!(serde_json::from_str::<Meters>("2.5").unwrap(), Meters(2.5));
        let w = Wrapper { inner: vec![1u8, 2], marker: std::marker::PhantomData };
        assert_eq!(serde_json::to_string(&w).unwrap(), "[1,2]");
        assert_eq!(serde_json::from_str::<Wrapper<Vec<u8>>>("[1,2]").unwrap(), w);
    }

    #[test]
    fn container_from_into() {
        let t = Tag { text: "rust".into() };
        assert_eq!(serde_json::to_string(&t).unwrap(), r##""#rust""##);
        assert_eq!(serde_json::from_str::<Tag>(r#""x""#).unwrap(), Tag { text: "x".into() });
    }

    #[test]
    fn container_try_from() {
        assert_eq!(serde_json::from_str::<Positive>("5").unwrap(), Positive(5));
        let err = serde_json::from_str::<Positive>("-5").unwrap_err().to_string();
        assert!(err.contains("-5 is not positive"), "{err}");
    }

    #[test]
    fn container_expecting() {
        let err = serde_json::from_str::<Point>("true").unwrap_err().to_string();
        assert!(err.contains("a pair of coordinates"), "{err}");
        assert_eq!(serde_json::from_str::<Point>("[1,2]").unwrap(), Point(1, 2));
    }

    #[test]
    fn container_crate_path() {
        let v = ViaReexport { n: 3 };
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"n":3}"#);
        assert_eq!(serde_json::from_str::<ViaReexport>(r#"{"n":3}"#).unwrap(), v);
    }

    #[test]
    fn container_tag_on_struct() {
        let v = TaggedStruct { x: 3 };
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j, json!({"kind": "point", "x": 3}));
        assert_eq!(serde_json::from_value::<TaggedStruct>(j).unwrap(), v);
    }

    #[test]
    fn container_deny_unknown_fields_enum() {
        let v: StrictEnum = serde_json::from_str(r#"{"t":"A","c":{"x":1}}"#).unwrap();
        assert_eq!(v, StrictEnum::A { x: 1 });
        assert!(serde_json::from_str::<StrictEnum>(r#"{"t":"A","c":{"x":1,"y":2}}"#).is_err());
        assert!(serde_json::from_str::<StrictEnum>(r#"{"t":"B","c":1,"z":0}"#).is_err());
        assert_eq!(serde_json::from_str::<StrictEnum>(r#"{"t":"B","c":1}"#).unwrap(), StrictEnum::B(1));
    }

    #[test]
    fn container_default_tuple() {
        assert_eq!(serde_json::from_str::<DefaultTuple>("[5]").unwrap(), DefaultTuple(5, String::new()));
        assert_eq!(serde_json::from_str::<DefaultTuple>("[]").unwrap(), DefaultTuple::default());
    }

    #[test]
    fn struct_from_sequence() {
        // Braced structs also deserialize from a sequence of their fields, in order.
        let v: CamelCase = serde_json::from_str(r#"["Bo", 4]"#).unwrap();
        assert_eq!(v, CamelCase { first_name: "Bo".into(), last_login_time: 4 });
        let err = serde_json::from_str::<CamelCase>(r#"["Bo"]"#).unwrap_err().to_string();
        assert!(err.contains("invalid length 1, expected struct CamelCase with 2 elements"), "{err}");
    }

    #[test]
    fn struct_shapes() {
        assert_eq!(serde_json::to_string(&Unit).unwrap(), "null");
        assert_eq!(serde_json::to_string(&Newtype("a".into())).unwrap(), r#""a""#);
        assert_eq!(serde_json::to_string(&Tuple(1, true, 'c')).unwrap(), r#"[1,true,"c"]"#);
        assert_eq!(serde_json::to_string(&Empty {}).unwrap(), "{}");
        assert_eq!(serde_json::from_str::<Unit>("null").unwrap(), Unit);
        assert_eq!(serde_json::from_str::<Newtype>(r#""b""#).unwrap(), Newtype("b".into()));
        assert_eq!(serde_json::from_str::<Tuple>(r#"[2,false,"d"]"#).unwrap(), Tuple(2, false, 'd'));
        assert_eq!(serde_json::from_str::<Empty>("{}").unwrap(), Empty {});
    }
}
