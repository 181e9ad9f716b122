//! The parity consumer: every bridge-test macro used the way a user would. tests/bridge/parity.py
//! builds it against the native macros and against their wasm shims and compares the expansions,
//! the program output and the diagnostics.

use describe_derive::Describe;
use parity_macros::*;
use squares_fn::squares;
use trace_attr::trace;

/// A described point.
#[derive(Describe, Debug)]
#[note = "a note on the type"]
struct Point<T: std::fmt::Debug> {
    #[describe(rename = "x-coordinate")]
    x: T,
    #[describe(skip)]
    #[allow(dead_code)]
    hidden: u8,
    y: T,
}

#[trace(prefix = "calc")]
fn add(log: &mut Vec<String>, a: i32, b: i32) -> i32 {
    a + b
}

#[trace]
fn unit(log: &mut Vec<String>) {}

all_literals!();

retoken! {
    const RETOKENED: (u8, f64, char, &[u8], &str, &str, &std::ffi::CStr, i64) =
        (1u8, 1.5e3, 'c', b"bytes", "str\n", r#"raw "str""#, c"cstr", -1);
    fn r#type() -> &'static str { "raw fn" }
    fn lifetimes<'a>(x: &'a str) -> &'a str { x }
}

raw_idents!();

macro_rules! through_fragment {
    ($e:expr, $l:literal, $i:ident) => {
        delimiters!($e * 2, $l, $i)
    };
}

/// Item docs
/// on two lines.
#[collect_docs(FN_DOCS)]
fn documented() -> u8 {
    /*! inner block doc */
    3
}

#[doc = "attribute doc"]
#[collect_docs]
struct WithDocs;

fn main() {
    let p = Point { x: 1.5f32, hidden: 0, y: -2.0 };
    println!("{}", p.describe());
    let mut log = Vec::new();
    println!("{}", add(&mut log, 2, 3));
    unit(&mut log);
    println!("{log:?}");
    println!("{:?}", squares!(1, 2 + 3, p.hidden as i32 - 1));
    for lit in [LIT_0, LIT_1, LIT_2, LIT_3, LIT_4, LIT_5, LIT_6, LIT_7, LIT_8, LIT_9, LIT_10, LIT_11, LIT_12, LIT_13,
        LIT_14, LIT_15, LIT_16, LIT_17, LIT_18, LIT_19, LIT_20, LIT_21, LIT_22, LIT_23, LIT_24, LIT_25, LIT_26, LIT_27,
        LIT_28, LIT_29, LIT_30, LIT_31, LIT_32, LIT_33, LIT_34, LIT_35] {
        println!("{lit}");
    }
    println!("{RETOKEN_TEXT}");
    println!("{:?} {} {}", RETOKENED, r#type(), lifetimes("lt"));
    println!("{} {}", r#match(), café());
    println!("{}", stringify_input!(a.b(&x[1..2]) + -1 ..= 2 ::<T>));
    println!("{}", stringify_input!(#[attr] fn f<'a>(x: &'a [u8; 3]) -> impl Fn() + 'a {}));
    let value = 21;
    println!("{:?}", through_fragment!(value + 1, "lit", value));
    let tmp = 7;
    println!("{:?}", hygienic_sum!(1, 2, tmp));
    println!("{FN_DOCS:?} {DOCS:?} {}", documented());
    let _ = WithDocs;
    println!("{:?}", where_am_i!(   first token));
    println!("{}", count_tokens!(a (b c) [d {e}] "f" 1.0));
}
