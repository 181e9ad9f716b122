// The 0.99 string form of bounds is rejected with a hint at the new syntax.
use derive_more::Display;

#[derive(Display)]
#[display(bound = "T: Clone")]
#[display("{_0}")]
struct Wrapper<T>(T);

fn main() {}
