//! Workloads for the engine: each public function computes one number from a typical std workload
//! (sorting, formatting, hash maps, a tokenizer, float math). `exports` wraps each in an
//! `extern "C"` function for wasm32; the `native` binary prints the same functions' results, and the
//! test compares the two.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;

/// A small deterministic generator (xorshift64*), so no workload depends on a random source.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

/// FNV-1a over bytes.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

/// Sorts and dedups 20,000 numbers several ways and folds them into a checksum.
pub fn sorted_checksum() -> i64 {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut values: Vec<u64> = (0..20_000).map(|_| rng.next() % 50_000).collect();
    let mut by_key = values.clone();
    values.sort_unstable();
    by_key.sort_by_key(|v| std::cmp::Reverse(*v));
    by_key.reverse();
    assert_eq!(values, by_key);
    values.dedup();
    let mut words: Vec<String> = values.iter().take(500).map(|v| format!("w{}", v * 7919 % 1000)).collect();
    words.sort();
    words.dedup();
    let mut checksum = values.len() as u64;
    for (i, v) in values.iter().enumerate() {
        checksum = checksum.wrapping_mul(31).wrapping_add(*v ^ i as u64);
    }
    for word in &words {
        checksum = checksum.rotate_left(5) ^ fnv1a(word.as_bytes());
    }
    checksum as i64
}

#[derive(Debug)]
#[allow(dead_code)] // read through Debug only
struct Point {
    x: i32,
    y: f64,
    label: &'static str,
}

/// Formats integers, floats, padding, hex and Debug output, and hashes the text.
pub fn format_checksum() -> i64 {
    let mut text = String::new();
    for i in 0..300i32 {
        let f = f64::from(i) * 1.618_033_988 - 100.0;
        let p = Point { x: i - 150, y: f / 3.0, label: if i % 2 == 0 { "even" } else { "odd" } };
        writeln!(text, "{i:>5}|{i:<5}|{i:^7}|{:#x}|{:08b}|{f:.3}|{f:e}|{p:?}", i * 4099, i % 256).unwrap();
        write!(text, "{}", u64::MAX - i as u64).unwrap();
        write!(text, "{:?}", (i as f32) / 7.0).unwrap();
    }
    text.push_str(&format!("{:?}", vec![Some(1), None, Some(3)]));
    text.push_str(&1.5e300f64.to_string());
    text.push_str(&f64::MIN_POSITIVE.to_string());
    (fnv1a(text.as_bytes()) ^ text.len() as u64) as i64
}

/// Inserts, updates and removes keys in HashMap, HashSet and BTreeMap; the result does not depend
/// on iteration order, so any hasher seed gives the same number.
pub fn hashmap_churn() -> i64 {
    let mut rng = Rng(42);
    let mut map: HashMap<String, u64> = HashMap::new();
    let mut set: HashSet<u64> = HashSet::new();
    let mut tree: BTreeMap<u64, u64> = BTreeMap::new();
    for round in 0..20_000u64 {
        let key = rng.next() % 5_000;
        let name = format!("key-{key}");
        *map.entry(name.clone()).or_insert(0) += round;
        if key % 3 == 0 {
            map.remove(&name);
        }
        if !set.insert(key) {
            set.remove(&(key / 2));
        }
        tree.insert(key % 1_000, round);
    }
    let map_sum = map.values().fold(0u64, |a, v| a.wrapping_add(*v));
    let key_hash = map.keys().fold(0u64, |a, k| a ^ fnv1a(k.as_bytes()));
    let set_sum: u64 = set.iter().sum();
    let tree_fold = tree.iter().fold(0u64, |a, (k, v)| a.wrapping_mul(1_000_003).wrapping_add(k ^ v));
    (map_sum ^ key_hash ^ (map.len() as u64) << 40 ^ set_sum ^ tree_fold) as i64
}

#[derive(Debug, PartialEq, Eq, Hash, Clone, Copy)]
enum Kind {
    Ident,
    Number,
    Str,
    Punct,
}

/// Splits source text into identifiers, numbers, strings and punctuation, the way a macro's
/// tokenizer does; the result encodes the token counts and a hash of the token texts.
pub fn tokenize_checksum() -> i64 {
    let mut source = String::new();
    for i in 0..400 {
        let _ = write!(
            source,
            "fn item_{i}(x: u32) -> Result<u32, &'static str> {{ let s = \"text {i} \\\"q\\\"\"; x.checked_add({i}).ok_or(s) }}\n"
        );
    }
    let mut counts: HashMap<Kind, u64> = HashMap::new();
    let mut hash = 0u64;
    let chars: Vec<char> = source.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let kind = if c.is_whitespace() {
            i += 1;
            continue;
        } else if c.is_alphabetic() || c == '_' {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            Kind::Ident
        } else if c.is_ascii_digit() {
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            Kind::Number
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            Kind::Str
        } else {
            i += 1;
            Kind::Punct
        };
        *counts.entry(kind).or_insert(0) += 1;
        let text: String = chars[start..i.min(chars.len())].iter().collect();
        hash = hash.rotate_left(7) ^ fnv1a(text.as_bytes());
    }
    let get = |k| counts.get(&k).copied().unwrap_or(0);
    (get(Kind::Ident) << 48 ^ get(Kind::Number) << 32 ^ get(Kind::Str) << 16 ^ get(Kind::Punct) ^ hash) as i64
}

/// Float arithmetic whose results are exact in IEEE 754 (no libm), folded as bits.
pub fn float_checksum() -> i64 {
    let mut acc = 0u64;
    let mut x = 0.5f64;
    for i in 1..2_000 {
        let f = f64::from(i);
        x = (x * 1.000_1 + f.sqrt() / f).fract() + (f / 3.0).floor() * 1e-9;
        let y = (x as f32).mul_add(1.5, -0.25);
        acc = acc.rotate_left(3) ^ x.to_bits() ^ u64::from(y.to_bits()) ^ (f.powi(3) as i64 as u64);
        acc ^= ((x * 1e6).round() as i64 as u64) ^ ((-x * 1e6).trunc() as i32 as u64);
    }
    acc as i64
}

/// Every workload, by its export name, for the native side of the comparison.
pub const WORKLOADS: &[(&str, fn() -> i64)] = &[
    ("sorted_checksum", sorted_checksum),
    ("format_checksum", format_checksum),
    ("hashmap_churn", hashmap_churn),
    ("tokenize_checksum", tokenize_checksum),
    ("float_checksum", float_checksum),
];

#[cfg(target_arch = "wasm32")]
mod exports {
    #[no_mangle]
    pub extern "C" fn sorted_checksum() -> i64 {
        super::sorted_checksum()
    }
    #[no_mangle]
    pub extern "C" fn format_checksum() -> i64 {
        super::format_checksum()
    }
    #[no_mangle]
    pub extern "C" fn hashmap_churn() -> i64 {
        super::hashmap_churn()
    }
    #[no_mangle]
    pub extern "C" fn tokenize_checksum() -> i64 {
        super::tokenize_checksum()
    }
    #[no_mangle]
    pub extern "C" fn float_checksum() -> i64 {
        super::float_checksum()
    }
    /// A Rust panic aborts, which is an `unreachable` trap in wasm32.
    #[no_mangle]
    pub extern "C" fn deliberate_panic(n: i32) -> i32 {
        let v: Vec<i32> = (0..n).collect();
        v[n as usize + 1]
    }
}
