//! Prints each workload's result as `name value`, for comparison with the wasm32 build.
fn main() {
    for (name, workload) in wasmacro_rust_checks::WORKLOADS {
        println!("{name} {}", workload());
    }
}
