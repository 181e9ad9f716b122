//! Derives that add inherent methods: Constructor, IsVariant, Unwrap and TryUnwrap.

use derive_more::{Constructor, IsVariant, TryUnwrap, Unwrap};

#[derive(Constructor, Debug, PartialEq)]
pub struct Size(u32, u32);

#[derive(Constructor, Debug, PartialEq)]
pub struct Person {
    name: String,
    age: u8,
}

#[derive(Constructor, Debug, PartialEq)]
pub struct Unit;

#[derive(Constructor, Debug, PartialEq)]
pub struct Holder<'a, T: Clone>
where
    T: PartialEq,
{
    item: &'a T,
    copies: usize,
}

/// Constructor is `const`.
pub const ORIGIN: Size = Size::new(0, 0);

#[derive(IsVariant, Unwrap, TryUnwrap, Debug, PartialEq)]
#[unwrap(ref, ref_mut)]
#[try_unwrap(ref, ref_mut)]
pub enum Slot<T> {
    Empty,
    Full(T),
    Pair(T, T),
    #[is_variant(ignore)]
    #[unwrap(ignore)]
    #[try_unwrap(ignore)]
    Broken,
}

/// IsVariant also handles variants with named fields (Unwrap/TryUnwrap reject them).
#[derive(IsVariant)]
pub enum Shape {
    Dot,
    Rect { w: u8, h: u8 },
    #[is_variant(ignore)]
    Hidden,
}

/// Variant-level options select among the ones enabled on the enum.
#[derive(Unwrap, TryUnwrap, Debug, PartialEq)]
#[unwrap(owned, ref)]
#[try_unwrap(owned, ref)]
pub enum Reply {
    #[unwrap(ref)]
    #[try_unwrap(ref)]
    Text(String),
    #[unwrap(owned)]
    #[try_unwrap(owned)]
    Code(i32),
}

pub const fn empty_is_empty() -> bool {
    Slot::<u8>::Empty.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constructor_tuple_and_named() {
        assert_eq!(Size::new(1, 2), Size(1, 2));
        assert_eq!(Person::new("a".into(), 3), Person { name: "a".into(), age: 3 });
        assert_eq!(Unit::new(), Unit);
        assert_eq!(ORIGIN, Size(0, 0));
    }

    #[test]
    fn constructor_generic() {
        let v = 5;
        let h = Holder::new(&v, 2);
        assert_eq!(*h.item, 5);
        assert_eq!(h.copies, 2);
    }

    #[test]
    fn is_variant_methods() {
        assert!(Slot::<u8>::Empty.is_empty());
        assert!(Slot::Full(1).is_full());
        assert!(!Slot::Full(1).is_pair());
        assert!(Slot::Pair(1, 2).is_pair());
        assert!(Shape::Rect { w: 1, h: 2 }.is_rect());
        assert!(!Shape::Dot.is_rect());
        assert!(Shape::Dot.is_dot());
        let _ = Shape::Hidden;
        assert!(empty_is_empty());
    }

    #[test]
    fn unwrap_methods() {
        assert_eq!(Slot::Full(3).unwrap_full(), 3);
        assert_eq!(Slot::Pair(1, 2).unwrap_pair(), (1, 2));
        Slot::<u8>::Empty.unwrap_empty();
        let s = Slot::Full(String::from("x"));
        assert_eq!(s.unwrap_full_ref(), "x");
        let mut m = Slot::Full(1);
        *m.unwrap_full_mut() += 1;
        assert_eq!(m, Slot::Full(2));
        assert_eq!(Reply::Text("t".into()).unwrap_text_ref(), "t");
        assert_eq!(Reply::Code(4).unwrap_code(), 4);
    }

    #[test]
    #[should_panic(expected = "called `Slot::unwrap_full()` on a `Slot::Empty` value")]
    fn unwrap_wrong_variant_panics() {
        Slot::<u8>::Empty.unwrap_full();
    }

    #[test]
    fn try_unwrap_methods() {
        assert_eq!(Slot::Full(3).try_unwrap_full(), Ok(3));
        let err = Slot::<u8>::Empty.try_unwrap_full().unwrap_err();
        assert_eq!(err.to_string(), "Attempt to call `Slot::try_unwrap_full()` on a `Slot::Empty` value");
        assert_eq!(err.input, Slot::Empty);
        let s = Slot::Pair(1, 2);
        assert_eq!(s.try_unwrap_pair_ref(), Ok((&1, &2)));
        let mut n = Slot::Pair(1, 2);
        if let Ok((_, v)) = n.try_unwrap_pair_mut() {
            *v = 7;
        }
        assert_eq!(n, Slot::Pair(1, 7));
        assert!(Slot::<u8>::Empty.try_unwrap_empty_ref().is_ok());
        assert_eq!(Reply::Code(1).try_unwrap_text_ref().unwrap_err().input, &Reply::Code(1));
        assert!(Reply::Text("a".into()).try_unwrap_code().is_err());
        let _ = Slot::<u8>::Broken;
    }
}
