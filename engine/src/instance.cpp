// In progress.
namespace wasmacro::engine {}
