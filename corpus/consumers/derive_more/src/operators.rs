//! Arithmetic and bit operators (binary, assigning, scalar and structural), Not/Neg, Sum/Product
//! and derive_more's Eq/PartialEq.

use std::marker::PhantomData;

use derive_more::{
    Add, AddAssign, BitAnd, BitAndAssign, BitOr, BitOrAssign, BitXor, BitXorAssign, Div,
    DivAssign, Mul, MulAssign, Neg, Not, Product, Rem, RemAssign, Shl, ShlAssign, Shr, ShrAssign,
    Sub, SubAssign, Sum,
};

/// All the binary structural operators on a tuple struct.
#[derive(Add, Sub, BitAnd, BitOr, BitXor, Clone, Copy, Debug, PartialEq)]
pub struct Mask(u8, u16);

/// Named fields and a skipped marker field.
#[derive(Add, Sub, Debug, PartialEq)]
pub struct Money<C> {
    cents: i64,
    #[add(skip)]
    #[sub(skip)]
    currency: PhantomData<C>,
}

/// A tuple struct ignoring its marker with the `ignore` spelling.
#[derive(Add, Debug, PartialEq)]
pub struct Gauge<U>(i32, #[add(ignore)] PhantomData<U>);

/// Enum addition returns a Result (mismatched variants and unit variants are errors).
#[derive(Add, Sub, Debug, PartialEq)]
pub enum Amount {
    Small(i32),
    Big(i64),
    Two(i32, i32),
    Named { x: i16, y: i16 },
    Skipping(i8, #[add(skip)] NotAddable),
    Unit,
}

#[derive(Debug, PartialEq, Clone, Copy, Default)]
pub struct NotAddable;

impl std::ops::Sub for NotAddable {
    type Output = NotAddable;
    fn sub(self, _: NotAddable) -> NotAddable {
        NotAddable
    }
}

/// Generic struct: the bound on the field type is inferred.
#[derive(Add, Debug, PartialEq)]
pub struct Vec2<T> {
    x: T,
    y: T,
}

/// The assigning operators on a struct.
#[derive(AddAssign, SubAssign, BitAndAssign, BitOrAssign, BitXorAssign, Debug, PartialEq)]
pub struct Counter {
    hits: u32,
    misses: u32,
}

#[derive(AddAssign, Debug, PartialEq)]
pub struct Level<T>(i32, #[add_assign(skip)] PhantomData<T>);

/// Scalar multiplication (default): every field times the right-hand side.
#[derive(Mul, Div, Rem, Shr, Shl, Debug, PartialEq, Clone, Copy)]
pub struct Scaled {
    a: u32,
    b: u32,
}

#[derive(Mul, Debug, PartialEq)]
pub struct Single(i64);

#[derive(Mul, Debug, PartialEq)]
pub struct ScaledSkip<T>(i32, #[mul(skip)] PhantomData<T>);

/// Structural multiplication with `#[mul(forward)]` on a struct and an enum.
#[derive(Mul, Div, Debug, PartialEq)]
#[mul(forward)]
#[div(forward)]
pub struct Elementwise(i32, i32);

#[derive(Mul, Debug, PartialEq)]
#[mul(forward)]
pub enum Factor {
    Int(i64),
    Named { x: i32, #[mul(ignore)] tag: NotAddable },
    Unit,
}

#[derive(Mul, Debug, PartialEq)]
#[mul(forward)]
pub struct ElementwiseSkip<T> {
    v: u8,
    #[mul(skip)]
    _t: PhantomData<T>,
}

/// Scalar assigning operators.
#[derive(MulAssign, DivAssign, RemAssign, ShrAssign, ShlAssign, Debug, PartialEq)]
pub struct Resizable(u32, u32);

#[derive(MulAssign, Debug, PartialEq)]
pub struct ResizableSkip<T> {
    len: usize,
    #[mul_assign(skip)]
    _t: PhantomData<T>,
}

/// Structural assigning multiplication.
#[derive(MulAssign, Debug, PartialEq)]
#[mul_assign(forward)]
pub struct PerElement(f32, f32);

/// Not and Neg on structs and enums; an enum with a unit variant returns a Result.
#[derive(Not, Neg, Debug, PartialEq, Clone, Copy)]
pub struct Flags(i8, i32);

#[derive(Not, Debug, PartialEq)]
pub struct Bits {
    low: u8,
    on: bool,
}

#[derive(Not, Neg, Debug, PartialEq)]
pub enum Signal {
    Level(i8),
    Pair(i16, i16),
    Named { v: i32 },
}

#[derive(Not, Debug, PartialEq)]
pub enum MaybeBit {
    Bit(bool),
    Unknown,
}

/// Sum and Product (they need Add and structural Mul respectively).
#[derive(Add, Mul, Sum, Product, Debug, PartialEq, Clone, Copy)]
#[mul(forward)]
pub struct Totals(u32, i64);

#[derive(Add, Sum, Debug, PartialEq)]
pub struct Weight<T> {
    grams: T,
}

/// derive_more's PartialEq/Eq: structural, with skipped fields and variants.
#[derive(derive_more::PartialEq, derive_more::Eq, Debug)]
pub struct Keyed<K, M> {
    key: K,
    meta: PhantomData<M>,
    #[partial_eq(skip)]
    cache: f64,
}

#[derive(derive_more::PartialEq, derive_more::Eq, Debug)]
#[eq(skip)]
pub struct AllIgnored(f32, NoEq);

#[derive(Debug)]
pub struct NoEq;

#[derive(derive_more::PartialEq, derive_more::Eq, Debug)]
pub enum Item {
    Code(u32, #[eq(ignore)] NoEq),
    #[partial_eq(ignore)]
    Blob(NoEq),
    Named { id: u8 },
    Unit,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_family_on_tuple_struct() {
        let a = Mask(0b1100, 0xf0);
        let b = Mask(0b1010, 0x0f);
        assert_eq!(a + b, Mask(22, 0xff));
        assert_eq!(a - b, Mask(2, 0xe1));
        assert_eq!(a & b, Mask(0b1000, 0));
        assert_eq!(a | b, Mask(0b1110, 0xff));
        assert_eq!(a ^ b, Mask(0b0110, 0xff));
    }

    #[test]
    fn add_skip_field() {
        let a = Money::<()> { cents: 5, currency: PhantomData };
        let b = Money::<()> { cents: 7, currency: PhantomData };
        assert_eq!((a + b).cents, 12);
        let c = Money::<()> { cents: 5, currency: PhantomData } - Money { cents: 7, currency: PhantomData };
        assert_eq!(c.cents, -2);
        assert_eq!(Gauge::<u8>(1, PhantomData) + Gauge(2, PhantomData), Gauge(3, PhantomData));
    }

    #[test]
    fn add_enum_result() {
        assert_eq!((Amount::Small(1) + Amount::Small(2)).unwrap(), Amount::Small(3));
        assert_eq!((Amount::Two(1, 2) + Amount::Two(3, 4)).unwrap(), Amount::Two(4, 6));
        assert_eq!((Amount::Named { x: 1, y: 1 } - Amount::Named { x: 0, y: 2 }).unwrap(), Amount::Named { x: 1, y: -1 });
        assert_eq!((Amount::Skipping(1, NotAddable) + Amount::Skipping(2, NotAddable)).unwrap(), Amount::Skipping(3, NotAddable));
        let mismatch = (Amount::Small(1) + Amount::Big(2)).unwrap_err();
        assert_eq!(mismatch.to_string(), "Trying to add() mismatched enum variants");
        let unit = (Amount::Unit + Amount::Unit).unwrap_err();
        assert_eq!(unit.to_string(), "Cannot add() unit variants");
        let _ = std::ops::Sub::sub(NotAddable, NotAddable);
    }

    #[test]
    fn add_generic() {
        assert_eq!(Vec2 { x: 1.0, y: 2.0 } + Vec2 { x: 0.5, y: 0.5 }, Vec2 { x: 1.5, y: 2.5 });
    }

    #[test]
    fn assign_operators() {
        let mut c = Counter { hits: 0b110, misses: 1 };
        c += Counter { hits: 1, misses: 1 };
        assert_eq!(c, Counter { hits: 0b111, misses: 2 });
        c -= Counter { hits: 1, misses: 0 };
        c &= Counter { hits: 0b011, misses: 3 };
        c |= Counter { hits: 0b100, misses: 0 };
        c ^= Counter { hits: 0b001, misses: 1 };
        assert_eq!(c, Counter { hits: 0b111, misses: 3 });
        let mut l = Level::<u8>(1, PhantomData);
        l += Level(4, PhantomData);
        assert_eq!(l.0, 5);
    }

    #[test]
    fn mul_scalar() {
        let s = Scaled { a: 6, b: 8 };
        assert_eq!(s * 2, Scaled { a: 12, b: 16 });
        assert_eq!(s / 2, Scaled { a: 3, b: 4 });
        assert_eq!(s % 5, Scaled { a: 1, b: 3 });
        assert_eq!(s >> 1, Scaled { a: 3, b: 4 });
        assert_eq!(s << 1u8, Scaled { a: 12, b: 16 });
        assert_eq!(Single(3) * 4, Single(12));
        assert_eq!(ScaledSkip::<char>(3, PhantomData) * 3, ScaledSkip(9, PhantomData));
    }

    #[test]
    fn mul_structural_forward() {
        assert_eq!(Elementwise(2, 3) * Elementwise(4, 5), Elementwise(8, 15));
        assert_eq!(Elementwise(8, 15) / Elementwise(4, 5), Elementwise(2, 3));
        assert_eq!((Factor::Int(3) * Factor::Int(4)).unwrap(), Factor::Int(12));
        assert_eq!(
            (Factor::Named { x: 2, tag: NotAddable } * Factor::Named { x: 5, tag: NotAddable }).unwrap(),
            Factor::Named { x: 10, tag: NotAddable }
        );
        assert!((Factor::Int(1) * Factor::Unit).is_err());
        assert!((Factor::Unit * Factor::Unit).is_err());
        let e = ElementwiseSkip::<()> { v: 3, _t: PhantomData } * ElementwiseSkip { v: 2, _t: PhantomData };
        assert_eq!(e.v, 6);
    }

    #[test]
    fn mul_assign_scalar_and_structural() {
        let mut r = Resizable(10, 20);
        r *= 3;
        assert_eq!(r, Resizable(30, 60));
        r /= 2;
        r %= 7;
        assert_eq!(r, Resizable(1, 2));
        r <<= 2;
        r >>= 1;
        assert_eq!(r, Resizable(2, 4));
        let mut s = ResizableSkip::<u8> { len: 2, _t: PhantomData };
        s *= 5;
        assert_eq!(s.len, 10);
        let mut p = PerElement(1.5, 2.0);
        p *= PerElement(2.0, 0.5);
        assert_eq!(p, PerElement(3.0, 1.0));
    }

    #[test]
    fn not_and_neg() {
        assert_eq!(!Flags(0, -1), Flags(-1, 0));
        assert_eq!(-Flags(3, -4), Flags(-3, 4));
        assert_eq!(!Bits { low: 0x0f, on: false }, Bits { low: 0xf0, on: true });
        assert_eq!(!Signal::Level(0), Signal::Level(-1));
        assert_eq!(-Signal::Pair(1, -2), Signal::Pair(-1, 2));
        assert_eq!(-Signal::Named { v: 5 }, Signal::Named { v: -5 });
        assert_eq!((!MaybeBit::Bit(true)).unwrap(), MaybeBit::Bit(false));
        assert_eq!((!MaybeBit::Unknown).unwrap_err().to_string(), "Cannot not() unit variants");
    }

    #[test]
    fn sum_and_product() {
        let v = [Totals(1, 2), Totals(3, 4), Totals(5, 6)];
        assert_eq!(v.iter().copied().sum::<Totals>(), Totals(9, 12));
        assert_eq!(v.iter().copied().product::<Totals>(), Totals(15, 48));
        assert_eq!(Vec::<Totals>::new().into_iter().sum::<Totals>(), Totals(0, 0));
        assert_eq!(Vec::<Totals>::new().into_iter().product::<Totals>(), Totals(1, 1));
        let w: Weight<f64> = vec![Weight { grams: 1.5 }, Weight { grams: 2.0 }].into_iter().sum();
        assert_eq!(w, Weight { grams: 3.5 });
    }

    #[test]
    fn partial_eq_structural_and_skip() {
        struct Opaque;
        let a = Keyed::<u8, Opaque> { key: 1u8, meta: PhantomData, cache: 1.0 };
        let b = Keyed::<u8, Opaque> { key: 1u8, meta: PhantomData, cache: 2.0 };
        let c = Keyed::<u8, Opaque> { key: 2u8, meta: PhantomData, cache: 1.0 };
        assert!(a == b);
        assert!(a != c);
        assert_eq!(AllIgnored(1.0, NoEq), AllIgnored(2.0, NoEq));
        fn is_eq<T: Eq>(_: &T) {}
        is_eq(&a);
        is_eq(&AllIgnored(0.0, NoEq));
    }

    #[test]
    fn partial_eq_enum() {
        assert_eq!(Item::Code(1, NoEq), Item::Code(1, NoEq));
        assert_ne!(Item::Code(1, NoEq), Item::Code(2, NoEq));
        assert_eq!(Item::Blob(NoEq), Item::Blob(NoEq));
        assert_eq!(Item::Named { id: 3 }, Item::Named { id: 3 });
        assert_ne!(Item::Named { id: 3 }, Item::Named { id: 4 });
        assert_eq!(Item::Unit, Item::Unit);
        assert_ne!(Item::Blob(NoEq), Item::Unit);
        assert_ne!(Item::Code(0, NoEq), Item::Blob(NoEq));
    }
}
