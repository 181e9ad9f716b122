// KnownLayout cannot be derived for an unsized struct without an explicit repr.
use zerocopy::KnownLayout;

#[derive(KnownLayout)]
struct Message {
    length: u16,
    payload: [u8],
}

fn main() {}
