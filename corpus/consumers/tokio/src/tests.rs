use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::runtime::{Handle, RuntimeFlavor};

use super::*;

#[test]
fn main_default_is_multi_thread() {
    let s = default_runtime();
    assert_eq!(s.flavor, RuntimeFlavor::MultiThread);
    assert!(s.workers >= 1);
    assert_eq!(s.name, None);
}

#[test]
fn main_current_thread() {
    assert_eq!(current_thread(), Seen { flavor: RuntimeFlavor::CurrentThread, workers: 1, name: None });
}

#[test]
fn main_worker_threads() {
    assert_eq!(two_workers(), Seen { flavor: RuntimeFlavor::MultiThread, workers: 2, name: None });
    assert_eq!(three_workers_default_flavor().workers, 3);
}

#[test]
fn main_local_flavor() {
    assert_eq!(local_runtime(4), 9);
}

#[test]
fn main_name() {
    assert_eq!(named_runtime().name.as_deref(), Some("corpus-runtime"));
    let s = named_multi_thread();
    assert_eq!((s.flavor, s.workers, s.name.as_deref()), (RuntimeFlavor::MultiThread, 1, Some("corpus-multi")));
}

#[test]
fn main_start_paused() {
    assert_eq!(paused_clock(), Duration::from_secs(3600));
    assert!(unpaused_clock());
}

#[test]
fn main_crate_option() {
    assert_eq!(renamed_crate(21), 42);
    assert_eq!(reexported_crate(), "through a module");
}

#[test]
fn main_keeps_signature() {
    assert_eq!(generic_echo("x", 3), ["x", "x", "x"]);
    assert_eq!(generic_echo(7u8, 0), Vec::<u8>::new());
    assert_eq!(borrowed_len("abc", &[1, 2]), 5);
    assert_eq!(displayable(3).to_string(), "n=3");
    assert_eq!(fallible(true), Ok(1));
    assert_eq!(fallible(false), Err("failed".to_owned()));
    assert_eq!(early_return(50), 10);
    assert_eq!(early_return(5), 5);
    assert_eq!(Counter { start: 3 }.count_to(8), 8);
}

#[test]
fn main_starts_fresh_runtime_per_call() {
    // Outside a wrapped function there is no runtime; each call builds its own.
    assert!(Handle::try_current().is_err());
    assert_eq!(current_thread().flavor, RuntimeFlavor::CurrentThread);
    assert!(Handle::try_current().is_err());
}

#[test]
fn select_macro_helpers() {
    assert_eq!(select_first(5, 50), "fast");
    assert_eq!(select_first(50, 5), "slow");
    assert_eq!(select_patterns(), (8, 1));
}

#[tokio::test]
async fn test_default_current_thread() {
    assert_eq!(Handle::current().runtime_flavor(), RuntimeFlavor::CurrentThread);
    let v = tokio::spawn(async { 6 * 7 }).await.unwrap();
    assert_eq!(v, 42);
}

#[tokio::test(flavor = "multi_thread")]
async fn test_multi_thread() {
    assert_eq!(Handle::current().runtime_flavor(), RuntimeFlavor::MultiThread);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn test_worker_threads() {
    assert_eq!(Handle::current().metrics().num_workers(), 2);
    let hits = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let hits = Arc::clone(&hits);
            tokio::spawn(async move { hits.fetch_add(1, Ordering::SeqCst) })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    assert_eq!(hits.load(Ordering::SeqCst), 8);
}

#[tokio::test(flavor = "current_thread")]
async fn test_current_thread_explicit() {
    assert_eq!(Handle::current().metrics().num_workers(), 1);
}

#[tokio::test(flavor = "local")]
async fn test_local_flavor() {
    let rc = std::rc::Rc::new(5);
    let rc2 = rc.clone();
    assert_eq!(tokio::task::spawn_local(async move { *rc2 * 2 }).await.unwrap(), 10);
    assert_eq!(*rc, 5);
}

#[tokio::test(start_paused = true)]
async fn test_start_paused() {
    let t0 = tokio::time::Instant::now();
    tokio::time::sleep(Duration::from_secs(86_400)).await;
    assert_eq!(t0.elapsed(), Duration::from_secs(86_400));
}

#[tokio::test(crate = "tokio1")]
async fn test_crate_option() {
    tokio1::task::yield_now().await;
}

#[tokio::test(name = "test-runtime")]
async fn test_name() {
    assert_eq!(Handle::current().name(), Some("test-runtime"));
}

#[tokio::test]
async fn test_returns_result() -> Result<(), String> {
    let n: u8 = "12".parse().map_err(|e: std::num::ParseIntError| e.to_string())?;
    assert_eq!(n, 12);
    Ok(())
}

#[tokio::test]
#[should_panic(expected = "boom inside the runtime")]
async fn test_should_panic_kept() {
    tokio::task::yield_now().await;
    panic!("boom inside the runtime");
}

/// Doc comments and other attributes on the test stay attached.
#[tokio::test]
#[ignore = "kept to check that the ignore attribute survives the expansion"]
async fn test_ignored_attribute_kept() {
    unreachable!();
}
