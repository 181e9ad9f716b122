// Load and instantiate with dummy imports made from the module's own import list: segment
// initialisation, start functions and declared sizes, all under small store caps.
#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  wasmacro::engine::Store store(wasmacro::fuzz::small_limits());
  (void)wasmacro::fuzz::instantiate(store, std::span<const uint8_t>(data, size));
  return 0;
}
