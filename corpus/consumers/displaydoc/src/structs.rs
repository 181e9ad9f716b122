//! Structs: the doc comment is the `Display` format.

use displaydoc::Display;
use std::path::{Path, PathBuf};

/// a unit struct
#[derive(Display, Debug)]
pub struct Unit;

/// tuple with {0} and {1:?}
#[derive(Display, Debug)]
pub struct Tuple(pub u32, pub String);

/// named {name} has {count} items ({ratio:.2})
#[derive(Display, Debug)]
pub struct Named {
    pub name: String,
    pub count: usize,
    pub ratio: f64,
}

/// specs [{0:>5}] [{0:<5}] [{1:#x}] [{2:?}] {{escaped}}
#[derive(Display, Debug)]
pub struct Specs(pub i16, pub u16, pub Option<char>);

/**
 * block doc comments keep
 * their line breaks: {0}
 */
#[derive(Display, Debug)]
pub struct Block(pub u8);

/// multi line doc
/// comments are joined
/// with single spaces
#[derive(Display, Debug)]
pub struct MultiLine;

/// first paragraph is the message: {0}
///
/// Everything after the first blank line is ignored with the attribute.
#[derive(Display, Debug)]
#[ignore_extra_doc_attributes]
pub struct IgnoreExtra(pub u8);

/// this doc comment is for rustdoc only
#[derive(Display, Debug)]
#[displaydoc("overridden: {value}")]
pub struct Overridden {
    pub value: i32,
}

/// `Path` and `PathBuf` fields display through `.display()`: {path} and {borrowed}
#[derive(Display, Debug)]
pub struct Paths<'a> {
    pub path: PathBuf,
    pub borrowed: &'a Path,
}

/// doc attribute written out: {0}
#[derive(Display, Debug)]
#[doc = "second line"]
pub struct DocAttr(pub u8);

/// on a struct, #[prefix_enum_doc_attributes] has no effect
#[derive(Display, Debug)]
#[prefix_enum_doc_attributes]
pub struct PrefixOnStruct;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn struct_unit() {
        assert_eq!(Unit.to_string(), "a unit struct");
    }

    #[test]
    fn struct_positional_fields() {
        assert_eq!(Tuple(4, "s".into()).to_string(), r#"tuple with 4 and "s""#);
    }

    #[test]
    fn struct_named_fields() {
        let n = Named { name: "box".into(), count: 3, ratio: 0.125 };
        assert_eq!(n.to_string(), "named box has 3 items (0.12)");
    }

    #[test]
    fn format_specs_and_escapes() {
        assert_eq!(Specs(-7, 255, Some('z')).to_string(), "specs [   -7] [-7   ] [0xff] [Some('z')] {escaped}");
    }

    #[test]
    fn block_doc_comment() {
        assert_eq!(Block(1).to_string(), "block doc comments keep\ntheir line breaks: 1");
    }

    #[test]
    fn multi_line_doc_comment() {
        assert_eq!(MultiLine.to_string(), "multi line doc comments are joined with single spaces");
    }

    #[test]
    fn ignore_extra_doc_attributes() {
        assert_eq!(IgnoreExtra(2).to_string(), "first paragraph is the message: 2");
    }

    #[test]
    fn displaydoc_override_struct() {
        assert_eq!(Overridden { value: -1 }.to_string(), "overridden: -1");
    }

    #[test]
    fn path_fields() {
        let p = Paths { path: PathBuf::from("/a/b"), borrowed: Path::new("c.txt") };
        assert_eq!(p.to_string(), "`Path` and `PathBuf` fields display through `.display()`: /a/b and c.txt");
    }

    #[test]
    fn doc_attribute_form() {
        assert_eq!(DocAttr(5).to_string(), "doc attribute written out: 5 second line");
    }

    #[test]
    fn prefix_on_struct_is_ignored() {
        assert_eq!(PrefixOnStruct.to_string(), "on a struct, #[prefix_enum_doc_attributes] has no effect");
    }
}
