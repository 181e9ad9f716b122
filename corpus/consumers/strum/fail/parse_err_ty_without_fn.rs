// parse_err_ty and parse_err_fn must be given together.
use strum::EnumString;

#[derive(Debug)]
struct MyError;

#[derive(EnumString)]
#[strum(parse_err_ty = MyError)]
enum Letter {
    A,
    B,
}

fn main() {}
