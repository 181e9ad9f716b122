//! Generic types: displaydoc adds `T: Display` for every type parameter without bounds.

use core::fmt::Debug;
use displaydoc::Display;

/// oh no, an error: {0}
#[derive(Display, Debug)]
pub struct Error<E>(pub E);

/// No `E: Display` needed at the definition: the impl requires it.
pub fn generate_error<E>(e: E) -> Error<E> {
    Error(e)
}

/// debug of {0:?}
#[derive(Display)]
pub struct DebugOnly<E: Debug>(pub E);

/// where-clause bounded {0:?}
#[derive(Display)]
pub struct WhereBound<T>(pub T)
where
    T: Debug;

#[derive(Display, Debug)]
pub enum Either<L, R> {
    /// left {0}
    Left(L),
    /// right {0}
    Right(R),
}

/// borrowed {name} with {value}
#[derive(Display, Debug)]
pub struct Borrowed<'a, T> {
    pub name: &'a str,
    pub value: T,
}

/// capacity {0}
#[derive(Display, Debug)]
pub struct Capacity<const N: usize>(pub usize);

/// lifetime bounded {0}
#[derive(Display)]
pub struct LifetimeBound<'a, T: 'a>(pub &'a T);

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Oh;

    #[test]
    fn generic_display_bound() {
        assert_eq!(generate_error("muahaha").to_string(), "oh no, an error: muahaha");
        assert_eq!(Error(3.5).to_string(), "oh no, an error: 3.5");
    }

    #[test]
    fn generic_debug_bound() {
        assert_eq!(DebugOnly("cool").to_string(), r#"debug of "cool""#);
        assert_eq!(DebugOnly(Oh).to_string(), "debug of Oh");
        assert_eq!(WhereBound(Oh).to_string(), "where-clause bounded Oh");
    }

    #[test]
    fn generic_enum() {
        let l: Either<u8, &str> = Either::Left(1);
        assert_eq!(l.to_string(), "left 1");
        let r: Either<u8, &str> = Either::Right("r");
        assert_eq!(r.to_string(), "right r");
    }

    #[test]
    fn generic_lifetime() {
        let name = String::from("n");
        assert_eq!(Borrowed { name: &name, value: 'v' }.to_string(), "borrowed n with v");
        assert_eq!(LifetimeBound(&7u8).to_string(), "lifetime bounded 7");
    }

    #[test]
    fn generic_const() {
        assert_eq!(Capacity::<8>(9).to_string(), "capacity 9");
    }
}
