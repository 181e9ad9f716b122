// serialize_all only accepts the documented case styles.
use strum::Display;

#[derive(Display)]
#[strum(serialize_all = "spongebob_case")]
enum Mood {
    Happy,
    Sad,
}

fn main() {}
