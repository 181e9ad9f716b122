use serde::Deserialize;

// The derive accepts the attribute; the generated code then needs `Celsius: From<f64>`.
#[derive(Deserialize)]
#[serde(from = "f64")]
struct Celsius {
    degrees: f64,
}

fn main() {}
