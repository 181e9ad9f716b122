//! Per-variant metadata and helpers: EnumMessage, EnumProperty, EnumDiscriminants, EnumIs and
//! EnumTryAs.

use strum::{EnumDiscriminants, EnumIs, EnumIter, EnumMessage, EnumProperty, EnumString, EnumTryAs};

/// `message`, `detailed_message`, doc comments and serializations.
#[derive(Debug, EnumMessage)]
pub enum Alert {
    /// Something went badly wrong.
    #[strum(message = "Error", detailed_message = "An unrecoverable error happened")]
    Error,
    /// Worth a look.
    ///
    /// Second paragraph.
    #[strum(message = "Warning")]
    Warning { code: u16 },
    #[strum(serialize = "i", serialize = "info")]
    Info(String),
    #[strum(to_string = "dbg")]
    Debug,
    #[strum(disabled, message = "never")]
    Silent,
}

/// `props(...)` with string, integer and boolean values.
#[derive(Debug, EnumProperty)]
pub enum Planet {
    #[strum(props(symbol = "☿", moons = 0, gas = false))]
    Mercury,
    #[strum(props(symbol = "♃", moons = 95, gas = true))]
    #[strum(props(nickname = "giant"))]
    Jupiter,
    #[strum(props(kind = "dwarf"))]
    Pluto(u8),
    Unknown,
}

#[derive(Debug)]
pub struct NotDefault;

/// EnumDiscriminants with the default name, extra derives, passthrough attributes on the
/// generated enum and on variants, and From/IntoDiscriminant.
#[derive(Debug, EnumDiscriminants)]
#[strum_discriminants(derive(EnumString, EnumIter, Hash, PartialOrd, Ord))]
#[strum_discriminants(doc = "Which kind of request this is.")]
#[strum_discriminants(allow(clippy::enum_variant_names))]
pub enum Request {
    /// Get a value.
    Get(NotDefault),
    #[strum_discriminants(strum(serialize = "put"))]
    Put { key: String, value: NotDefault },
    Delete,
}

/// `name(...)` and `vis(...)`, keeping the source's `repr` and discriminants.
mod hidden {
    use strum::EnumDiscriminants;

    #[derive(Debug, EnumDiscriminants)]
    #[strum_discriminants(name(Kind), vis(pub))]
    #[repr(u8)]
    pub(super) enum Packet {
        Ping = 1,
        Data(Vec<u8>) = 5,
        Close,
    }

    pub(super) fn data(bytes: Vec<u8>) -> Packet {
        Packet::Data(bytes)
    }
}

/// `#[default]` on the source enum is copied and Default is derived for the discriminants.
#[derive(Debug, Default, EnumDiscriminants)]
pub enum Mode<T> {
    #[default]
    Idle,
    Busy(T),
}

/// EnumIs on unit, tuple and struct variants; disabled variants get no method.
#[derive(Debug, EnumIs)]
pub enum Shape {
    Point,
    Circle(f32),
    Rect { w: u32, h: u32 },
    #[strum(disabled)]
    Ghost,
}

/// EnumTryAs on tuple variants (one field, several fields).
#[derive(Debug, Clone, PartialEq, EnumTryAs)]
pub enum Value {
    Int(i64),
    Pair(u8, char),
    Text(String),
    Named { flag: bool },
    Nothing,
    #[strum(disabled)]
    Secret(u32),
}

/// Generic enums with EnumIs and EnumTryAs.
#[derive(Debug, EnumIs, EnumTryAs)]
pub enum Either<L, R>
where
    L: Clone,
{
    Left(L),
    Right(R),
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;
    use strum::{IntoDiscriminant, IntoEnumIterator};

    #[test]
    fn enum_message_messages() {
        assert_eq!(Alert::Error.get_message(), Some("Error"));
        assert_eq!(Alert::Error.get_detailed_message(), Some("An unrecoverable error happened"));
        assert_eq!(Alert::Warning { code: 1 }.get_message(), Some("Warning"));
        assert_eq!(Alert::Warning { code: 1 }.get_detailed_message(), Some("Warning"));
        assert_eq!(Alert::Info(String::new()).get_message(), None);
        assert_eq!(Alert::Silent.get_message(), None);
    }

    #[test]
    fn enum_message_documentation() {
        assert_eq!(Alert::Error.get_documentation(), Some("Something went badly wrong."));
        assert_eq!(Alert::Warning { code: 0 }.get_documentation(), Some("Worth a look.\n\nSecond paragraph.\n"));
        assert_eq!(Alert::Debug.get_documentation(), None);
    }

    #[test]
    fn enum_message_serializations() {
        assert_eq!(Alert::Error.get_serializations(), ["Error"]);
        assert_eq!(Alert::Info("x".into()).get_serializations(), ["i", "info"]);
        assert_eq!(Alert::Debug.get_serializations(), ["dbg"]);
    }

    #[test]
    fn enum_property_values() {
        assert_eq!(Planet::Mercury.get_str("symbol"), Some("☿"));
        assert_eq!(Planet::Mercury.get_int("moons"), Some(0));
        assert_eq!(Planet::Jupiter.get_int("moons"), Some(95));
        assert_eq!(Planet::Jupiter.get_bool("gas"), Some(true));
        assert_eq!(Planet::Mercury.get_bool("gas"), Some(false));
        assert_eq!(Planet::Jupiter.get_str("nickname"), Some("giant"));
        assert_eq!(Planet::Pluto(1).get_str("kind"), Some("dwarf"));
        assert_eq!(Planet::Unknown.get_str("symbol"), None);
        assert_eq!(Planet::Jupiter.get_str("moons"), None);
        assert_eq!(Planet::Jupiter.get_int("symbol"), None);
    }

    #[test]
    fn enum_discriminants_default_name_and_derives() {
        let d: RequestDiscriminants = Request::Get(NotDefault).into();
        assert_eq!(d, RequestDiscriminants::Get);
        assert_eq!(RequestDiscriminants::from(&Request::Delete), RequestDiscriminants::Delete);
        assert_eq!(Request::Put { key: "k".into(), value: NotDefault }.discriminant(), RequestDiscriminants::Put);
        assert_eq!(RequestDiscriminants::from_str("put"), Ok(RequestDiscriminants::Put));
        assert_eq!(RequestDiscriminants::from_str("Get"), Ok(RequestDiscriminants::Get));
        assert_eq!(RequestDiscriminants::iter().count(), 3);
        assert!(RequestDiscriminants::Get < RequestDiscriminants::Delete);
        let set: std::collections::HashSet<_> = RequestDiscriminants::iter().collect();
        assert_eq!(set.len(), 3);
    }

    #[test]
    fn enum_discriminants_name_vis_repr() {
        let k: hidden::Kind = (&hidden::data(vec![1])).into();
        assert_eq!(k, hidden::Kind::Data);
        assert_eq!(hidden::Kind::Ping as u8, 1);
        assert_eq!(hidden::Kind::Data as u8, 5);
        assert_eq!(hidden::Kind::Close as u8, 6);
        assert_eq!(format!("{:?}", hidden::Kind::Close), "Close");
    }

    #[test]
    fn enum_discriminants_default_and_generics() {
        assert_eq!(ModeDiscriminants::default(), ModeDiscriminants::Idle);
        assert_eq!(ModeDiscriminants::from(Mode::Busy(3)), ModeDiscriminants::Busy);
        assert_eq!(Mode::<u8>::default().discriminant(), ModeDiscriminants::Idle);
    }

    #[test]
    fn enum_is_methods() {
        assert!(Shape::Point.is_point());
        assert!(Shape::Circle(1.0).is_circle());
        assert!(Shape::Rect { w: 1, h: 2 }.is_rect());
        assert!(!Shape::Point.is_rect());
        assert!(!Shape::Ghost.is_point());
        assert!(Either::<u8, ()>::Left(1).is_left());
        assert!(!Either::<u8, ()>::Left(1).is_right());
    }

    #[test]
    fn enum_try_as_methods() {
        let mut v = Value::Int(4);
        assert_eq!(v.try_as_int_ref(), Some(&4));
        if let Some(i) = v.try_as_int_mut() {
            *i += 1;
        }
        assert_eq!(v.clone().try_as_int(), Some(5));
        assert_eq!(v.try_as_text_ref(), None);
        assert_eq!(Value::Pair(1, 'c').try_as_pair(), Some((1, 'c')));
        assert_eq!(Value::Pair(1, 'c').try_as_pair_ref(), Some((&1, &'c')));
        assert_eq!(Value::Text("s".into()).try_as_text(), Some("s".to_string()));
        assert_eq!(Value::Nothing.try_as_int(), None);
        let _ = (Value::Named { flag: true }, Value::Secret(0));
        assert_eq!(Either::<u8, char>::Right('r').try_as_right(), Some('r'));
        assert_eq!(Either::<u8, char>::Right('r').try_as_left(), None);
    }
}
