//! Compile-fail cases: rustc's JSON diagnostics for these must be the same for native and wasm macros.

use describe_derive::Describe;
use parity_macros::*;
use squares_fn::squares;
use trace_attr::trace;

#[derive(Describe)]
enum NotAStruct {
    A,
}

#[derive(Describe)]
struct BadHelper {
    #[describe(colour = "red")]
    field: u8,
}

#[trace(prefix = 3)]
fn bad_prefix(log: &mut Vec<String>) {}

#[trace]
fn no_log() {}

#[derive(Explode)]
struct Boom;

reject_numbers!(a 1 b 2.5 c);

fn main() {
    let _ = squares!(1, , 2);
    panics!(at the disco);
    let _: u8 = squares!(1, 2);
}
