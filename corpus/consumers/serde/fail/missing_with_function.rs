use serde::Serialize;

#[derive(Serialize)]
struct Report {
    // The path inside the string is resolved with the string's span.
    #[serde(serialize_with = "crate::helpers::as_hex")]
    value: u32,
    #[serde(skip_serializing_if = "is_empty")]
    notes: Vec<String>,
}

fn main() {}
