use std::cell::{Cell, RefCell};
use std::future::{ready, Ready};
use std::marker::{PhantomData, PhantomPinned};
use std::pin::{pin, Pin};
use std::rc::Rc;
use std::task::{Context, Poll};

use super::executor::{block_on, counting_waker};
use super::*;

// Whether a concrete type is `Unpin`, decided at compile time by method resolution: the by-value
// candidate exists only when `T: Unpin`, otherwise the autoref'd fallback is picked.
struct Probe<T: ?Sized>(PhantomData<T>);
trait IsUnpin {
    fn is_unpin(&self) -> bool {
        true
    }
}
impl<T: ?Sized + Unpin> IsUnpin for Probe<T> {}
trait NotUnpin {
    fn is_unpin(&self) -> bool {
        false
    }
}
impl<T: ?Sized> NotUnpin for &Probe<T> {}
macro_rules! is_unpin {
    ($t:ty) => {
        (&Probe::<$t>(PhantomData)).is_unpin()
    };
}

#[test]
fn struct_project_pinned_and_unpinned() {
    let ((out, polls), executor_polls) = block_on(Counted { inner: CountDown { left: 3, output: 7 }, polls: 0 });
    assert_eq!((out, polls, executor_polls), (7, 4, 4));
}

#[test]
fn struct_project_ref() {
    let mut c = pin!(Counted { inner: CountDown { left: 1, output: 0 }, polls: 0 });
    let (_, waker) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    assert!(c.as_mut().poll(&mut cx).is_pending());
    assert_eq!(c.as_ref().polls_seen(), 1);
    assert_eq!(c.as_mut().poll(&mut cx), Poll::Ready((0, 2)));
    assert_eq!(c.as_ref().polls_seen(), 2);
}

#[test]
fn pinned_field_is_not_moved() {
    let ((out, polls), _) = block_on(Counted { inner: AddressSensitive::default(), polls: 0 });
    assert_eq!((out, polls), (3, 3));
}

#[test]
fn tuple_struct_named_projections() {
    let (out, _) = block_on(Map(CountDown { left: 2, output: 20 }, Some(|v: u32| v + 1)));
    assert_eq!(out, 21);
    let m = pin!(Map(ready(1), Some(|v: i32| v)));
    assert!(m.as_ref().has_function());
}

#[test]
fn enum_project_and_project_replace() {
    let chain = Chain::First(CountDown { left: 2, output: 5 }, Some(CountDown { left: 1, output: 6 }));
    let (out, polls) = block_on(chain);
    assert_eq!((out, polls), (11, 4));
}

#[test]
fn enum_project_ref_stages() {
    let mut chain = pin!(Chain::First(CountDown { left: 0, output: 1 }, Some(CountDown { left: 1, output: 2 })));
    assert_eq!(chain.as_ref().stage(), "first");
    let (_, waker) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    assert!(chain.as_mut().poll(&mut cx).is_pending());
    assert_eq!(chain.as_ref().stage(), "second");
    assert_eq!(chain.as_mut().poll(&mut cx), Poll::Ready(3));
    assert_eq!(chain.as_ref().stage(), "done");
}

#[test]
fn enum_project_replace_returns_unpinned_fields() {
    let mut chain = pin!(Chain::<Ready<u32>, Ready<u32>>::Second { second: ready(1), first_output: 41 });
    match chain.as_mut().project_replace(Chain::Done) {
        ChainProjOwn::Second { second, first_output } => {
            let _: PhantomData<Ready<u32>> = second;
            assert_eq!(first_output, 41);
        }
        _ => panic!("wrong variant"),
    }
    assert_eq!(chain.as_ref().stage(), "done");
}

#[test]
fn struct_project_replace_unnamed_and_named() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut slot = pin!(Slot { pinned: Logged { value: 1, log: log.clone() }, unpinned: "old".to_owned() });
    let owned = slot.as_mut().project_replace(Slot { pinned: Logged { value: 2, log: log.clone() }, unpinned: "new".to_owned() });
    // The pinned field was dropped in place; the unpinned one is handed back.
    assert_eq!(owned.unpinned, "old");
    let _: PhantomData<Logged<i32>> = owned.pinned;
    assert_eq!(*log.borrow(), ["dropped 1"]);
    assert_eq!(slot.as_mut().project().unpinned, "new");

    let mut pair = pin!(Pair { pinned: 10u8, unpinned: vec![1] });
    let PairOwn { pinned, unpinned } = pair.as_mut().project_replace(Pair { pinned: 11, unpinned: vec![2] });
    let _: PhantomData<u8> = pinned;
    assert_eq!(unpinned, [1]);
    assert_eq!(*pair.as_mut().project().pinned, 11);
}

#[test]
fn pinned_drop_runs_once_with_projection() {
    let log = Rc::new(RefCell::new(Vec::new()));
    {
        let l = Logged { value: "a", log: log.clone() };
        let pinned = pin!(l);
        assert_eq!(*pinned.as_ref().project_ref().value.get_ref(), "a");
    }
    drop(Logged { value: (1, 2), log: log.clone() });
    assert_eq!(*log.borrow(), ["dropped \"a\"", "dropped (1, 2)"]);
}

#[test]
fn pinned_drop_on_enum() {
    let hits = Cell::new(0);
    drop(Guard::Armed { marker: PhantomPinned, hits: &hits });
    drop(Guard::Disarmed);
    {
        let _g = Box::pin(Guard::Armed { marker: PhantomPinned, hits: &hits });
    }
    assert_eq!(hits.get(), 2);
}

#[test]
fn unpin_rules() {
    // Default: Unpin exactly when every #[pin] field is.
    assert!(is_unpin!(Counted<CountDown>));
    assert!(!is_unpin!(Counted<AddressSensitive>));
    assert!(is_unpin!(Counted<Pin<Box<AddressSensitive>>>));
    // Unpinned fields do not matter.
    assert!(is_unpin!(Slot<u8, PhantomPinned>));
    // UnsafeUnpin: whatever the manual impl says.
    assert!(is_unpin!(Manual<u8, PhantomPinned>));
    assert!(!is_unpin!(Manual<PhantomPinned, u8>));
    // !Unpin and #[pin] PhantomPinned.
    assert!(!is_unpin!(NeverUnpin<u8>));
    assert!(!is_unpin!(PinnedMarker<u8>));
    assert!(!is_unpin!(Guard<'static>));
}

#[test]
fn unsafe_unpin_projection() {
    let mut m = Manual { pinned: 3u8, unpinned: 4u16 };
    // Unpin, so Pin::new works without unsafe.
    let this = Pin::new(&mut m).project();
    *this.pinned.get_mut() += 1;
    *this.unpinned += 1;
    assert_eq!((m.pinned, m.unpinned), (4, 5));
}

#[test]
fn not_unpin_still_projects() {
    let mut n = pin!(NeverUnpin { value: 5 });
    *n.as_mut().project().value += 1;
    assert_eq!(*n.as_ref().project_ref().value, 6);
    let mut p = pin!(PinnedMarker::new("x"));
    let this = p.as_mut().project();
    let _: Pin<&mut PhantomPinned> = this._marker;
    assert_eq!(*this.value, "x");
}

#[test]
fn lifetimes_const_generics_where_clause() {
    let other = [1u8, 2, 3];
    let mut view = pin!(View { label: "ab", other: &other, fut: CountDown { left: 1, output: 10 } });
    let (_, waker) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    assert_eq!(view.as_mut().poll_sum(&mut cx), Poll::Pending);
    assert_eq!(view.as_mut().poll_sum(&mut cx), Poll::Ready(10 + 6 + 2));
    let r = view.as_ref().project_ref();
    assert_eq!((*r.label, r.other.len()), ("ab", 3));
}

#[test]
fn unsized_pinned_field() {
    let boxed: Pin<Box<Boxless<dyn Future<Output = u32>>>> =
        Box::pin(Boxless { tag: 9, rest: CountDown { left: 0, output: 4 } });
    let mut boxed = boxed;
    let (_, waker) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    let this = boxed.as_mut().project();
    assert_eq!(*this.tag, 9);
    assert_eq!(this.rest.poll(&mut cx), Poll::Ready(4));
}

#[test]
fn private_struct_and_field_attributes() {
    let mut p = pin!(Private::default());
    let (_, waker) = counting_waker();
    let mut cx = Context::from_waker(&waker);
    assert_eq!(p.as_mut().poll_twice(&mut cx), (Poll::Pending, 1));
    assert_eq!(p.as_mut().poll_twice(&mut cx), (Poll::Ready(4), 2));
}

#[test]
fn enum_with_where_clause() {
    let l: Either<Ready<u8>, Ready<u8>> = Either::Left(ready(1));
    let pinned = pin!(l);
    assert!(pinned.as_ref().is_left());
    assert_eq!(block_on(Either::<Ready<u8>, Ready<u8>>::Right(ready(2))).0, 2);
    assert_eq!(block_on(Either::<CountDown, CountDown>::Left(CountDown { left: 2, output: 8 })), (8, 3));
}
