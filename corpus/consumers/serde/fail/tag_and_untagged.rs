use serde::Serialize;

#[derive(Serialize)]
#[serde(tag = "type", untagged)]
enum Message {
    Ping,
    Pong { id: u32 },
}

fn main() {}
