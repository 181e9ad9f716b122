//! Exercises pin-project-internal through `pin-project`: `#[pin_project]` on structs, tuple
//! structs and enums with every documented argument (`project`, `project_ref`, `project_replace`,
//! `PinnedDrop`, `UnsafeUnpin`, `!Unpin`), `#[pin]` fields, `#[pinned_drop]`, generics, lifetimes
//! and where-clauses. The tests poll futures built on the projections with a small waker.

use std::cell::{Cell, RefCell};
use std::fmt::Debug;
use std::future::Future;
use std::marker::{PhantomData, PhantomPinned};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use pin_project::{pin_project, pinned_drop, UnsafeUnpin};

pub mod executor;

/// A future that is pending a fixed number of times, waking itself each time.
#[derive(Debug)]
pub struct CountDown {
    pub left: u32,
    pub output: u32,
}

impl Future for CountDown {
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.left == 0 {
            Poll::Ready(self.output)
        } else {
            self.left -= 1;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

/// A future that is `!Unpin`: it records its own address on the first poll and checks it later.
#[derive(Debug, Default)]
pub struct AddressSensitive {
    pub seen_at: Option<usize>,
    pub polls: u32,
    _pin: PhantomPinned,
}

impl Future for AddressSensitive {
    type Output = u32;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        // Safety: nothing is moved out; only plain fields are written.
        let this = unsafe { self.get_unchecked_mut() };
        let here = this as *const Self as usize;
        match this.seen_at {
            None => this.seen_at = Some(here),
            Some(addr) => assert_eq!(addr, here, "moved while pinned"),
        }
        this.polls += 1;
        if this.polls < 3 {
            cx.waker().wake_by_ref();
            Poll::Pending
        } else {
            Poll::Ready(this.polls)
        }
    }
}

/// Plain struct: one pinned field, one unpinned; `project` and `project_ref` always exist.
#[pin_project]
#[derive(Debug)]
pub struct Counted<F> {
    #[pin]
    pub inner: F,
    pub polls: u32,
}

impl<F: Future> Future for Counted<F> {
    type Output = (F::Output, u32);
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        *this.polls += 1;
        match this.inner.poll(cx) {
            Poll::Ready(v) => Poll::Ready((v, *this.polls)),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<F> Counted<F> {
    pub fn polls_seen(self: Pin<&Self>) -> u32 {
        let this = self.project_ref();
        let _: Pin<&F> = this.inner;
        *this.polls
    }
}

/// Tuple struct with a named projection.
#[pin_project(project = MapProj, project_ref = MapProjRef)]
pub struct Map<F, G>(#[pin] pub F, pub Option<G>);

impl<F, G, T> Future for Map<F, G>
where
    F: Future,
    G: FnOnce(F::Output) -> T,
{
    type Output = T;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let MapProj(fut, f) = self.project();
        match fut.poll(cx) {
            Poll::Ready(v) => Poll::Ready((f.take().expect("polled after completion"))(v)),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<F, G> Map<F, G> {
    pub fn has_function(self: Pin<&Self>) -> bool {
        let MapProjRef(_, f) = self.project_ref();
        f.is_some()
    }
}

/// Enum with tuple, struct and unit variants and all three named projections.
#[pin_project(project = ChainProj, project_ref = ChainProjRef, project_replace = ChainProjOwn)]
pub enum Chain<A, B> {
    First(#[pin] A, Option<B>),
    Second {
        #[pin]
        second: B,
        first_output: u32,
    },
    Done,
}

impl<A, B> Future for Chain<A, B>
where
    A: Future<Output = u32>,
    B: Future<Output = u32>,
{
    type Output = u32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        loop {
            match self.as_mut().project() {
                ChainProj::First(a, next) => {
                    let first_output = match a.poll(cx) {
                        Poll::Ready(v) => v,
                        Poll::Pending => return Poll::Pending,
                    };
                    let second = next.take().expect("second future");
                    self.set(Chain::Second { second, first_output });
                }
                ChainProj::Second { second, first_output } => {
                    let b = match second.poll(cx) {
                        Poll::Ready(v) => v,
                        Poll::Pending => return Poll::Pending,
                    };
                    let total = *first_output + b;
                    match self.as_mut().project_replace(Chain::Done) {
                        ChainProjOwn::Second { second, first_output } => {
                            let _: PhantomData<B> = second;
                            assert_eq!(first_output + b, total);
                        }
                        _ => unreachable!(),
                    }
                    return Poll::Ready(total);
                }
                ChainProj::Done => panic!("polled after completion"),
            }
        }
    }
}

impl<A, B> Chain<A, B> {
    pub fn stage(self: Pin<&Self>) -> &'static str {
        match self.project_ref() {
            ChainProjRef::First(..) => "first",
            ChainProjRef::Second { .. } => "second",
            ChainProjRef::Done => "done",
        }
    }
}

/// `project_replace` without a name on a struct: the method returns an anonymous owned projection.
#[pin_project(project_replace)]
pub struct Slot<T, U> {
    #[pin]
    pub pinned: T,
    pub unpinned: U,
}

/// `project_replace = Name` on a struct.
#[pin_project(project_replace = PairOwn)]
pub struct Pair<T, U> {
    #[pin]
    pub pinned: T,
    pub unpinned: U,
}

/// `PinnedDrop` with a `#[pinned_drop]` impl that projects in its destructor.
#[pin_project(PinnedDrop)]
pub struct Logged<T: Debug> {
    #[pin]
    pub value: T,
    pub log: Rc<RefCell<Vec<String>>>,
}

#[pinned_drop]
impl<T: Debug> PinnedDrop for Logged<T> {
    fn drop(self: Pin<&mut Self>) {
        let this = self.project();
        this.log.borrow_mut().push(format!("dropped {:?}", this.value.as_ref().get_ref()));
    }
}

/// `PinnedDrop` on an enum, with a named projection.
#[pin_project(PinnedDrop, project = GuardProj)]
pub enum Guard<'a> {
    Armed { #[pin] marker: PhantomPinned, hits: &'a Cell<u32> },
    Disarmed,
}

#[pinned_drop]
impl PinnedDrop for Guard<'_> {
    fn drop(self: Pin<&mut Self>) {
        if let GuardProj::Armed { hits, .. } = self.project() {
            hits.set(hits.get() + 1);
        }
    }
}

/// `UnsafeUnpin`: `Unpin` exactly when the manual impl says so.
#[pin_project(UnsafeUnpin)]
pub struct Manual<T, U> {
    #[pin]
    pub pinned: T,
    pub unpinned: U,
}

// Safety: the pinned field is only ever structurally pinned when `T: Unpin`.
unsafe impl<T: Unpin, U> UnsafeUnpin for Manual<T, U> {}

/// `!Unpin`: never `Unpin`, even with only `Unpin` fields.
#[pin_project(!Unpin)]
pub struct NeverUnpin<T> {
    pub value: T,
}

/// `#[pin]` on `PhantomPinned` makes the type `!Unpin` the same way.
#[pin_project]
pub struct PinnedMarker<T> {
    pub value: T,
    #[pin]
    _marker: PhantomPinned,
}

impl<T> PinnedMarker<T> {
    pub fn new(value: T) -> Self {
        PinnedMarker { value, _marker: PhantomPinned }
    }
}

/// Lifetimes, const generics, a where-clause and default type parameters.
#[pin_project(project = ViewProj)]
pub struct View<'a, 'b: 'a, T, const N: usize, U = u8>
where
    T: Future + 'a,
    U: Copy,
{
    pub label: &'a str,
    pub other: &'b [U; N],
    #[pin]
    pub fut: T,
}

impl<'a, 'b: 'a, T, const N: usize, U> View<'a, 'b, T, N, U>
where
    T: Future + 'a,
    U: Copy + Into<u32>,
{
    pub fn poll_sum(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32>
    where
        T: Future<Output = u32>,
    {
        let ViewProj { label, other, fut } = self.project();
        let extra: u32 = other.iter().map(|&u| u.into()).sum::<u32>() + label.len() as u32;
        fut.poll(cx).map(|v| v + extra)
    }
}

/// A `?Sized` trailing pinned field: projection works on unsized types through `dyn`.
#[pin_project]
pub struct Boxless<T: ?Sized> {
    pub tag: u8,
    #[pin]
    pub rest: T,
}

/// Visibility: a `pub(crate)` struct with private fields, and attributes and docs on fields.
#[pin_project]
#[derive(Default)]
pub(crate) struct Private {
    #[allow(dead_code)]
    /// documented field
    #[pin]
    pinned: AddressSensitive,
    count: u8,
}

// Only the tests call it; the type stays crate-private on purpose.
#[allow(dead_code)]
impl Private {
    pub(crate) fn poll_twice(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> (Poll<u32>, u8) {
        let first = self.as_mut().project().pinned.poll(cx);
        let _ = first;
        let this = self.project();
        *this.count += 1;
        (this.pinned.poll(cx), *this.count)
    }
}

/// A generic enum with a where-clause.
#[pin_project(project = EitherProj, project_ref = EitherProjRef)]
#[derive(Debug)]
pub enum Either<L, R>
where
    L: Future,
    R: Future<Output = L::Output>,
{
    Left(#[pin] L),
    Right(#[pin] R),
}

impl<L, R> Future for Either<L, R>
where
    L: Future,
    R: Future<Output = L::Output>,
{
    type Output = L::Output;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.project() {
            EitherProj::Left(l) => l.poll(cx),
            EitherProj::Right(r) => r.poll(cx),
        }
    }
}

impl<L: Future, R: Future<Output = L::Output>> Either<L, R> {
    pub fn is_left(self: Pin<&Self>) -> bool {
        matches!(self.project_ref(), EitherProjRef::Left(_))
    }
}

#[cfg(test)]
mod tests;
