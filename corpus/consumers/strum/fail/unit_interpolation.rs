// Unit variants have no fields to interpolate into to_string.
use strum::Display;

#[derive(Display)]
enum Animal {
    #[strum(to_string = "cat {name}")]
    Cat,
    Dog,
}

fn main() {}
