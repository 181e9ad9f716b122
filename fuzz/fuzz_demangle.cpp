// Arbitrary bytes as a symbol name through the Rust demangler: bounded work, no crash, and input
// that does not look like a Rust symbol comes back unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "demangle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view symbol(reinterpret_cast<const char*>(data), size);
  std::string demangled = wasmacro::engine::demangle_rust(symbol);
  bool rust_like = symbol.starts_with("_ZN") || symbol.starts_with("_R") || symbol.starts_with("__ZN") ||
                   symbol.starts_with("__R") || symbol.starts_with("ZN") || symbol.starts_with("R");
  if (!rust_like && demangled != symbol) std::abort();
  return 0;
}
