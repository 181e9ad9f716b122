//! Generic traits and methods, lifetimes (named and elided), associated types and constants,
//! where-clauses, supertraits and recursion.

use crate::executor::yield_now;
use async_trait::async_trait;
use std::fmt::Display;

#[async_trait]
pub trait Store<K, V>
where
    K: Send + Sync + Ord,
    V: Clone + Send + Sync,
{
    async fn put(&mut self, key: K, value: V) -> Option<V>;
    async fn get(&self, key: &K) -> Option<V>;
}

pub struct VecStore<K, V>(pub Vec<(K, V)>);

#[async_trait]
impl<K, V> Store<K, V> for VecStore<K, V>
where
    K: Send + Sync + Ord,
    V: Clone + Send + Sync,
{
    async fn put(&mut self, key: K, value: V) -> Option<V> {
        yield_now().await;
        for entry in &mut self.0 {
            if entry.0 == key {
                return Some(std::mem::replace(&mut entry.1, value));
            }
        }
        self.0.push((key, value));
        None
    }
    async fn get(&self, key: &K) -> Option<V> {
        self.0.iter().find(|e| &e.0 == key).map(|e| e.1.clone())
    }
}

/// Generic methods, lifetimes tied to arguments and `self`, `'_` elision.
#[async_trait]
pub trait Text {
    async fn show<T: Display + Send + 'async_trait>(&self, value: T) -> String;
    async fn longest<'a>(&'a self, other: &'a str) -> &'a str;
    async fn first_word<'s>(&self, text: &'s str) -> &'s str;
    async fn elided(&self, text: &str, more: std::slice::Iter<'_, u8>) -> usize;
    async fn both<'a, 'b: 'a, T>(&self, a: &'a T, b: &'b T) -> Vec<&'a T>
    where
        T: Sync + ?Sized;
}

pub struct Words(pub String);

#[async_trait]
impl Text for Words {
    async fn show<T: Display + Send + 'async_trait>(&self, value: T) -> String {
        format!("{}={}", self.0, value)
    }
    async fn longest<'a>(&'a self, other: &'a str) -> &'a str {
        if self.0.len() >= other.len() { &self.0 } else { other }
    }
    async fn first_word<'s>(&self, text: &'s str) -> &'s str {
        text.split(' ').next().unwrap_or("")
    }
    async fn elided(&self, text: &str, more: std::slice::Iter<'_, u8>) -> usize {
        text.len() + more.len()
    }
    async fn both<'a, 'b: 'a, T>(&self, a: &'a T, b: &'b T) -> Vec<&'a T>
    where
        T: Sync + ?Sized,
    {
        vec![a, b]
    }
}

/// Associated types and constants, supertraits.
#[async_trait]
pub trait Source: Send + Sync {
    type Item: Send;
    const LIMIT: usize;
    async fn next(&mut self) -> Option<Self::Item>;
    async fn collect_all(&mut self) -> Vec<Self::Item> {
        let mut out = Vec::new();
        while out.len() < Self::LIMIT {
            match self.next().await {
                Some(item) => out.push(item),
                None => break,
            }
        }
        out
    }
}

pub struct Countdown(pub u8);

#[async_trait]
impl Source for Countdown {
    type Item = u8;
    const LIMIT: usize = 3;
    async fn next(&mut self) -> Option<u8> {
        if self.0 == 0 {
            None
        } else {
            self.0 -= 1;
            Some(self.0)
        }
    }
}

/// A generic impl over any `Source`, with a where-clause on the associated type.
#[async_trait]
pub trait Summed {
    async fn sum(&mut self) -> u64;
}

#[async_trait]
impl<S> Summed for S
where
    S: Source,
    S::Item: Into<u64>,
{
    async fn sum(&mut self) -> u64 {
        self.collect_all().await.into_iter().map(Into::into).sum()
    }
}

/// Const generics and recursion through the boxed future.
#[async_trait]
pub trait Fib {
    async fn fib(&self, n: u32) -> u64;
}

pub struct Memo<const N: usize>;

#[async_trait]
impl<const N: usize> Fib for Memo<N> {
    async fn fib(&self, n: u32) -> u64 {
        if n < 2 {
            return n as u64 + N as u64 * 0;
        }
        self.fib(n - 1).await + self.fib(n - 2).await
    }
}

/// A generic trait parameterized by a lifetime.
#[async_trait]
pub trait Parser<'input> {
    async fn parse(&self, input: &'input str) -> Vec<&'input str>;
}

pub struct Splitter(pub char);

#[async_trait]
impl<'input> Parser<'input> for Splitter {
    async fn parse(&self, input: &'input str) -> Vec<&'input str> {
        input.split(self.0).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::executor::block_on;

    #[test]
    fn generic_trait_with_where_clause() {
        let mut s = VecStore(Vec::new());
        assert_eq!(block_on(s.put(1, "a".to_string())), None);
        assert_eq!(block_on(s.put(1, "b".to_string())), Some("a".to_string()));
        assert_eq!(block_on(s.get(&1)), Some("b".to_string()));
        assert_eq!(block_on(s.get(&2)), None);
    }

    #[test]
    fn generic_method() {
        let w = Words("k".into());
        assert_eq!(block_on(w.show(5)), "k=5");
        assert_eq!(block_on(w.show("s")), "k=s");
    }

    #[test]
    fn lifetimes() {
        let w = Words("long word".into());
        let other = String::from("short");
        assert_eq!(block_on(w.longest(&other)), "long word");
        assert_eq!(block_on(w.first_word("alpha beta")), "alpha");
        assert_eq!(block_on(w.elided("abc", [1u8, 2].iter())), 5);
        assert_eq!(block_on(w.both("x", "y")), ["x", "y"]);
    }

    #[test]
    fn associated_types_and_consts() {
        let mut c = Countdown(5);
        assert_eq!(block_on(c.collect_all()), [4, 3, 2]);
        assert_eq!(block_on(c.collect_all()), [1, 0]);
    }

    #[test]
    fn blanket_impl_with_where_clause() {
        assert_eq!(block_on(Countdown(4).sum()), 3 + 2 + 1);
    }

    #[test]
    fn recursion_and_const_generics() {
        assert_eq!(block_on(Memo::<2>.fib(10)), 55);
    }

    #[test]
    fn trait_lifetime_parameter() {
        let text = String::from("a,b,c");
        assert_eq!(block_on(Splitter(',').parse(&text)), ["a", "b", "c"]);
    }
}
