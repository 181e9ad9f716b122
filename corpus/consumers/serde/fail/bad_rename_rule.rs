use serde::Serialize;

#[derive(Serialize)]
#[serde(rename_all = "camel")]
struct Config {
    max_value: u8,
}

fn main() {}
