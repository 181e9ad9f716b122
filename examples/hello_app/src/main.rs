use hello_macros::{shout, Hello};

#[derive(Hello)]
struct Point {
    x: i32,
    y: i32,
}

#[derive(Hello)]
#[hello(name = "a pair")]
struct Pair<T: std::fmt::Debug>(T, T);

fn main() {
    let p = Point { x: 1, y: 2 };
    println!("{} at ({}, {})", p.hello(), p.x, p.y);
    println!("{}", Pair(1u8, 2u8).hello());
    println!("{}", shout!("expanded inside rustc by a WebAssembly macro"));
}
