//! Generics, lifetimes, where-clauses and container-level `bound`.

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::marker::PhantomData;

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Pair<A, B> {
    pub first: A,
    pub second: B,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Constrained<K, V>
where
    K: Ord + Debug,
    V: Clone,
{
    pub map: BTreeMap<K, V>,
    pub list: Vec<V>,
}

pub trait Backend {
    type Id: Serialize + DeserializeOwned + Debug + PartialEq;
}

#[derive(Debug, PartialEq)]
pub struct Disk;

impl Backend for Disk {
    type Id = u64;
}

/// Serde would bound `B: Serialize`; the container `bound` asks for `B::Id: Serialize` instead.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(bound = "B: Backend")]
pub struct Handle<B: Backend> {
    pub id: B::Id,
    #[serde(skip)]
    pub backend: PhantomData<B>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(bound(serialize = "T: Serialize + Debug", deserialize = "T: DeserializeOwned + Debug"))]
pub struct SplitBound<T> {
    pub value: Option<T>,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct WithLifetime<'a, T: ?Sized + 'a> {
    pub name: &'a str,
    #[serde(skip)]
    pub phantom: PhantomData<&'a T>,
}

/// Serde implements its traits for arrays up to 32 elements only, so the bound is spelled out.
#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(bound(serialize = "[u8; N]: Serialize", deserialize = "[u8; N]: DeserializeOwned"))]
pub struct ConstGeneric<const N: usize> {
    pub data: [u8; N],
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct DefaultParam<T = u8> {
    pub item: T,
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Command<T>
where
    T: Clone,
{
    Push { value: T },
    Pop,
    Many { values: Vec<T> },
}

#[derive(Serialize, Deserialize, Debug, PartialEq)]
pub struct Recursive {
    pub value: u8,
    pub children: Vec<Recursive>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn generic_struct() {
        let p = Pair { first: 1u8, second: "two".to_string() };
        let j = serde_json::to_value(&p).unwrap();
        assert_eq!(j, json!({"first": 1, "second": "two"}));
        assert_eq!(serde_json::from_value::<Pair<u8, String>>(j).unwrap(), p);
    }

    #[test]
    fn generic_where_clause() {
        let mut map = BTreeMap::new();
        map.insert("k".to_string(), 1i32);
        let c = Constrained { map, list: vec![2, 3] };
        let j = serde_json::to_value(&c).unwrap();
        assert_eq!(j, json!({"map": {"k": 1}, "list": [2, 3]}));
        assert_eq!(serde_json::from_value::<Constrained<String, i32>>(j).unwrap(), c);
    }

    #[test]
    fn container_bound() {
        let h: Handle<Disk> = Handle { id: 77, backend: PhantomData };
        let j = serde_json::to_value(&h).unwrap();
        assert_eq!(j, json!({"id": 77}));
        assert_eq!(serde_json::from_value::<Handle<Disk>>(j).unwrap(), h);
    }

    #[test]
    fn container_bound_split() {
        let v = SplitBound { value: Some(vec![1u8]) };
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j, json!({"value": [1]}));
        assert_eq!(serde_json::from_value::<SplitBound<Vec<u8>>>(j).unwrap(), v);
    }

    #[test]
    fn generic_lifetime() {
        let v: WithLifetime<str> = serde_json::from_str(r#"{"name":"n"}"#).unwrap();
        assert_eq!(v.name, "n");
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"{"name":"n"}"#);
    }

    #[test]
    fn generic_const() {
        let v = ConstGeneric { data: [1, 2, 3] };
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j, json!({"data": [1, 2, 3]}));
        assert_eq!(serde_json::from_value::<ConstGeneric<3>>(j).unwrap(), v);
    }

    #[test]
    fn generic_default_param() {
        let v: DefaultParam = serde_json::from_str(r#"{"item":4}"#).unwrap();
        assert_eq!(v.item, 4u8);
    }

    #[test]
    fn generic_enum() {
        let v = Command::Push { value: 'x' };
        let j = serde_json::to_value(&v).unwrap();
        assert_eq!(j, json!({"op": "push", "value": "x"}));
        assert_eq!(serde_json::from_value::<Command<char>>(j).unwrap(), v);
        let j = serde_json::to_value(Command::<u8>::Many { values: vec![1] }).unwrap();
        assert_eq!(j, json!({"op": "many", "values": [1]}));
        assert_eq!(serde_json::to_value(Command::<u8>::Pop).unwrap(), json!({"op": "pop"}));
    }

    #[test]
    fn recursive_type() {
        let r = Recursive { value: 1, children: vec![Recursive { value: 2, children: vec![] }] };
        let j = serde_json::to_value(&r).unwrap();
        assert_eq!(j, json!({"value": 1, "children": [{"value": 2, "children": []}]}));
        assert_eq!(serde_json::from_value::<Recursive>(j).unwrap(), r);
    }
}
