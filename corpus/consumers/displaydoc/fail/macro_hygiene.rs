use displaydoc::Display;

// The tuple field bindings (`_0`) get the derive's span, which comes from inside the macro, while
// `{0}` in the doc text gets the caller's span: the two do not resolve to each other.
macro_rules! documented {
    ($(#[$attr:meta])* $name:ident($ty:ty)) => {
        $(#[$attr])*
        #[derive(Display)]
        struct $name($ty);
    };
}

documented!(
    /// value {0}
    Wrapped(u32)
);

fn main() {}
