//! A minimal single-threaded `block_on`: polls with a no-op waker until ready.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

pub fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return value;
        }
    }
}

/// Returns `Pending` once, so futures really suspend across an `.await`.
pub async fn yield_now() {
    let mut yielded = false;
    std::future::poll_fn(move |cx| {
        if yielded {
            Poll::Ready(())
        } else {
            yielded = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await
}

/// Counts how many times a future is polled before completing.
pub fn polls<F: Future>(future: F) -> (F::Output, usize) {
    let mut future = pin!(future);
    let mut cx = Context::from_waker(Waker::noop());
    let mut count = 0;
    loop {
        count += 1;
        if let Poll::Ready(value) = future.as_mut().poll(&mut cx) {
            return (value, count);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn executor_polls_until_ready() {
        let (value, count) = polls(async {
            yield_now().await;
            yield_now().await;
            7
        });
        assert_eq!((value, count), (7, 3));
        assert_eq!(block_on(async { 1 + 1 }), 2);
    }
}
