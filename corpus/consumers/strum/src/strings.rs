//! String conversions: EnumString, Display, AsRefStr, IntoStaticStr and VariantNames, with the
//! serialization options they share.

use strum::{AsRefStr, Display, EnumString, IntoStaticStr, VariantNames};

/// Variant names, `serialize` (several), `to_string`, `disabled`, per-variant
/// `ascii_case_insensitive`, and data variants filled with defaults.
#[derive(Debug, PartialEq, EnumString, Display, AsRefStr, IntoStaticStr, VariantNames)]
pub enum Fruit {
    Apple,
    #[strum(serialize = "pear", serialize = "p")]
    Pear,
    #[strum(to_string = "cherry!", serialize = "ch")]
    Cherry,
    #[strum(disabled)]
    Rotten,
    #[strum(ascii_case_insensitive)]
    Banana,
    Basket(u8),
    Crate { count: u16, label: String },
}

/// `serialize_all` plus one explicit `serialize` overriding it.
#[derive(Debug, PartialEq, EnumString, Display, AsRefStr, IntoStaticStr, VariantNames)]
#[strum(serialize_all = "snake_case")]
pub enum HttpStatus {
    NotFound,
    InternalServerError,
    #[strum(serialize = "teapot")]
    ImATeapot,
    Http2Only,
}

macro_rules! case_enum {
    ($name:ident, $style:literal) => {
        #[derive(Debug, PartialEq, EnumString, Display, VariantNames)]
        #[strum(serialize_all = $style)]
        pub enum $name {
            FirstValue,
            HTTPServer,
            Word,
        }
    };
}

case_enum!(CamelCase, "camelCase");
case_enum!(PascalCase, "PascalCase");
case_enum!(KebabCase, "kebab-case");
case_enum!(SnakeCase, "snake_case");
case_enum!(ScreamingSnake, "SCREAMING_SNAKE_CASE");
case_enum!(ScreamingKebab, "SCREAMING-KEBAB-CASE");
case_enum!(LowerCase, "lowercase");
case_enum!(UpperCase, "UPPERCASE");
case_enum!(TitleCase, "title_case");
case_enum!(MixedCase, "mixed_case");
case_enum!(TrainCase, "Train-Case");

/// Enum-wide `ascii_case_insensitive`, switched off for one variant.
#[derive(Debug, PartialEq, EnumString)]
#[strum(ascii_case_insensitive)]
pub enum Answer {
    Yes,
    No,
    #[strum(ascii_case_insensitive = false)]
    Maybe,
}

/// `default` captures unmatched input (makes parsing infallible: From<&str>).
#[derive(Debug, PartialEq, EnumString, Display, AsRefStr)]
pub enum Command {
    Start,
    Stop,
    #[strum(default)]
    Other(String),
}

/// `default_with` fills fields of data variants through a function.
#[derive(Debug, PartialEq, EnumString)]
pub enum Setting {
    #[strum(default_with = "default_level")]
    Level(u8),
    Named {
        #[strum(default_with = "default_name")]
        name: String,
        size: u32,
    },
}

fn default_level() -> u8 {
    3
}

fn default_name() -> String {
    "unnamed".to_string()
}

/// Custom parse error type and function.
#[derive(Debug, PartialEq)]
pub struct UnknownFruit(String);

fn unknown_fruit(s: &str) -> UnknownFruit {
    UnknownFruit(s.to_string())
}

#[derive(Debug, PartialEq, EnumString)]
#[strum(parse_err_ty = UnknownFruit, parse_err_fn = unknown_fruit)]
pub enum Citrus {
    Lemon,
    Lime,
    #[strum(default)]
    Other(String),
}

/// Display with interpolation of named and positional fields.
#[derive(Debug, Display)]
pub enum Shape {
    #[strum(to_string = "circle of radius {radius}")]
    Circle { radius: f32 },
    #[strum(to_string = "rect {0}x{1}")]
    Rect(u32, u32),
    #[strum(to_string = "{name:>6}|")]
    Padded { name: &'static str, hidden: bool },
    #[strum(serialize = "tri", serialize = "triangle")]
    Triangle,
}

/// `transparent` delegates to the single field's Display / AsRef<str> / Into<&'static str>.
#[derive(Debug, Display, AsRefStr, IntoStaticStr)]
pub enum Wrapper {
    #[strum(transparent)]
    Inner(Fruit),
    Outer,
}

#[derive(Debug, Display)]
pub enum DisplayWrapper {
    #[strum(transparent)]
    Number(i64),
    #[strum(transparent)]
    Text { value: String },
}

/// `prefix` and `suffix` apply to the serialized forms.
#[derive(Debug, Display, AsRefStr, IntoStaticStr)]
#[strum(prefix = "/api/", suffix = ".json")]
pub enum Route {
    Users,
    #[strum(serialize = "items")]
    Items,
}

/// `const_into_str` generates a `const fn into_str`.
#[derive(Debug, IntoStaticStr)]
#[strum(const_into_str)]
pub enum Level {
    Low,
    #[strum(to_string = "HIGH")]
    High,
}

pub const HIGH: &str = Level::High.into_str();

/// Generic enum with a lifetime and a where-clause.
#[derive(Debug, Display, AsRefStr, IntoStaticStr)]
pub enum Borrowed<'a, T>
where
    T: Clone,
{
    Slice(&'a [T]),
    #[strum(serialize = "owned-value")]
    Owned(T),
}

/// `crate = "..."` points the generated code at a re-exported strum.
#[derive(Debug, PartialEq, EnumString, Display, VariantNames)]
#[strum(crate = "crate::reexport::strum")]
pub enum ViaReexport {
    One,
    Two,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn enum_string_names_and_serialize() {
        assert_eq!(Fruit::from_str("Apple"), Ok(Fruit::Apple));
        assert_eq!(Fruit::from_str("pear"), Ok(Fruit::Pear));
        assert_eq!(Fruit::from_str("p"), Ok(Fruit::Pear));
        assert!(Fruit::from_str("Pear").is_err());
        assert_eq!(Fruit::from_str("cherry!"), Ok(Fruit::Cherry));
        assert_eq!(Fruit::from_str("ch"), Ok(Fruit::Cherry));
        assert_eq!(Fruit::try_from("Apple"), Ok(Fruit::Apple));
    }

    #[test]
    fn enum_string_disabled() {
        assert_eq!(Fruit::from_str("Rotten"), Err(strum::ParseError::VariantNotFound));
        assert_eq!(Fruit::from_str("Rotten").unwrap_err().to_string(), "Matching variant not found");
    }

    #[test]
    fn enum_string_ascii_case_insensitive_variant() {
        assert_eq!(Fruit::from_str("bAnAnA"), Ok(Fruit::Banana));
        assert!(Fruit::from_str("aPPLE").is_err());
    }

    #[test]
    fn enum_string_data_variants_default() {
        assert_eq!(Fruit::from_str("Basket"), Ok(Fruit::Basket(0)));
        assert_eq!(Fruit::from_str("Crate"), Ok(Fruit::Crate { count: 0, label: String::new() }));
    }

    #[test]
    fn serialize_all_snake_case() {
        assert_eq!(HttpStatus::NotFound.to_string(), "not_found");
        assert_eq!(HttpStatus::from_str("internal_server_error"), Ok(HttpStatus::InternalServerError));
        assert_eq!(HttpStatus::ImATeapot.as_ref(), "teapot");
        let s: &'static str = HttpStatus::Http2Only.into();
        assert_eq!(s, "http2_only");
        assert_eq!(HttpStatus::VARIANTS, ["not_found", "internal_server_error", "teapot", "http2_only"]);
    }

    #[test]
    fn serialize_all_every_case_style() {
        assert_eq!(CamelCase::VARIANTS, ["firstValue", "httpServer", "word"]);
        assert_eq!(PascalCase::VARIANTS, ["FirstValue", "HttpServer", "Word"]);
        assert_eq!(KebabCase::VARIANTS, ["first-value", "http-server", "word"]);
        assert_eq!(SnakeCase::VARIANTS, ["first_value", "http_server", "word"]);
        assert_eq!(ScreamingSnake::VARIANTS, ["FIRST_VALUE", "HTTP_SERVER", "WORD"]);
        assert_eq!(ScreamingKebab::VARIANTS, ["FIRST-VALUE", "HTTP-SERVER", "WORD"]);
        assert_eq!(LowerCase::VARIANTS, ["firstvalue", "httpserver", "word"]);
        assert_eq!(UpperCase::VARIANTS, ["FIRSTVALUE", "HTTPSERVER", "WORD"]);
        assert_eq!(TitleCase::VARIANTS, ["First Value", "Http Server", "Word"]);
        assert_eq!(MixedCase::VARIANTS, ["firstValue", "httpServer", "word"]);
        assert_eq!(TrainCase::VARIANTS, ["First-Value", "Http-Server", "Word"]);
        assert_eq!(KebabCase::from_str("http-server"), Ok(KebabCase::HTTPServer));
        assert_eq!(TitleCase::FirstValue.to_string(), "First Value");
    }

    #[test]
    fn ascii_case_insensitive_enum_wide() {
        assert_eq!(Answer::from_str("YES"), Ok(Answer::Yes));
        assert_eq!(Answer::from_str("no"), Ok(Answer::No));
        assert_eq!(Answer::from_str("Maybe"), Ok(Answer::Maybe));
        assert!(Answer::from_str("MAYBE").is_err());
    }

    #[test]
    fn default_variant_captures_input() {
        assert_eq!(Command::from_str("Start"), Ok(Command::Start));
        assert_eq!(Command::from("jump"), Command::Other("jump".into()));
        assert_eq!(Command::Other("jump".into()).to_string(), "jump");
        assert_eq!(Command::Stop.as_ref(), "Stop");
    }

    #[test]
    fn default_with_functions() {
        assert_eq!(Setting::from_str("Level"), Ok(Setting::Level(3)));
        assert_eq!(Setting::from_str("Named"), Ok(Setting::Named { name: "unnamed".into(), size: 0 }));
    }

    #[test]
    fn custom_parse_error() {
        assert_eq!(Citrus::from_str("Lemon"), Ok(Citrus::Lemon));
        assert_eq!(Citrus::try_from("Lime"), Ok(Citrus::Lime));
        assert_eq!(Citrus::from_str("Orange"), Ok(Citrus::Other("Orange".into())));
        assert_eq!(unknown_fruit("x"), UnknownFruit("x".into()));
    }

    #[test]
    fn display_interpolation() {
        assert_eq!(Shape::Circle { radius: 1.5 }.to_string(), "circle of radius 1.5");
        assert_eq!(Shape::Rect(3, 4).to_string(), "rect 3x4");
        assert_eq!(Shape::Padded { name: "ab", hidden: true }.to_string(), "    ab|");
        assert_eq!(Shape::Triangle.to_string(), "triangle");
    }

    #[test]
    fn display_and_as_ref_use_to_string_or_longest_serialize() {
        assert_eq!(Fruit::Cherry.to_string(), "cherry!");
        assert_eq!(Fruit::Pear.to_string(), "pear");
        assert_eq!(Fruit::Apple.as_ref(), "Apple");
        assert_eq!(Fruit::Basket(3).to_string(), "Basket");
        assert_eq!(format!("{:>7}", Fruit::Apple), "  Apple");
    }

    #[test]
    #[should_panic(expected = "fmt() called on disabled variant.")]
    fn display_disabled_variant_panics() {
        let _ = Fruit::Rotten.to_string();
    }

    #[test]
    fn into_static_str() {
        let a: &'static str = Fruit::Banana.into();
        let b: &'static str = (&Fruit::Crate { count: 1, label: String::new() }).into();
        assert_eq!((a, b), ("Banana", "Crate"));
    }

    #[test]
    fn transparent_variants() {
        assert_eq!(Wrapper::Inner(Fruit::Cherry).to_string(), "cherry!");
        assert_eq!(Wrapper::Inner(Fruit::Pear).as_ref(), "pear");
        let s: &'static str = Wrapper::Inner(Fruit::Apple).into();
        assert_eq!(s, "Apple");
        assert_eq!(Wrapper::Outer.to_string(), "Outer");
        assert_eq!(DisplayWrapper::Number(-4).to_string(), "-4");
        assert_eq!(DisplayWrapper::Text { value: "t".into() }.to_string(), "t");
    }

    #[test]
    fn prefix_and_suffix() {
        assert_eq!(Route::Users.to_string(), "/api/Users.json");
        assert_eq!(Route::Items.as_ref(), "/api/items.json");
        let s: &'static str = Route::Items.into();
        assert_eq!(s, "/api/items.json");
    }

    #[test]
    fn const_into_str() {
        assert_eq!(HIGH, "HIGH");
        assert_eq!(Level::Low.into_str(), "Low");
        let s: &'static str = Level::Low.into();
        assert_eq!(s, "Low");
    }

    #[test]
    fn generic_enum_with_lifetime() {
        let data = [1u8, 2];
        let b = Borrowed::Slice(&data[..]);
        assert_eq!(b.to_string(), "Slice");
        assert_eq!(b.as_ref(), "Slice");
        let o: &'static str = Borrowed::<u8>::Owned(1).into();
        assert_eq!(o, "owned-value");
    }

    #[test]
    fn crate_path_option() {
        assert_eq!(ViaReexport::from_str("Two"), Ok(ViaReexport::Two));
        assert_eq!(ViaReexport::One.to_string(), "One");
        assert_eq!(ViaReexport::VARIANTS, ["One", "Two"]);
    }
}
