//! Functions and modules named by `with`, `serialize_with`, `deserialize_with` and `default = "..."`.

use serde::{Deserialize, Deserializer, Serializer};

pub fn default_port() -> u16 {
    8080
}

pub fn default_name() -> String {
    "anonymous".to_owned()
}

pub fn is_zero(v: &u32) -> bool {
    *v == 0
}

/// Serializes a number as a decimal string and reads it back.
pub mod as_string {
    use super::*;

    pub fn serialize<S: Serializer>(v: &u64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&v.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

pub fn double<S: Serializer>(v: &i32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_i32(*v * 2)
}

pub fn halve<'de, D: Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    Ok(i32::deserialize(d)? / 2)
}

pub fn upper<S: Serializer>(v: &str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&v.to_uppercase())
}

pub fn lower<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(String::deserialize(d)?.to_lowercase())
}

/// `with` on a newtype/tuple variant: the module works on the variant's field(s).
pub mod pair_as_string {
    use super::*;

    pub fn serialize<S: Serializer>(a: &u8, b: &u8, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{a}-{b}"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<(u8, u8), D::Error> {
        let text = String::deserialize(d)?;
        let (a, b) = text.split_once('-').ok_or_else(|| serde::de::Error::custom("no dash"))?;
        let a = a.parse().map_err(serde::de::Error::custom)?;
        let b = b.parse().map_err(serde::de::Error::custom)?;
        Ok((a, b))
    }
}
