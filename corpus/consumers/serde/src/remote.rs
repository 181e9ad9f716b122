//! `#[serde(remote = "...")]`: derive for a type defined elsewhere, used through `with`.

use serde::{Deserialize, Serialize};

/// Stands in for a type from another crate that does not implement serde's traits.
pub mod other_crate {
    #[derive(Debug, PartialEq, Clone)]
    pub struct Duration {
        pub secs: u64,
        pub nanos: u32,
    }

    /// Private fields: reached through getters, built through `From`.
    #[derive(Debug, PartialEq, Clone)]
    pub struct Opaque {
        secret: i32,
    }

    impl Opaque {
        pub fn new(secret: i32) -> Self {
            Opaque { secret }
        }
        pub fn secret(&self) -> i32 {
            self.secret
        }
    }

    #[derive(Debug, PartialEq, Clone)]
    pub enum Shape {
        Circle(f32),
        Square { side: f32 },
    }
}

use other_crate::{Duration, Opaque, Shape};

#[derive(Serialize, Deserialize)]
#[serde(remote = "Duration")]
pub struct DurationDef {
    pub secs: u64,
    pub nanos: u32,
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Opaque")]
pub struct OpaqueDef {
    #[serde(getter = "Opaque::secret")]
    secret: i32,
}

impl From<OpaqueDef> for Opaque {
    fn from(def: OpaqueDef) -> Opaque {
        Opaque::new(def.secret)
    }
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Shape", rename_all = "lowercase")]
pub enum ShapeDef {
    Circle(f32),
    Square { side: f32 },
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Process {
    pub name: String,
    #[serde(with = "DurationDef")]
    pub wall_time: Duration,
    #[serde(with = "OpaqueDef")]
    pub token: Opaque,
    #[serde(with = "ShapeDef")]
    pub shape: Shape,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn container_remote() {
        let p = Process {
            name: "p".into(),
            wall_time: Duration { secs: 1, nanos: 2 },
            token: Opaque::new(-9),
            shape: Shape::Square { side: 2.0 },
        };
        let j = serde_json::to_value(&p).unwrap();
        assert_eq!(
            j,
            json!({
                "name": "p",
                "wall_time": {"secs": 1, "nanos": 2},
                "token": {"secret": -9},
                "shape": {"square": {"side": 2.0}}
            })
        );
        assert_eq!(serde_json::from_value::<Process>(j).unwrap(), p);
    }

    #[test]
    fn field_getter() {
        let mut out = Vec::new();
        let mut ser = serde_json::Serializer::new(&mut out);
        OpaqueDef::serialize(&Opaque::new(5), &mut ser).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), r#"{"secret":5}"#);
        let mut de = serde_json::Deserializer::from_str(r#"{"secret":6}"#);
        assert_eq!(OpaqueDef::deserialize(&mut de).unwrap(), Opaque::new(6));
        let mut de = serde_json::Deserializer::from_str(r#"{"circle":1.5}"#);
        assert_eq!(ShapeDef::deserialize(&mut de).unwrap(), Shape::Circle(1.5));
    }
}
