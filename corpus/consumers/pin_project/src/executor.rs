//! A tiny single-threaded executor: a waker that counts wake-ups, and `block_on` that polls a
//! pinned future until it is ready (no other crates).

use std::future::Future;
use std::pin::pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

/// Counts how often it was woken.
#[derive(Default)]
pub struct CountingWaker {
    pub wakes: AtomicUsize,
}

impl Wake for CountingWaker {
    fn wake(self: Arc<Self>) {
        self.wakes.fetch_add(1, Ordering::SeqCst);
    }
    fn wake_by_ref(self: &Arc<Self>) {
        self.wakes.fetch_add(1, Ordering::SeqCst);
    }
}

pub fn counting_waker() -> (Arc<CountingWaker>, Waker) {
    let counter = Arc::new(CountingWaker::default());
    let waker = Waker::from(Arc::clone(&counter));
    (counter, waker)
}

/// Polls `fut` until it is ready; returns its output and the number of polls. Every pending poll
/// must have woken the task, or the future would never run again.
pub fn block_on<F: Future>(fut: F) -> (F::Output, usize) {
    let (counter, waker) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    let mut fut = pin!(fut);
    let mut polls = 0;
    loop {
        polls += 1;
        let before = counter.wakes.load(Ordering::SeqCst);
        match fut.as_mut().poll(&mut cx) {
            Poll::Ready(v) => return (v, polls),
            Poll::Pending => {
                assert!(counter.wakes.load(Ordering::SeqCst) > before, "pending without a wake-up");
                assert!(polls < 1000, "future never finished");
            }
        }
    }
}
