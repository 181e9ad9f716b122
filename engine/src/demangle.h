// Rust symbol demangling, for names in traps, backtraces and error messages.
#pragma once

#include <string>
#include <string_view>

namespace wasmacro::engine {

// Demangles a Rust symbol, legacy (`_ZN...17h<hash>E`) or v0 (`_R...`), the way rustc-demangle's
// alternate form (`{:#}`) prints it: no legacy hash, no crate disambiguators, no type suffixes on
// constants. Any other input, including a truncated or hostile Rust-looking symbol, comes back
// unchanged. Bounded in recursion depth, work and output size, whatever the input.
std::string demangle_rust(std::string_view symbol);

}  // namespace wasmacro::engine
