//! Receivers (`&self`, `&mut self`, `self`, `Box<Self>`, `Arc<Self>`, none), arguments, return
//! values, default methods, mixed sync/async methods and `dyn` use.

use crate::executor::yield_now;
use async_trait::async_trait;
use std::sync::Arc;

#[async_trait]
pub trait Advertisement {
    async fn run(&self) -> String;
}

pub struct Modal;

#[async_trait]
impl Advertisement for Modal {
    async fn run(&self) -> String {
        yield_now().await;
        "modal".to_owned()
    }
}

pub struct AutoplayingVideo {
    pub media_url: String,
}

#[async_trait]
impl Advertisement for AutoplayingVideo {
    async fn run(&self) -> String {
        let first = Modal.run().await;
        format!("{} then video {}", first, self.media_url)
    }
}

#[async_trait]
pub trait Counter: Send {
    /// Shared reference.
    async fn get(&self) -> u32;
    /// Mutable reference.
    async fn add(&mut self, by: u32);
    /// By value.
    async fn into_total(self) -> u32
    where
        Self: Sized;
    /// Boxed and reference-counted receivers.
    async fn boxed(self: Box<Self>) -> u32;
    async fn shared(self: Arc<Self>) -> u32
    where
        Self: Sync;
    /// No receiver at all.
    async fn start() -> Self
    where
        Self: Sized;
    /// A plain (not async) method next to the async ones.
    fn name(&self) -> &'static str;
    /// Default method that calls the others.
    async fn add_twice(&mut self, by: u32) -> u32 {
        self.add(by).await;
        self.add(by).await;
        self.get().await
    }
    /// Default method with no receiver.
    async fn zero() -> u32
    where
        Self: Sized,
    {
        0
    }
}

pub struct Simple {
    pub total: u32,
}

#[async_trait]
impl Counter for Simple {
    async fn get(&self) -> u32 {
        self.total
    }
    async fn add(&mut self, by: u32) {
        yield_now().await;
        self.total += by;
    }
    async fn into_total(self) -> u32 {
        self.total
    }
    async fn boxed(self: Box<Self>) -> u32 {
        self.total + 1000
    }
    async fn shared(self: Arc<Self>) -> u32 {
        self.total + 2000
    }
    async fn start() -> Self {
        Simple { total: 1 }
    }
    fn name(&self) -> &'static str {
        "simple"
    }
    /// Overrides the default.
    async fn zero() -> u32 {
        100
    }
}

/// Arguments: several, patterns, `mut` bindings, `impl Trait`, references, and `Self` in the body.
#[async_trait]
pub trait Args {
    async fn many(&self, a: u8, b: u16, c: u32, d: &str, e: Vec<u64>) -> String;
    async fn patterns(&self, (x, y): (i32, i32), [first, ..]: [u8; 3]) -> i32;
    async fn mutable(&self, mut n: u32) -> u32;
    async fn with_impl(&self, items: impl IntoIterator<Item = u8> + Send + 'async_trait) -> u32;
    async fn unit(&self);
    async fn returns_self() -> Self
    where
        Self: Sized;
    async fn underscore(&self, _: u8, _ignored: u8) -> bool;
}

#[derive(Debug, PartialEq)]
pub struct Calc(pub i32);

#[async_trait]
impl Args for Calc {
    async fn many(&self, a: u8, b: u16, c: u32, d: &str, e: Vec<u64>) -> String {
        format!("{a} {b} {c} {d} {e:?} {}", self.0)
    }
    async fn patterns(&self, (x, y): (i32, i32), [first, ..]: [u8; 3]) -> i32 {
        x * y + first as i32
    }
    async fn mutable(&self, mut n: u32) -> u32 {
        n += 1;
        yield_now().await;
        n * 2
    }
    async fn with_impl(&self, items: impl IntoIterator<Item = u8> + Send + 'async_trait) -> u32 {
        items.into_iter().map(u32::from).sum()
    }
    async fn unit(&self) {}
    async fn returns_self() -> Self {
        Self(-1)
    }
    async fn underscore(&self, _: u8, _ignored: u8) -> bool {
        true
    }
}

/// Unsafe async methods, and a trait implemented for `dyn` types and for `Box<T>`.
#[async_trait]
pub trait Describe {
    async fn describe(&self) -> String;
    async unsafe fn trusted(&self) -> u8 {
        42
    }
}

#[async_trait]
impl Describe for dyn Advertisement + Send + Sync {
    async fn describe(&self) -> String {
        format!("ad: {}", self.run().await)
    }
}

#[async_trait]
impl<T: Describe + ?Sized + Send + Sync> Describe for Box<T> {
    async fn describe(&self) -> String {
        format!("boxed {}", (**self).describe().await)
    }
}

/// Attributes on methods are kept; `self` and `Self` inside macro calls in bodies are rewritten.
#[async_trait]
pub trait Annotated {
    const PREFIX: &'static str;
    /// Documented method.
    #[must_use]
    async fn label(&self) -> String;
    #[cfg(any())]
    async fn compiled_out(&self);
    #[allow(unused_variables)]
    async fn ignores(&self, unused: u8) -> u8 {
        0
    }
}

macro_rules! describe_self {
    ($s:expr) => {
        format!("{}{}", <Self as Annotated>::PREFIX, $s.0)
    };
}

pub struct Item(pub u32);

#[async_trait]
impl Annotated for Item {
    const PREFIX: &'static str = "item#";
    #[inline]
    async fn label(&self) -> String {
        let direct = format!("{}{}", Self::PREFIX, self.0);
        let via_macro = describe_self!(self);
        assert_eq!(direct, via_macro);
        let closure = |n: u32| n + self.0;
        format!("{} {}", via_macro, closure(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::executor::{block_on, polls};

    #[test]
    fn readme_example() {
        let ads: Vec<Box<dyn Advertisement + Sync>> =
            vec![Box::new(Modal), Box::new(AutoplayingVideo { media_url: "u".into() })];
        let out: Vec<String> = ads.iter().map(|ad| block_on(ad.run())).collect();
        assert_eq!(out, ["modal", "modal then video u"]);
        let slice: &[&dyn Advertisement] = &[&Modal];
        assert_eq!(block_on(slice[0].run()), "modal");
    }

    #[test]
    fn future_suspends() {
        let (value, count) = polls(Modal.run());
        assert_eq!(value, "modal");
        assert_eq!(count, 2);
    }

    #[test]
    fn self_by_ref_and_mut() {
        let mut c = Simple { total: 0 };
        block_on(c.add(5));
        assert_eq!(block_on(c.get()), 5);
        assert_eq!(c.name(), "simple");
    }

    #[test]
    fn self_by_value() {
        assert_eq!(block_on(Simple { total: 9 }.into_total()), 9);
        assert_eq!(block_on(Box::new(Simple { total: 1 }).boxed()), 1001);
        assert_eq!(block_on(Arc::new(Simple { total: 2 }).shared()), 2002);
    }

    #[test]
    fn no_self() {
        let s = block_on(Simple::start());
        assert_eq!(s.total, 1);
    }

    #[test]
    fn default_methods() {
        let mut c = Simple { total: 1 };
        assert_eq!(block_on(c.add_twice(3)), 7);
        assert_eq!(block_on(Simple::zero()), 100);
    }

    #[test]
    fn dyn_trait_object() {
        let mut boxed: Box<dyn Counter> = Box::new(Simple { total: 0 });
        block_on(boxed.add(2));
        assert_eq!(block_on(boxed.add_twice(1)), 4);
        assert_eq!(block_on(boxed.boxed()), 1004);
    }

    #[test]
    fn futures_are_send() {
        fn assert_send<T: Send>(_: &T) {}
        let c = Simple { total: 0 };
        let fut = c.get();
        assert_send(&fut);
        assert_eq!(block_on(fut), 0);
    }

    #[test]
    fn arguments_and_returns() {
        let c = Calc(3);
        assert_eq!(block_on(c.many(1, 2, 3, "d", vec![4])), "1 2 3 d [4] 3");
        assert_eq!(block_on(c.patterns((2, 5), [7, 8, 9])), 17);
        assert_eq!(block_on(c.mutable(4)), 10);
        assert_eq!(block_on(c.with_impl(vec![1, 2, 3])), 6);
        assert_eq!(block_on(c.unit()), ());
        assert_eq!(block_on(Calc::returns_self()), Calc(-1));
        assert!(block_on(c.underscore(0, 0)));
    }

    #[test]
    fn impl_for_dyn_and_box() {
        let ad: Box<dyn Advertisement + Send + Sync> = Box::new(Modal);
        assert_eq!(block_on(ad.describe()), "boxed ad: modal");
        assert_eq!(block_on((*ad).describe()), "ad: modal");
    }

    #[test]
    fn method_attributes_and_macros_in_body() {
        assert_eq!(block_on(Item(4).label()), "item#4 5");
        assert_eq!(block_on(Item(4).ignores(1)), 0);
    }

    #[test]
    fn unsafe_async_method() {
        let ad: &(dyn Advertisement + Send + Sync) = &Modal;
        // SAFETY: the default `trusted` has no preconditions.
        assert_eq!(block_on(unsafe { ad.trusted() }), 42);
    }
}
