// A variant may have only one to_string; the error points at both.
use strum::Display;

#[derive(Display)]
enum Signal {
    #[strum(to_string = "go", to_string = "green")]
    Go,
    Stop,
}

fn main() {}
