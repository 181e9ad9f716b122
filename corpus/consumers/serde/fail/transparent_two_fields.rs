use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
#[serde(transparent)]
struct Meters {
    value: f64,
    unit: String,
}

fn main() {}
