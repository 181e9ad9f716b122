//! Enumerating variants: EnumIter, EnumCount, VariantArray, FromRepr and EnumTable.

use strum::{EnumCount, EnumIter, EnumTable, FromRepr, VariantArray};

#[derive(Debug, PartialEq, Clone, Copy, EnumIter, EnumCount, VariantArray)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
}

/// EnumIter fills data with defaults and skips disabled variants;
/// EnumCount does not count disabled variants either.
#[derive(Debug, PartialEq, EnumIter, EnumCount)]
pub enum Token {
    Number(i32),
    Word { text: String, len: usize },
    #[strum(disabled)]
    Hidden,
    End,
}

/// Generic enum (EnumIter needs the type parameters to be usable with Default).
#[derive(Debug, PartialEq, EnumIter, EnumCount)]
pub enum Slot<T: Default> {
    Empty,
    Full(T),
}

/// FromRepr without repr: usize, and with data variants filled with defaults.
#[derive(Debug, PartialEq, FromRepr)]
pub enum Opcode {
    Nop,
    Push(u8),
    Pop { count: u16 },
    Halt,
}

/// FromRepr with repr(u8) and explicit discriminants: `from_repr` is a const fn.
#[derive(Debug, PartialEq, FromRepr, Clone, Copy)]
#[repr(u8)]
pub enum Color {
    Red = 1,
    Green = 4,
    Blue,
    #[strum(disabled)]
    Invisible = 9,
}

pub const GREEN: Option<Color> = Color::from_repr(4);

#[derive(Debug, PartialEq, FromRepr)]
#[repr(i8)]
pub enum Sign {
    Negative = -1,
    Zero,
    Positive,
}

/// EnumTable generates `DirectionTable<T>`, indexable by the enum.
#[derive(Debug, PartialEq, Clone, Copy, EnumTable)]
pub enum Direction {
    North,
    East,
    South,
    West,
    #[strum(disabled)]
    Nowhere,
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn enum_iter_unit_variants() {
        let days: Vec<_> = Weekday::iter().collect();
        assert_eq!(days, Weekday::VARIANTS);
        assert_eq!(Weekday::iter().rev().next(), Some(Weekday::Friday));
        assert_eq!(Weekday::iter().len(), 5);
        let mut it = Weekday::iter();
        assert_eq!(it.nth(1), Some(Weekday::Tuesday));
        assert_eq!(it.next_back(), Some(Weekday::Friday));
        assert_eq!(it.len(), 2);
        let cloned = it.clone();
        assert_eq!(cloned.count(), 2);
    }

    #[test]
    fn enum_iter_data_defaults_and_disabled() {
        let all: Vec<_> = Token::iter().collect();
        assert_eq!(all, vec![Token::Number(0), Token::Word { text: String::new(), len: 0 }, Token::End]);
    }

    #[test]
    fn enum_iter_generic() {
        assert_eq!(Slot::<u8>::iter().collect::<Vec<_>>(), vec![Slot::Empty, Slot::Full(0)]);
        assert_eq!(Slot::<String>::COUNT, 2);
    }

    #[test]
    fn enum_count() {
        assert_eq!(Weekday::COUNT, 5);
        assert_eq!(Token::COUNT, 3);
        const N: usize = Weekday::COUNT;
        let arr = [0u8; N];
        assert_eq!(arr.len(), 5);
    }

    #[test]
    fn variant_array() {
        assert_eq!(Weekday::VARIANTS.len(), 5);
        assert_eq!(Weekday::VARIANTS[2], Weekday::Wednesday);
    }

    #[test]
    fn from_repr_default_usize() {
        assert_eq!(Opcode::from_repr(0), Some(Opcode::Nop));
        assert_eq!(Opcode::from_repr(1), Some(Opcode::Push(0)));
        assert_eq!(Opcode::from_repr(2), Some(Opcode::Pop { count: 0 }));
        assert_eq!(Opcode::from_repr(3), Some(Opcode::Halt));
        assert_eq!(Opcode::from_repr(4), None);
        let n: usize = 3;
        assert!(Opcode::from_repr(n).is_some());
    }

    #[test]
    fn from_repr_explicit_discriminants() {
        assert_eq!(Color::from_repr(0), None);
        assert_eq!(Color::from_repr(1), Some(Color::Red));
        assert_eq!(GREEN, Some(Color::Green));
        assert_eq!(Color::from_repr(5), Some(Color::Blue));
        assert_eq!(Color::from_repr(9), None);
        assert_eq!(Sign::from_repr(-1), Some(Sign::Negative));
        assert_eq!(Sign::from_repr(1), Some(Sign::Positive));
        assert_eq!(Sign::from_repr(2), None);
    }

    #[test]
    fn enum_table() {
        let mut t = DirectionTable::filled(0u32);
        t[Direction::East] = 5;
        t[Direction::West] += 2;
        t[Direction::North] = 1;
        assert_eq!(t[Direction::East], 5);
        assert_eq!(t, DirectionTable::new(1, 5, 0, 2));
        let doubled = t.transform(|_, v| v * 2);
        assert_eq!(doubled, DirectionTable::new(2, 10, 0, 4));
        let named = DirectionTable::from_closure(|d| format!("{d:?}"));
        assert_eq!(named[Direction::South], "South");
        assert_eq!(DirectionTable::<u8>::default(), DirectionTable::new(0, 0, 0, 0));
        let partial = DirectionTable::from_closure(|d| if d == Direction::South { None } else { Some(1) });
        assert_eq!(partial.all(), None);
        let full = DirectionTable::filled(Some('x'));
        assert_eq!(full.all(), Some(DirectionTable::filled('x')));
    }

    #[test]
    #[should_panic(expected = "variant is disabled")]
    fn enum_table_disabled_variant_panics() {
        let t = DirectionTable::filled(1u8);
        let _ = t[Direction::Nowhere];
    }
}
