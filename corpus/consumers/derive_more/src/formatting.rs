//! Display, the other formatting traits (Binary, Octal, LowerHex, UpperHex, LowerExp, UpperExp,
//! Pointer) and derive_more's Debug.

use std::fmt::Display as StdDisplay;
use std::path::PathBuf;

use derive_more::{Binary, Display, LowerExp, LowerHex, Octal, Pointer, UpperExp, UpperHex};

/// Transparent delegation to the single field.
#[derive(Display)]
pub struct Meters(u32);

/// Named fields used by name in the format string.
#[derive(Display)]
#[display("<{lat}; {lon}>")]
pub struct Coord {
    lat: i16,
    lon: i16,
}

/// Positional arguments after the format string, including an expression on `self`.
#[derive(Display)]
#[display("{} has {} chars ({})", name, name.len(), self.kind())]
pub struct Label {
    name: &'static str,
}

impl Label {
    fn kind(&self) -> &'static str {
        if self.name.is_empty() {
            "empty"
        } else {
            "named"
        }
    }
}

/// Tuple fields are `_0`, `_1`, ...
#[derive(Display)]
#[display("{_1}/{_0}")]
pub struct Ratio(u8, u8);

/// Unit struct and empty braced struct print their own name.
#[derive(Display)]
pub struct Nothing;

#[derive(Display)]
pub struct Empty {}

/// Enum with a per-variant format, a delegating variant and a unit variant.
#[derive(Display)]
pub enum Shape {
    #[display("circle r={radius}")]
    Circle { radius: u16 },
    Square(u16),
    Point,
    #[display("path {}", _0.display())]
    Path(PathBuf),
}

/// Wrapping enum format: `{_variant}` is replaced by each variant's own format.
#[derive(Display)]
#[display("[{_variant}]")]
pub enum Wrapped {
    #[display("one {_0}")]
    One(u8),
    Two { inner: i8 },
    Three,
}

/// Default enum format: used by variants without their own one.
#[derive(Display)]
#[display("value {_0}")]
pub enum Defaulted {
    #[display("special")]
    Special(u8),
    Plain(u8),
    Other(i64),
}

/// `rename_all` on the enum, overridden on one variant.
#[derive(Display)]
#[display(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Casing {
    FirstThing,
    #[display(rename_all = "kebab-case")]
    SecondThing,
    #[display(rename_all = "camelCase")]
    ThirdThing,
    #[display(rename_all = "lowercase")]
    FourthThing,
    #[display(rename_all = "UPPERCASE")]
    FifthThing,
    #[display(rename_all = "PascalCase")]
    SixthThing,
    #[display(rename_all = "snake_case")]
    SeventhThing,
    #[display(rename_all = "SCREAMING-KEBAB-CASE")]
    EighthThing,
}

/// `rename_all` on a unit struct.
#[derive(Display)]
#[display(rename_all = "snake_case")]
pub struct UnitWithCase;

/// Inferred bounds for generic fields used directly in the format.
#[derive(Display)]
#[display("{first} and {second:?}")]
pub struct Pair<A, B> {
    first: A,
    second: Vec<B>,
}

pub trait Describe {
    fn describe(&self) -> String;
}

impl Describe for u8 {
    fn describe(&self) -> String {
        format!("byte {self}")
    }
}

/// Explicit bounds with `#[display(bound(...))]` for an expression argument.
#[derive(Display)]
#[display(bound(T: Describe))]
#[display("{} / {}", inner.describe(), other)]
pub struct Described<T, U> {
    inner: T,
    other: U,
}

/// A where-clause and a lifetime parameter on a generic enum.
#[derive(Display)]
pub enum Either<'a, L, R>
where
    L: Copy,
{
    #[display("left {_0}")]
    Left(L),
    #[display("right {_0}")]
    Right(&'a R),
}

/// Transparency: the whole-format `{_0:x}` delegates so outer width/fill apply.
#[derive(Display)]
#[display("{_0:x}")]
pub struct HexTransparent(u32);

/// Not transparent: formatting parameters inside stop delegation.
#[derive(Display)]
#[display("{_0:04x}")]
pub struct HexFixed(u32);

/// Not transparent: `format_args!` hides the inner type.
#[derive(Display)]
#[display("{}", format_args!("{_0:x}"))]
pub struct HexOpaque(u32);

/// Pointer formatting of a reference field, used directly and dereferenced.
#[derive(Display)]
#[display("{field:p}|{:p}", *field)]
pub struct Address<'a> {
    field: &'a u64,
}

/// Union with a fixed format.
#[derive(Display)]
#[display("union {}", 7)]
pub union Bits {
    word: u32,
    half: u16,
}

/// The other formatting traits, each with its snake_case attribute.
#[derive(Binary)]
#[binary("bin:{_0:b}")]
pub struct BinaryOf(u8);

#[derive(Octal)]
pub struct OctalOf(u32);

#[derive(LowerHex, UpperHex)]
#[lower_hex("lower")]
#[upper_hex("UPPER {_0:X}")]
pub struct HexNames(u32);

#[derive(LowerExp, UpperExp)]
pub struct Exponent(f64);

#[derive(Pointer)]
#[pointer("ptr")]
pub struct PointerName;

/// derive_more's Debug: skipping, per-field formats, a whole-struct format.
#[derive(derive_more::Debug)]
pub struct Account {
    id: u32,
    #[debug("{_0:?}***", _0 = &owner[..1])]
    owner: String,
    #[debug(skip)]
    secret: [u8; 4],
    #[debug(ignore)]
    salt: u64,
}

#[derive(derive_more::Debug)]
pub struct HexField(#[debug("{_0:#x}")] u32, #[debug("{}", _1.len())] Vec<u8>);

#[derive(derive_more::Debug)]
#[debug("{_0} -> {_1}")]
pub struct Arrow(&'static str, i8);

#[derive(derive_more::Debug)]
pub enum Event {
    Start,
    Stop {
        code: i32,
        #[debug(skip)]
        reason: String,
    },
    #[debug("custom {_0}")]
    Custom(u8),
    File(#[debug("{}", _0.display())] PathBuf),
}

/// Debug with a generic parameter that needs no bound (it is skipped) and one that gets an
/// explicit bound through `#[debug(bound(...))]`.
#[derive(derive_more::Debug)]
#[debug(bound(T: StdDisplay))]
pub struct Tagged<T, N> {
    #[debug("{}", value.to_string().to_uppercase())]
    value: T,
    #[debug(skip)]
    marker: N,
    count: usize,
}

/// The `bounds(...)` spelling of the same option, on a tuple struct.
#[derive(derive_more::Debug)]
#[debug(bounds(T: StdDisplay))]
pub struct Shown<T>(#[debug("<{}>", _0.to_string())] T);

/// Debug transparency in the whole-struct format.
#[derive(derive_more::Debug)]
#[debug("{_0:o}")]
pub struct OctalDebug(u16);

#[derive(derive_more::Debug)]
#[debug("{_0:^o}")]
pub struct OctalDebugFixed(u16);

/// A plain derive_more Debug on a generic tuple struct (like std's, without redundant bounds).
#[derive(derive_more::Debug)]
pub struct PlainDebug<T>(T, std::marker::PhantomData<fn() -> T>);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_transparent_newtype() {
        assert_eq!(Meters(5).to_string(), "5");
        assert_eq!(format!("{:>4}", Meters(5)), "   5");
    }

    #[test]
    fn display_named_fields() {
        assert_eq!(Coord { lat: -3, lon: 12 }.to_string(), "<-3; 12>");
    }

    #[test]
    fn display_positional_args_and_self() {
        assert_eq!(Label { name: "abc" }.to_string(), "abc has 3 chars (named)");
        assert_eq!(Label { name: "" }.to_string(), " has 0 chars (empty)");
    }

    #[test]
    fn display_tuple_fields() {
        assert_eq!(Ratio(3, 4).to_string(), "4/3");
    }

    #[test]
    fn display_unit_and_empty_struct() {
        assert_eq!(Nothing.to_string(), "Nothing");
        assert_eq!(Empty {}.to_string(), "Empty");
    }

    #[test]
    fn display_enum_variants() {
        assert_eq!(Shape::Circle { radius: 2 }.to_string(), "circle r=2");
        assert_eq!(Shape::Square(9).to_string(), "9");
        assert_eq!(Shape::Point.to_string(), "Point");
        assert_eq!(Shape::Path("a/b".into()).to_string(), "path a/b");
    }

    #[test]
    fn display_wrapping_enum_format() {
        assert_eq!(Wrapped::One(1).to_string(), "[one 1]");
        assert_eq!(Wrapped::Two { inner: -2 }.to_string(), "[-2]");
        assert_eq!(Wrapped::Three.to_string(), "[Three]");
    }

    #[test]
    fn display_default_enum_format() {
        assert_eq!(Defaulted::Special(1).to_string(), "special");
        assert_eq!(Defaulted::Plain(2).to_string(), "value 2");
        assert_eq!(Defaulted::Other(-3).to_string(), "value -3");
    }

    #[test]
    fn display_rename_all() {
        assert_eq!(Casing::FirstThing.to_string(), "FIRST_THING");
        assert_eq!(Casing::SecondThing.to_string(), "second-thing");
        assert_eq!(Casing::ThirdThing.to_string(), "thirdThing");
        assert_eq!(Casing::FourthThing.to_string(), "fourththing");
        assert_eq!(Casing::FifthThing.to_string(), "FIFTHTHING");
        assert_eq!(Casing::SixthThing.to_string(), "SixthThing");
        assert_eq!(Casing::SeventhThing.to_string(), "seventh_thing");
        assert_eq!(Casing::EighthThing.to_string(), "EIGHTH-THING");
        assert_eq!(UnitWithCase.to_string(), "unit_with_case");
    }

    #[test]
    fn display_generic_inferred_bounds() {
        let p = Pair { first: 1.5, second: vec!['x'] };
        assert_eq!(p.to_string(), "1.5 and ['x']");
    }

    #[test]
    fn display_explicit_bound() {
        let d = Described { inner: 4u8, other: "z" };
        assert_eq!(d.to_string(), "byte 4 / z");
    }

    #[test]
    fn display_generic_enum_where_clause() {
        let r = 'q';
        assert_eq!(Either::<u8, char>::Left(3).to_string(), "left 3");
        assert_eq!(Either::<u8, char>::Right(&r).to_string(), "right q");
    }

    #[test]
    fn display_transparency() {
        assert_eq!(format!("{:>6}", HexTransparent(255)), "    ff");
        assert_eq!(format!("{:>6}", HexFixed(255)), "00ff");
        assert_eq!(format!("{:>6}", HexOpaque(255)), "ff");
    }

    #[test]
    fn display_pointer_field() {
        let v = 11u64;
        let a = Address { field: &v };
        let p = format!("{:p}", &v);
        assert_eq!(a.to_string(), format!("{p}|{p}"));
    }

    #[test]
    fn display_union() {
        assert_eq!(Bits { word: 1 }.to_string(), "union 7");
        let _ = Bits { half: 2 };
    }

    #[test]
    fn other_formatting_traits() {
        assert_eq!(format!("{:b}", BinaryOf(5)), "bin:101");
        assert_eq!(format!("{:o}", OctalOf(8)), "10");
        assert_eq!(format!("{:x}", HexNames(10)), "lower");
        assert_eq!(format!("{:X}", HexNames(10)), "UPPER A");
        assert_eq!(format!("{:e}", Exponent(1500.0)), "1.5e3");
        assert_eq!(format!("{:E}", Exponent(1500.0)), "1.5E3");
        assert_eq!(format!("{:p}", PointerName), "ptr");
    }

    #[test]
    fn debug_skip_and_field_format() {
        let a = Account { id: 7, owner: "Zed".into(), secret: [1; 4], salt: 9 };
        assert_eq!(format!("{a:?}"), "Account { id: 7, owner: \"Z\"***, .. }");
        assert_eq!(a.secret[0] + a.salt as u8, 10);
    }

    #[test]
    fn debug_tuple_field_format() {
        assert_eq!(format!("{:?}", HexField(255, vec![1, 2])), "HexField(0xff, 2)");
    }

    #[test]
    fn debug_whole_struct_format() {
        assert_eq!(format!("{:?}", Arrow("a", -1)), "a -> -1");
    }

    #[test]
    fn debug_enum() {
        assert_eq!(format!("{:?}", Event::Start), "Start");
        let stop = Event::Stop { code: 2, reason: "x".into() };
        assert_eq!(format!("{stop:?}"), "Stop { code: 2, .. }");
        assert_eq!(format!("{:?}", Event::Custom(4)), "custom 4");
        assert_eq!(format!("{:?}", Event::File("f.txt".into())), "File(f.txt)");
        assert_eq!(format!("{:#?}", Event::Stop { code: 1, reason: String::new() }), "Stop {\n    code: 1,\n    ..\n}");
    }

    #[test]
    fn debug_bound_and_unbounded_skip() {
        struct NoDebug;
        let t = Tagged { value: "hi", marker: NoDebug, count: 3 };
        assert_eq!(format!("{t:?}"), "Tagged { value: HI, count: 3, .. }");
    }

    #[test]
    fn debug_bounds_spelling() {
        assert_eq!(format!("{:?}", Shown(1.5)), "Shown(<1.5>)");
    }

    #[test]
    fn debug_transparency() {
        assert_eq!(format!("{:04?}", OctalDebug(8)), "0010");
        assert_eq!(format!("{:04?}", OctalDebugFixed(8)), "10");
    }

    #[test]
    fn debug_plain_generic() {
        struct NoDebug;
        let _unused: Option<NoDebug> = None;
        assert_eq!(format!("{:?}", PlainDebug(3u8, Default::default())), "PlainDebug(3, PhantomData<fn() -> u8>)");
    }
}
