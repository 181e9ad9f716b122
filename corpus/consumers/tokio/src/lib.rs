//! Exercises tokio-macros through `tokio`: `#[tokio::main]` on ordinary async functions (they become
//! blocking functions that build a runtime per call), every documented option (`flavor`,
//! `worker_threads`, `start_paused`, `crate`, `name`), `#[tokio::test]` with its flavors, and the
//! `select!` macro, whose expansion calls tokio-macros' two helper proc macros.

// `crate = "..."` takes any path to the tokio crate: an alias and a re-exporting module.
extern crate tokio as tokio1;

use std::fmt::Display;
use std::rc::Rc;
use std::time::Duration;

use tokio::runtime::{Handle, RuntimeFlavor};

pub mod reexport {
    pub use ::tokio::*;
}

/// What a runtime looked like from inside a function the macro wrapped.
#[derive(Debug, PartialEq, Eq)]
pub struct Seen {
    pub flavor: RuntimeFlavor,
    pub workers: usize,
    pub name: Option<String>,
}

fn seen() -> Seen {
    let handle = Handle::current();
    Seen {
        flavor: handle.runtime_flavor(),
        workers: handle.metrics().num_workers(),
        name: handle.name().map(str::to_owned),
    }
}

/// Default options: the multi-thread runtime.
#[tokio::main]
pub async fn default_runtime() -> Seen {
    tokio::task::yield_now().await;
    seen()
}

#[tokio::main(flavor = "current_thread")]
pub async fn current_thread() -> Seen {
    seen()
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
pub async fn two_workers() -> Seen {
    let on_worker = tokio::spawn(async { seen() }).await.unwrap();
    assert_eq!(on_worker, seen());
    seen()
}

#[tokio::main(worker_threads = 3)]
pub async fn three_workers_default_flavor() -> Seen {
    seen()
}

/// The local runtime runs `!Send` tasks with `spawn_local`.
#[tokio::main(flavor = "local")]
pub async fn local_runtime(start: u32) -> u32 {
    let shared = Rc::new(start);
    let task_value = Rc::clone(&shared);
    let joined = tokio::task::spawn_local(async move { *task_value + 1 }).await.unwrap();
    assert_eq!(seen().flavor, RuntimeFlavor::CurrentThread);
    joined + *shared
}

#[tokio::main(flavor = "current_thread", name = "corpus-runtime")]
pub async fn named_runtime() -> Seen {
    seen()
}

#[tokio::main(name = "corpus-multi", worker_threads = 1)]
pub async fn named_multi_thread() -> Seen {
    seen()
}

/// Time starts paused: a long sleep completes at once, and the clock moves by exactly that much.
#[tokio::main(flavor = "current_thread", start_paused = true)]
pub async fn paused_clock() -> Duration {
    let before = tokio::time::Instant::now();
    tokio::time::sleep(Duration::from_secs(3600)).await;
    before.elapsed()
}

#[tokio::main(flavor = "current_thread", start_paused = false)]
pub async fn unpaused_clock() -> bool {
    let before = tokio::time::Instant::now();
    tokio::time::sleep(Duration::from_millis(1)).await;
    before.elapsed() >= Duration::from_millis(1)
}

#[tokio::main(crate = "tokio1", flavor = "current_thread")]
pub async fn renamed_crate(x: u64) -> u64 {
    tokio1::task::yield_now().await;
    x * 2
}

#[tokio::main(crate = "crate::reexport")]
pub async fn reexported_crate() -> &'static str {
    "through a module"
}

/// Arguments, generics with where-clauses, references and `impl Trait` returns are kept.
#[tokio::main(flavor = "current_thread")]
pub async fn generic_echo<T>(value: T, times: usize) -> Vec<T>
where
    T: Clone + Send + 'static,
{
    let mut out = Vec::new();
    for _ in 0..times {
        out.push(value.clone());
        tokio::task::yield_now().await;
    }
    out
}

#[tokio::main(flavor = "current_thread")]
pub async fn borrowed_len<'a>(text: &'a str, extra: &'a [u8]) -> usize {
    text.len() + extra.len()
}

#[tokio::main(flavor = "current_thread")]
pub async fn displayable(n: i32) -> impl Display {
    format!("n={n}")
}

#[tokio::main(flavor = "current_thread")]
pub async fn fallible(ok: bool) -> Result<u8, String> {
    if ok {
        Ok(1)
    } else {
        Err("failed".to_owned())
    }
}

/// Early `return` inside the body returns from the async block.
#[tokio::main(flavor = "current_thread")]
pub async fn early_return(n: u8) -> u8 {
    if n > 10 {
        return 10;
    }
    n
}

pub struct Counter {
    pub start: u32,
}

impl Counter {
    /// A method: `self` is captured by the async body.
    #[tokio::main(flavor = "current_thread")]
    pub async fn count_to(&self, end: u32) -> u32 {
        let mut n = self.start;
        while n < end {
            n += 1;
            tokio::task::yield_now().await;
        }
        n
    }
}

/// `tokio::select!` expands through tokio-macros' `select_priv_declare_output_enum` and
/// `select_priv_clean_pattern`.
#[tokio::main(flavor = "current_thread", start_paused = true)]
pub async fn select_first(fast_ms: u64, slow_ms: u64) -> &'static str {
    tokio::select! {
        _ = tokio::time::sleep(Duration::from_millis(fast_ms)) => "fast",
        _ = tokio::time::sleep(Duration::from_millis(slow_ms)) => "slow",
    }
}

#[tokio::main(flavor = "current_thread")]
pub async fn select_patterns() -> (u32, u32) {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(4);
    tx.send(5).await.unwrap();
    drop(tx);
    let mut got = 0;
    let mut closed = 0;
    loop {
        tokio::select! {
            biased;
            Some(v) = rx.recv() => got += v,
            else => { closed += 1; break; }
        }
    }
    let (a, b) = tokio::join!(async { 1 }, async { 2 });
    (got + a + b, closed)
}

#[cfg(test)]
mod tests;
