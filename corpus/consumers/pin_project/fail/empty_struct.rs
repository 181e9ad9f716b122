// Structs and enums without fields cannot be projected.
use pin_project::pin_project;

#[pin_project]
struct Empty {}

#[pin_project(project = NothingProj)]
enum Nothing {}

fn main() {}
