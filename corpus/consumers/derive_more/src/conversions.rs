//! From, Into, AsRef, AsMut, TryFrom, TryInto and FromStr.

use std::borrow::Cow;
use std::marker::PhantomData;

use derive_more::{AsMut, AsRef, From, FromStr, Into, TryFrom, TryInto};

// ---- From ----

#[derive(From, Debug, PartialEq)]
pub struct Id(u64);

#[derive(From, Debug, PartialEq)]
pub struct Span(usize, usize);

#[derive(From, Debug, PartialEq)]
pub struct Named {
    value: i32,
}

#[derive(From, Debug, PartialEq)]
#[from(&'static str, String, Cow<'static, str>)]
pub struct Text(Cow<'static, str>);

#[derive(From, Debug, PartialEq)]
#[from((u8, u8), (i64, i64))]
pub struct Pos {
    x: i64,
    y: i64,
}

#[derive(From, Debug, PartialEq)]
#[from(forward)]
pub struct Wide(i128);

#[derive(From, Debug, PartialEq)]
pub enum Token {
    Number(i64),
    Word { text: String },
    Pair(char, char),
    #[from(skip)]
    OtherNumber(i64),
    #[from(ignore)]
    OtherWord(String),
    Nothing,
}

#[derive(From, Debug, PartialEq)]
pub enum Marked {
    #[from]
    Chosen(u16),
    NotChosen(u16),
}

#[derive(From, Debug, PartialEq)]
pub enum ExtraTypes {
    #[from(u8, u16)]
    Small(u32),
}

#[derive(From, Debug, PartialEq)]
pub enum ForwardVariant {
    #[from(forward)]
    Big(i128),
}

#[derive(From, Debug, PartialEq)]
pub struct Generic<T, U: Default>
where
    T: Clone,
{
    t: T,
    u: U,
}

#[derive(From, Debug, PartialEq)]
pub struct Borrowed<'a>(&'a str);

// ---- Into ----

#[derive(Into, Clone, Copy)]
pub struct Celsius(f32);

#[derive(Into, Clone)]
pub struct Rgb(u8, u8, u8);

#[derive(Into, Clone)]
#[into(String, Cow<'static, str>)]
pub struct Owned(String);

#[derive(Into)]
#[into((i64, i64), (i32, i32))]
pub struct Point32 {
    x: i32,
    y: i32,
}

#[derive(Into)]
#[into(owned, ref(u16), ref_mut)]
pub struct Port(u16);

#[derive(Into)]
#[into(u32, u64)]
pub struct Tagged<K> {
    value: u32,
    #[into(skip)]
    _kind: PhantomData<K>,
}

#[derive(Into)]
pub struct Measurement {
    unit: &'static str,
    #[into]
    amount: f64,
}

#[derive(Into, Clone)]
#[into]
pub struct BothWays {
    label: char,
    #[into]
    weight: u32,
}

#[derive(Into, Clone)]
#[into(owned, ref((u8, str)), ref_mut)]
pub struct Record {
    #[into(owned(u64), ref)]
    code: u8,
    name: String,
    #[into(ignore)]
    _x: PhantomData<()>,
}

#[derive(Into)]
#[into(ref((str, f64)))]
pub struct SkipInTuple {
    #[into(ref)]
    #[into(skip)]
    small: u8,
    name: String,
    ratio: f64,
}

// ---- AsRef / AsMut ----

#[derive(AsRef, AsMut)]
pub struct Buffer(Vec<u8>);

#[derive(AsRef, AsMut)]
#[as_ref(forward)]
#[as_mut(forward)]
pub struct Forwarded(Vec<u8>);

#[derive(AsRef)]
#[as_ref(str, [u8], String)]
pub struct Several(String);

#[derive(AsRef, AsMut)]
pub struct Fields {
    #[as_ref(str)]
    #[as_mut(str)]
    name: String,
    #[as_ref]
    #[as_mut]
    count: i32,
    active: bool,
}

#[derive(AsRef, AsMut)]
pub struct Skipping {
    #[as_ref(skip)]
    #[as_mut(skip)]
    hidden: String,
    #[as_ref(ignore)]
    #[as_mut(ignore)]
    also_hidden: i32,
    shown: bool,
}

#[derive(AsRef)]
pub struct ForwardFields {
    #[as_ref(str)]
    text: String,
    #[as_ref([u8])]
    bytes: Vec<u8>,
}

#[derive(AsRef)]
#[as_ref(T)]
pub struct Transparent<T>(T);

#[derive(AsRef)]
#[as_ref(i32)]
pub struct ThroughGeneric<T>(T);

pub struct HoldsI32(i32);
impl AsRef<i32> for HoldsI32 {
    fn as_ref(&self) -> &i32 {
        &self.0
    }
}

// ---- TryFrom (from the discriminant) ----

#[derive(TryFrom, Debug, PartialEq)]
#[try_from(repr)]
#[repr(u8)]
pub enum Opcode {
    Nop,
    Jump = 10,
    Call,
    WithData(u32),
    Braced {},
}

#[derive(TryFrom, Debug, PartialEq)]
#[try_from(repr)]
#[repr(i16)]
pub enum Signed {
    Minus = -1,
    Zero,
}

// ---- TryInto ----

#[derive(TryInto, Clone, Debug)]
#[try_into(owned, ref, ref_mut)]
pub enum Value {
    Int(i64),
    Text(String),
    Pair(u8, u8),
    Named { flag: bool },
    Empty,
    #[try_into(ignore)]
    Hidden(char),
}

#[derive(TryInto, Debug)]
pub enum OnlySome {
    #[try_into]
    Wanted(u32),
    #[try_into]
    AlsoWanted(i8),
    Unwanted(u32),
}

#[derive(Debug, PartialEq)]
pub struct ConvError(String);

impl<T> From<derive_more::TryIntoError<T>> for ConvError {
    fn from(e: derive_more::TryIntoError<T>) -> Self {
        ConvError(e.to_string())
    }
}

impl ConvError {
    fn shout<T>(e: derive_more::TryIntoError<T>) -> Self {
        ConvError(e.to_string().to_uppercase())
    }
}

#[derive(TryInto, Debug)]
#[try_into(error(ConvError))]
pub enum CustomErr {
    A(u8),
    B(String),
}

#[derive(TryInto, Debug)]
#[try_into(error(ConvError, ConvError::shout))]
pub enum CustomErrFn {
    A(u8),
    B(String),
}

#[derive(TryInto, Debug)]
#[try_into(error(ConvError, |e: derive_more::TryIntoError<CustomErrClosure>| ConvError(format!("closure: {}", e.input.kind()))))]
pub enum CustomErrClosure {
    A(u8),
    B(String),
}

impl CustomErrClosure {
    fn kind(&self) -> &'static str {
        match self {
            CustomErrClosure::A(_) => "a",
            CustomErrClosure::B(_) => "b",
        }
    }
}

#[derive(TryInto, Debug)]
pub enum GenericValue<T: Clone> {
    One(Option<T>),
    Two(Vec<T>, Vec<T>),
}

// ---- FromStr ----

#[derive(FromStr, Debug, PartialEq)]
pub struct Port2(u16);

#[derive(FromStr, Debug, PartialEq)]
pub struct Host {
    name: String,
}

#[derive(FromStr, Debug, PartialEq)]
pub enum Color {
    Red,
    Green,
    Blue,
    BLUE,
}

#[derive(FromStr, Debug, PartialEq)]
pub struct Marker;

#[derive(FromStr, Debug, PartialEq)]
#[from_str(rename_all = "kebab-case")]
pub enum Mode {
    ReadOnly,
    #[from_str(rename_all = "SCREAMING_SNAKE_CASE")]
    ReadWrite,
    #[from_str(rename_all = "lowercase")]
    AppendOnly,
    #[from_str(rename_all = "UPPERCASE")]
    CreateNew,
    #[from_str(rename_all = "PascalCase")]
    Truncate,
    #[from_str(rename_all = "camelCase")]
    KeepOld,
    #[from_str(rename_all = "snake_case")]
    SyncAll,
    #[from_str(rename_all = "SCREAMING-KEBAB-CASE")]
    NoFollow,
}

#[derive(FromStr, Debug, PartialEq)]
#[from_str(rename_all = "UPPERCASE")]
pub struct Shouted;

#[derive(Debug, PartialEq, From)]
pub struct IntError(std::num::ParseIntError);

#[derive(FromStr, Debug, PartialEq)]
#[from_str(error(IntError))]
pub struct Count(u32);

#[derive(Debug, PartialEq)]
pub struct FlatError(String);

impl FlatError {
    fn new(e: derive_more::FromStrError) -> Self {
        FlatError(e.to_string())
    }
    fn factory() -> fn(derive_more::FromStrError) -> Self {
        FlatError::new
    }
}

#[derive(FromStr, Debug, PartialEq)]
#[from_str(error(FlatError, FlatError::new))]
pub enum Direction {
    Up,
    Down,
}

#[derive(FromStr, Debug, PartialEq)]
#[from_str(error(FlatError, FlatError::factory()))]
pub struct Flag;

#[derive(FromStr, Debug, PartialEq)]
#[from_str(error(String, |e: std::num::ParseFloatError| format!("bad float: {e}")))]
pub struct Ratio {
    value: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_newtype_and_tuple() {
        assert_eq!(Id::from(3), Id(3));
        assert_eq!(Span::from((1, 2)), Span(1, 2));
        assert_eq!(Named::from(-1), Named { value: -1 });
    }

    #[test]
    fn from_explicit_types() {
        assert_eq!(Text::from("a"), Text(Cow::Borrowed("a")));
        assert_eq!(Text::from(String::from("b")), Text(Cow::Borrowed("b")));
        assert_eq!(Text::from(Cow::Borrowed("c")), Text(Cow::Borrowed("c")));
        assert_eq!(Pos::from((1u8, 2u8)), Pos { x: 1, y: 2 });
        assert_eq!(Pos::from((-1i64, 5i64)), Pos { x: -1, y: 5 });
    }

    #[test]
    fn from_forward() {
        assert_eq!(Wide::from(3u8), Wide(3));
        assert_eq!(Wide::from(-3i64), Wide(-3));
        assert_eq!(ForwardVariant::from(9i16), ForwardVariant::Big(9));
    }

    #[test]
    fn from_enum_variants_and_skip() {
        assert_eq!(Token::from(5i64), Token::Number(5));
        assert_eq!(Token::from(String::from("w")), Token::Word { text: "w".into() });
        assert_eq!(Token::from(('a', 'b')), Token::Pair('a', 'b'));
        let _ = Token::Nothing;
        let _ = (Token::OtherNumber(1), Token::OtherWord(String::new()));
    }

    #[test]
    fn from_marked_variant() {
        assert_eq!(Marked::from(4u16), Marked::Chosen(4));
        let _ = Marked::NotChosen(0);
    }

    #[test]
    fn from_variant_types() {
        assert_eq!(ExtraTypes::from(1u8), ExtraTypes::Small(1));
        assert_eq!(ExtraTypes::from(2u16), ExtraTypes::Small(2));
    }

    #[test]
    fn from_generic_and_lifetime() {
        assert_eq!(Generic::from((1u8, 2u8)), Generic { t: 1, u: 2 });
        let s = String::from("x");
        assert_eq!(Borrowed::from(s.as_str()), Borrowed("x"));
    }

    #[test]
    fn into_newtype_and_tuple() {
        let f: f32 = Celsius(1.5).into();
        assert_eq!(f, 1.5);
        let t: (u8, u8, u8) = Rgb(1, 2, 3).into();
        assert_eq!(t, (1, 2, 3));
    }

    #[test]
    fn into_explicit_types() {
        let s: String = Owned("a".into()).into();
        assert_eq!(s, "a");
        let c: Cow<'static, str> = Owned("b".into()).into();
        assert_eq!(c, "b");
        let w: (i64, i64) = Point32 { x: 1, y: 2 }.into();
        assert_eq!(w, (1, 2));
        let n: (i32, i32) = Point32 { x: 3, y: 4 }.into();
        assert_eq!(n, (3, 4));
    }

    #[test]
    fn into_ref_and_ref_mut() {
        let mut p = Port(80);
        assert_eq!(<&u16>::from(&p), &80);
        *<&mut u16>::from(&mut p) += 1;
        let v: u16 = p.into();
        assert_eq!(v, 81);
    }

    #[test]
    fn into_skip_field() {
        let t = Tagged::<char> { value: 7, _kind: PhantomData };
        let v: u64 = t.into();
        assert_eq!(v, 7);
        let t = Tagged::<char> { value: 8, _kind: PhantomData };
        assert_eq!(u32::from(t), 8);
    }

    #[test]
    fn into_field_attribute() {
        let m = Measurement { unit: "kg", amount: 2.5 };
        assert_eq!(f64::from(m), 2.5);
        let b = BothWays { label: 'w', weight: 3 };
        assert_eq!(u32::from(b.clone()), 3);
        assert_eq!(<(char, u32)>::from(b), ('w', 3));
    }

    #[test]
    fn into_field_types_and_refs() {
        let mut r = Record { code: 4, name: "n".into(), _x: PhantomData };
        assert_eq!(<(u8, String)>::from(r.clone()), (4, "n".to_string()));
        assert_eq!(<(&u8, &str)>::from(&r), (&4, "n"));
        let (code, name) = <(&mut u8, &mut String)>::from(&mut r);
        *code += 1;
        name.push('!');
        assert_eq!(u64::from(r.clone()), 5);
        assert_eq!(<&u8>::from(&r), &5);
        assert_eq!(r.name, "n!");
    }

    #[test]
    fn into_skipped_field_still_has_own_conversion() {
        let s = SkipInTuple { small: 2, name: "q".into(), ratio: 0.5 };
        assert_eq!(<(&str, &f64)>::from(&s), ("q", &0.5));
        assert_eq!(<&u8>::from(&s), &2);
    }

    #[test]
    fn as_ref_as_mut_newtype() {
        let mut b = Buffer(vec![1]);
        AsMut::<Vec<u8>>::as_mut(&mut b).push(2);
        assert_eq!(AsRef::<Vec<u8>>::as_ref(&b), &vec![1, 2]);
    }

    #[test]
    fn as_ref_as_mut_forward() {
        let mut f = Forwarded(vec![1, 2]);
        let s: &mut [u8] = f.as_mut();
        s[0] = 9;
        let r: &[u8] = f.as_ref();
        assert_eq!(r, &[9, 2]);
    }

    #[test]
    fn as_ref_several_types() {
        let s = Several("hey".into());
        let a: &str = s.as_ref();
        let b: &[u8] = s.as_ref();
        let c: &String = s.as_ref();
        assert_eq!((a, b, c.len()), ("hey", &b"hey"[..], 3));
    }

    #[test]
    fn as_ref_as_mut_marked_fields() {
        let mut f = Fields { name: "n".into(), count: 1, active: true };
        *AsMut::<i32>::as_mut(&mut f) += 1;
        AsMut::<str>::as_mut(&mut f).make_ascii_uppercase();
        assert_eq!(AsRef::<i32>::as_ref(&f), &2);
        assert_eq!(AsRef::<str>::as_ref(&f), "N");
        assert!(f.active);
    }

    #[test]
    fn as_ref_as_mut_skip() {
        let mut s = Skipping { hidden: String::new(), also_hidden: 0, shown: false };
        *AsMut::<bool>::as_mut(&mut s) = true;
        assert!(*AsRef::<bool>::as_ref(&s));
        assert_eq!((s.hidden.len(), s.also_hidden), (0, 0));
    }

    #[test]
    fn as_ref_forwarded_fields() {
        let f = ForwardFields { text: "t".into(), bytes: vec![3] };
        let a: &str = f.as_ref();
        let b: &[u8] = f.as_ref();
        assert_eq!((a, b), ("t", &[3u8][..]));
    }

    #[test]
    fn as_ref_generic() {
        let t = Transparent(5u8);
        assert_eq!(AsRef::<u8>::as_ref(&t), &5);
        let g = ThroughGeneric(HoldsI32(6));
        assert_eq!(AsRef::<i32>::as_ref(&g), &6);
    }

    #[test]
    fn try_from_repr() {
        assert_eq!(Opcode::try_from(0u8).unwrap(), Opcode::Nop);
        assert_eq!(Opcode::try_from(10u8).unwrap(), Opcode::Jump);
        assert_eq!(Opcode::try_from(11u8).unwrap(), Opcode::Call);
        assert!(Opcode::try_from(12u8).is_err());
        assert_eq!(Opcode::try_from(13u8).unwrap(), Opcode::Braced {});
        let err = Opcode::try_from(200u8).unwrap_err();
        assert_eq!(err.input, 200);
        assert_eq!(Signed::try_from(-1i16).unwrap(), Signed::Minus);
        assert_eq!(Signed::try_from(0i16).unwrap(), Signed::Zero);
        let _ = Opcode::WithData(0);
    }

    #[test]
    fn try_into_owned_ref_mut() {
        let v = Value::Int(3);
        assert_eq!(i64::try_from(v.clone()).unwrap(), 3);
        let r: &i64 = (&v).try_into().unwrap();
        assert_eq!(*r, 3);
        let mut m = Value::Text("a".into());
        let t: &mut String = (&mut m).try_into().unwrap();
        t.push('b');
        assert_eq!(String::try_from(m).unwrap(), "ab");
        assert_eq!(<(u8, u8)>::try_from(Value::Pair(1, 2)).unwrap(), (1, 2));
        assert!(bool::try_from(Value::Named { flag: true }).unwrap());
        assert_eq!(<()>::try_from(Value::Empty).unwrap(), ());
        let err = i64::try_from(Value::Empty).unwrap_err();
        assert_eq!(err.to_string(), "Only Int can be converted to i64");
        assert!(matches!(err.input, Value::Empty));
        let _ = Value::Hidden('h');
    }

    #[test]
    fn try_into_selected_variants() {
        assert_eq!(u32::try_from(OnlySome::Wanted(2)).unwrap(), 2);
        assert!(u32::try_from(OnlySome::Unwanted(2)).is_err());
        assert_eq!(i8::try_from(OnlySome::AlsoWanted(-2)).unwrap(), -2);
    }

    #[test]
    fn try_into_custom_error() {
        assert_eq!(u8::try_from(CustomErr::A(1)), Ok(1));
        assert_eq!(u8::try_from(CustomErr::B("x".into())), Err(ConvError("Only A can be converted to u8".into())));
        assert_eq!(String::try_from(CustomErrFn::A(1)), Err(ConvError("ONLY B CAN BE CONVERTED TO STRING".into())));
        assert_eq!(u8::try_from(CustomErrClosure::B("x".into())), Err(ConvError("closure: b".into())));
    }

    #[test]
    fn try_into_generic() {
        let two = GenericValue::Two(vec!['a'], vec!['b']);
        assert_eq!(<(Vec<char>, Vec<char>)>::try_from(two).unwrap(), (vec!['a'], vec!['b']));
        assert_eq!(Option::<char>::try_from(GenericValue::One(Some('a'))).unwrap(), Some('a'));
        assert!(Option::<char>::try_from(GenericValue::Two(vec![], vec![])).is_err());
    }

    #[test]
    fn from_str_newtypes() {
        assert_eq!("8080".parse::<Port2>(), Ok(Port2(8080)));
        assert!("x".parse::<Port2>().is_err());
        assert_eq!("h".parse::<Host>(), Ok(Host { name: "h".into() }));
    }

    #[test]
    fn from_str_unit_enum_and_struct() {
        assert_eq!("red".parse::<Color>(), Ok(Color::Red));
        assert_eq!("GREEN".parse::<Color>(), Ok(Color::Green));
        assert_eq!("Blue".parse::<Color>(), Ok(Color::Blue));
        assert_eq!("BLUE".parse::<Color>(), Ok(Color::BLUE));
        assert!("blue".parse::<Color>().is_err());
        assert_eq!("pink".parse::<Color>().unwrap_err().to_string(), "Invalid `Color` string representation");
        assert_eq!("marker".parse::<Marker>(), Ok(Marker));
        assert_eq!("MARKER".parse::<Marker>(), Ok(Marker));
    }

    #[test]
    fn from_str_rename_all() {
        assert_eq!("read-only".parse::<Mode>(), Ok(Mode::ReadOnly));
        assert!("ReadOnly".parse::<Mode>().is_err());
        assert_eq!("READ_WRITE".parse::<Mode>(), Ok(Mode::ReadWrite));
        assert_eq!("appendonly".parse::<Mode>(), Ok(Mode::AppendOnly));
        assert_eq!("CREATENEW".parse::<Mode>(), Ok(Mode::CreateNew));
        assert_eq!("Truncate".parse::<Mode>(), Ok(Mode::Truncate));
        assert_eq!("keepOld".parse::<Mode>(), Ok(Mode::KeepOld));
        assert_eq!("sync_all".parse::<Mode>(), Ok(Mode::SyncAll));
        assert_eq!("NO-FOLLOW".parse::<Mode>(), Ok(Mode::NoFollow));
        assert_eq!("SHOUTED".parse::<Shouted>(), Ok(Shouted));
        assert!("shouted".parse::<Shouted>().is_err());
    }

    #[test]
    fn from_str_custom_error() {
        assert_eq!("5".parse::<Count>(), Ok(Count(5)));
        assert!(matches!("-5".parse::<Count>(), Err(IntError(_))));
        assert_eq!("up".parse::<Direction>(), Ok(Direction::Up));
        assert_eq!("left".parse::<Direction>(), Err(FlatError("Invalid `Direction` string representation".into())));
        assert_eq!("flag".parse::<Flag>(), Ok(Flag));
        assert!("nope".parse::<Flag>().is_err());
        assert_eq!("0.5".parse::<Ratio>(), Ok(Ratio { value: 0.5 }));
        assert_eq!("z".parse::<Ratio>(), Err("bad float: invalid float literal".to_string()));
    }
}
