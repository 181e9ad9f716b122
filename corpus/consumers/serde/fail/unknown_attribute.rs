use serde::Serialize;

#[derive(Serialize)]
struct Config {
    #[serde(renamee = "x")]
    value: u8,
}

fn main() {}
