//! `#[async_trait(?Send)]`: futures without the `Send` bound, for non-thread-safe state.

use crate::executor::yield_now;
use async_trait::async_trait;
use std::cell::RefCell;
use std::rc::Rc;

#[async_trait(?Send)]
pub trait Log {
    async fn push(&self, line: &str);
    async fn lines(&self) -> Vec<String>;
    async fn push_all(&self, lines: &[&str]) -> usize {
        for line in lines {
            self.push(line).await;
        }
        self.lines().await.len()
    }
}

/// `Rc<RefCell<..>>` is neither Send nor Sync, which only `?Send` allows.
pub struct RcLog(pub Rc<RefCell<Vec<String>>>);

#[async_trait(?Send)]
impl Log for RcLog {
    async fn push(&self, line: &str) {
        let held = Rc::clone(&self.0);
        yield_now().await;
        held.borrow_mut().push(line.to_owned());
    }
    async fn lines(&self) -> Vec<String> {
        self.0.borrow().clone()
    }
}

/// Generic ?Send trait with a by-value receiver.
#[async_trait(?Send)]
pub trait Consume<T> {
    async fn consume(self, extra: T) -> String;
}

#[async_trait(?Send)]
impl<T: std::fmt::Debug + 'static> Consume<T> for Rc<str> {
    async fn consume(self, extra: T) -> String {
        // `self` is renamed inside the generated body, so it is passed as an argument.
        format!("{}:{:?}", self, extra)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::executor::block_on;

    #[test]
    fn not_send_futures() {
        let log = RcLog(Rc::new(RefCell::new(Vec::new())));
        assert_eq!(block_on(log.push_all(&["a", "b"])), 2);
        assert_eq!(block_on(log.lines()), ["a", "b"]);
        let dyn_log: &dyn Log = &log;
        block_on(dyn_log.push("c"));
        assert_eq!(log.0.borrow().len(), 3);
    }

    #[test]
    fn not_send_generic_by_value() {
        let s: Rc<str> = Rc::from("rc");
        assert_eq!(block_on(s.consume(Rc::new(1))), "rc:1");
    }
}
