//! Benchmark workloads shaped like what a proc macro does: tokenise and parse text, hash, sort,
//! format strings, churn Vecs and HashMaps. Each is a zero-argument function returning a checksum,
//! sized to take tens of milliseconds natively. For wasm32 each is exported as `extern "C"`, so the
//! engine driver and `wasm-interp --run-all-exports` run the very module; the `native` binary runs
//! the same functions in-process. Checksums never depend on HashMap iteration order, because wasm32
//! std seeds its hasher from allocation addresses.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write;
use std::hash::{Hash, Hasher};

/// xorshift64*: deterministic input without a random source.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// Rust-like source text, the input of the tokenising and parsing workloads.
fn rust_like_source(items: usize) -> String {
    let mut source = String::new();
    for i in 0..items {
        let _ = write!(
            source,
            "#[derive(Debug, Clone)]\npub struct Item{i}<'a, T: Clone> {{ name: &'a str, value: Option<T>, count: u{} }}\n\
             impl<'a, T: Clone> Item{i}<'a, T> {{\n    pub fn get(&self, x: u32) -> Result<u32, &'static str> {{\n        \
             let s = \"text {i} \\\"quoted\\\"\"; // comment {i}\n        x.checked_add({i} * 0x{i:x}).ok_or(s)\n    }}\n}}\n",
            8 << (i % 4)
        );
    }
    source
}

#[derive(Debug, PartialEq, Eq, Hash, Clone, Copy)]
enum Kind {
    Ident,
    Lifetime,
    Number,
    Str,
    Punct,
    Comment,
}

/// Splits Rust-like source into tokens the way a macro's lexer does, collecting each token's text.
pub fn tokenize() -> i64 {
    let source = rust_like_source(6_000);
    let chars: Vec<char> = source.chars().collect();
    let mut counts: HashMap<Kind, u64> = HashMap::new();
    let mut idents: HashSet<String> = HashSet::new();
    let mut hash = 0u64;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let kind = if c.is_whitespace() {
            i += 1;
            continue;
        } else if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            Kind::Comment
        } else if c == '\'' && chars.get(i + 1).is_some_and(|c| c.is_alphabetic()) && chars.get(i + 2) != Some(&'\'') {
            i += 1;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            Kind::Lifetime
        } else if c.is_alphabetic() || c == '_' {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            Kind::Ident
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
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
        if kind == Kind::Ident {
            idents.insert(text);
        }
    }
    let get = |k| counts.get(&k).copied().unwrap_or(0);
    let mut sum = idents.len() as u64;
    for kind in [
        Kind::Ident,
        Kind::Lifetime,
        Kind::Number,
        Kind::Str,
        Kind::Punct,
        Kind::Comment,
    ] {
        sum = sum.wrapping_mul(1_000_003).wrapping_add(get(kind));
    }
    (sum ^ hash) as i64
}

/// A small expression and item tree, built by a recursive-descent parser, like syn's AST.
#[derive(Debug, Clone)]
enum Expr {
    Number(i64),
    Name(String),
    Call(String, Vec<Expr>),
    Binary(char, Box<Expr>, Box<Expr>),
}

struct Parser<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn skip_spaces(&mut self) {
        while self.pos < self.bytes.len() && self.bytes[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_spaces();
        self.bytes.get(self.pos).copied()
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(format!("expected '{}' at {}", byte as char, self.pos))
        }
    }

    fn word(&mut self) -> String {
        let start = self.pos;
        while self.pos < self.bytes.len()
            && (self.bytes[self.pos].is_ascii_alphanumeric() || self.bytes[self.pos] == b'_')
        {
            self.pos += 1;
        }
        String::from_utf8_lossy(&self.bytes[start..self.pos]).into_owned()
    }

    fn primary(&mut self) -> Result<Expr, String> {
        match self.peek() {
            Some(b'(') => {
                self.pos += 1;
                let e = self.sum()?;
                self.expect(b')')?;
                Ok(e)
            }
            Some(c) if c.is_ascii_digit() => Ok(Expr::Number(self.word().parse().map_err(|e| format!("{e:?}"))?)),
            Some(c) if c.is_ascii_alphabetic() => {
                let name = self.word();
                if self.peek() == Some(b'(') {
                    self.pos += 1;
                    let mut args = Vec::new();
                    while self.peek() != Some(b')') {
                        args.push(self.sum()?);
                        if self.peek() == Some(b',') {
                            self.pos += 1;
                        }
                    }
                    self.pos += 1;
                    Ok(Expr::Call(name, args))
                } else {
                    Ok(Expr::Name(name))
                }
            }
            other => Err(format!("unexpected {other:?} at {}", self.pos)),
        }
    }

    fn product(&mut self) -> Result<Expr, String> {
        let mut left = self.primary()?;
        while let Some(op @ (b'*' | b'/' | b'%')) = self.peek() {
            self.pos += 1;
            left = Expr::Binary(op as char, Box::new(left), Box::new(self.primary()?));
        }
        Ok(left)
    }

    fn sum(&mut self) -> Result<Expr, String> {
        let mut left = self.product()?;
        while let Some(op @ (b'+' | b'-')) = self.peek() {
            self.pos += 1;
            left = Expr::Binary(op as char, Box::new(left), Box::new(self.product()?));
        }
        Ok(left)
    }
}

fn eval(e: &Expr, env: &BTreeMap<String, i64>) -> i64 {
    match e {
        Expr::Number(n) => *n,
        Expr::Name(n) => env.get(n).copied().unwrap_or(1),
        Expr::Call(name, args) => args
            .iter()
            .fold(name.len() as i64, |a, x| a.wrapping_mul(31).wrapping_add(eval(x, env))),
        Expr::Binary(op, l, r) => {
            let (l, r) = (eval(l, env), eval(r, env));
            match op {
                '+' => l.wrapping_add(r),
                '-' => l.wrapping_sub(r),
                '*' => l.wrapping_mul(r),
                '/' => {
                    if r == 0 {
                        l
                    } else {
                        l.wrapping_div(r)
                    }
                }
                _ => {
                    if r == 0 {
                        l
                    } else {
                        l.wrapping_rem(r)
                    }
                }
            }
        }
    }
}

/// Generates expression statements, parses them into trees, clones and re-prints them, evaluates.
pub fn parse_exprs() -> i64 {
    let mut rng = Rng(0xfeed_beef);
    let mut text = String::new();
    for i in 0..6_000 {
        let _ = write!(text, "let v{i} = ");
        let terms = 3 + rng.next() % 6;
        for t in 0..terms {
            if t > 0 {
                text.push_str(["+", "-", "*", "/", "%"][(rng.next() % 5) as usize]);
            }
            match rng.next() % 4 {
                0 => {
                    let _ = write!(text, " {} ", rng.next() % 1000);
                }
                1 => {
                    let _ = write!(text, " v{} ", rng.next() % (i + 1));
                }
                2 => {
                    let _ = write!(
                        text,
                        " f{}(v{}, {} + x) ",
                        rng.next() % 9,
                        rng.next() % (i + 1),
                        rng.next() % 50
                    );
                }
                _ => {
                    let _ = write!(text, " (x * {} - v{}) ", rng.next() % 77, rng.next() % (i + 1));
                }
            }
        }
        text.push_str(";\n");
    }
    let mut env: BTreeMap<String, i64> = BTreeMap::new();
    env.insert("x".into(), 3);
    let mut parser = Parser {
        bytes: text.as_bytes(),
        pos: 0,
    };
    let mut checksum = 0i64;
    let mut trees = Vec::new();
    while parser.peek().is_some() {
        let _let = parser.word();
        parser.skip_spaces();
        let name = parser.word();
        parser.expect(b'=').unwrap();
        let expr = parser.sum().unwrap();
        parser.expect(b';').unwrap();
        let value = eval(&expr, &env);
        checksum = checksum.rotate_left(3) ^ value;
        env.insert(name, value % 1_000);
        trees.push(expr);
    }
    let printed: String = trees.iter().take(2_000).map(|t| format!("{:?}", t.clone())).collect();
    checksum ^ (fnv1a(printed.as_bytes()) as i64) ^ trees.len() as i64
}

/// Hashes: FNV-1a over a byte buffer, std's SipHash over many strings and tuples.
pub fn hashing() -> i64 {
    let mut rng = Rng(7);
    let buffer: Vec<u8> = (0..3_000_000).map(|_| rng.next() as u8).collect();
    let mut acc = 0u64;
    for chunk in buffer.chunks(61) {
        acc = acc.rotate_left(1) ^ fnv1a(chunk);
    }
    let words: Vec<String> = (0..150_000).map(|i| format!("ident_{}_{}", i % 977, i)).collect();
    for (i, w) in words.iter().enumerate() {
        let mut h = DefaultHasher::new();
        w.hash(&mut h);
        // u64, not usize: usize hashes as 4 bytes on wasm32 and 8 natively.
        (i as u32, w.len() as u64).hash(&mut h);
        acc = acc.wrapping_add(h.finish());
    }
    acc as i64
}

/// Sorts numbers, records and strings several ways, dedups, and binary-searches.
pub fn sorting() -> i64 {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut values: Vec<u64> = (0..250_000).map(|_| rng.next() % 1_000_000).collect();
    let mut stable = values.clone();
    values.sort_unstable();
    stable.sort_by_key(|v| std::cmp::Reverse(*v));
    stable.reverse();
    assert_eq!(values, stable);
    let mut records: Vec<(u32, String, u64)> = (0..40_000)
        .map(|i| ((rng.next() % 300) as u32, format!("field{}", rng.next() % 5_000), i))
        .collect();
    records.sort();
    records.sort_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)));
    let mut words: Vec<String> = records.iter().map(|r| r.1.clone()).collect();
    words.sort_unstable();
    words.dedup();
    values.dedup();
    let mut checksum = values.len() as u64 ^ (words.len() as u64) << 32;
    for i in 0..20_000u64 {
        if let Ok(at) = values.binary_search(&(i * 37)) {
            checksum = checksum.wrapping_add(at as u64);
        }
    }
    for (i, r) in records.iter().enumerate().step_by(97) {
        checksum = checksum.rotate_left(5) ^ u64::from(r.0) ^ r.2 ^ i as u64 ^ fnv1a(r.1.as_bytes());
    }
    checksum as i64
}

#[derive(Debug)]
#[allow(dead_code)] // read through Debug only
struct Field {
    name: String,
    ty: &'static str,
    index: i32,
    weight: f64,
    attrs: Vec<&'static str>,
}

/// Formats integers, floats, padding, hex, Debug structs and generated code, as quote! output does.
pub fn formatting() -> i64 {
    let mut total = 0u64;
    let mut text = String::new();
    for i in 0..24_000i32 {
        let f = f64::from(i) * 1.618_033_988 - 100.0;
        let field = Field {
            name: format!("field_{i}"),
            ty: ["u32", "String", "Vec<u8>", "Option<i64>"][(i % 4) as usize],
            index: i - 150,
            weight: f / 3.0,
            attrs: vec!["serde", "rename"],
        };
        text.clear();
        let _ = writeln!(
            text,
            "{i:>5}|{i:<5}|{i:^7}|{:#x}|{:08b}|{f:.3}|{f:e}|{field:?}",
            i * 4099,
            i % 256
        );
        let _ = write!(
            text,
            "impl ::core::fmt::Debug for {} {{ fn fmt(&self, f: &mut Formatter) -> Result {{ f.field(\"{}\", &self.{}) }} }}",
            field.name, field.name, field.index
        );
        let _ = write!(text, "{}{:?}", u64::MAX - i as u64, (i as f32) / 7.0);
        total = total.rotate_left(9) ^ fnv1a(text.as_bytes()) ^ text.len() as u64;
    }
    total as i64
}

/// Inserts, updates and removes keys in HashMap, HashSet and BTreeMap.
pub fn hashmap_churn() -> i64 {
    let mut rng = Rng(42);
    let mut map: HashMap<String, u64> = HashMap::new();
    let mut set: HashSet<u64> = HashSet::new();
    let mut tree: BTreeMap<u64, u64> = BTreeMap::new();
    for round in 0..200_000u64 {
        let key = rng.next() % 20_000;
        let name = format!("key-{key}");
        *map.entry(name.clone()).or_insert(0) += round;
        if key % 3 == 0 {
            map.remove(&name);
        }
        if !set.insert(key) {
            set.remove(&(key / 2));
        }
        tree.insert(key % 4_000, round);
    }
    let map_sum = map.values().fold(0u64, |a, v| a.wrapping_add(*v));
    let key_hash = map.keys().fold(0u64, |a, k| a ^ fnv1a(k.as_bytes()));
    let set_sum: u64 = set.iter().sum();
    let tree_fold = tree
        .iter()
        .fold(0u64, |a, (k, v)| a.wrapping_mul(1_000_003).wrapping_add(k ^ v));
    (map_sum ^ key_hash ^ (map.len() as u64) << 40 ^ set_sum ^ tree_fold) as i64
}

/// Builds, clones, splices and drops nested Vecs, like token trees being rebuilt.
pub fn vec_churn() -> i64 {
    let mut rng = Rng(99);
    let mut groups: Vec<Vec<u32>> = Vec::new();
    let mut checksum = 0u64;
    for round in 0..240_000u32 {
        let len = (rng.next() % 24) as usize;
        let mut group: Vec<u32> = Vec::with_capacity(len / 2);
        for j in 0..len as u32 {
            group.push(round ^ j);
        }
        if round % 5 == 0 && !groups.is_empty() {
            let at = (rng.next() % groups.len() as u64) as usize;
            let mut copy = groups[at].clone();
            copy.extend_from_slice(&group);
            copy.retain(|v| v % 3 != 0);
            groups[at] = copy;
        }
        groups.push(group);
        if groups.len() > 3_000 {
            let removed: Vec<Vec<u32>> = groups.drain(0..1_000).collect();
            checksum = removed.iter().fold(checksum, |a, g| {
                a.rotate_left(3) ^ g.len() as u64 ^ g.first().copied().unwrap_or(0) as u64
            });
        }
    }
    let flat: Vec<u32> = groups.concat();
    let flat_hash = flat
        .iter()
        .fold(0u64, |a, v| a.wrapping_mul(31).wrapping_add(u64::from(*v)));
    (checksum ^ flat_hash ^ flat.len() as u64) as i64
}

/// Every workload, by its export name.
pub const WORKLOADS: &[(&str, fn() -> i64)] = &[
    ("tokenize", tokenize),
    ("parse_exprs", parse_exprs),
    ("hashing", hashing),
    ("sorting", sorting),
    ("formatting", formatting),
    ("hashmap_churn", hashmap_churn),
    ("vec_churn", vec_churn),
];

#[cfg(target_arch = "wasm32")]
mod exports {
    macro_rules! export {
        ($($name:ident),*) => {$(
            #[no_mangle]
            pub extern "C" fn $name() -> i64 {
                super::$name()
            }
        )*};
    }
    export!(
        tokenize,
        parse_exprs,
        hashing,
        sorting,
        formatting,
        hashmap_churn,
        vec_churn
    );
}
