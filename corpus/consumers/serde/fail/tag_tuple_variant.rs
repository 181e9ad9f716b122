use serde::Serialize;

#[derive(Serialize)]
#[serde(tag = "kind")]
enum Shape {
    Circle { radius: f32 },
    Rect(f32, f32),
}

fn main() {}
