// A variant cannot be both skipped and explicitly included by #[from].
use derive_more::From;

#[derive(From)]
enum Shape {
    #[from(skip)]
    #[from]
    Circle(f64),
    Square(u32),
}

fn main() {}
