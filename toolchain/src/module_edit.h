// Small edits to a linked wasm module that wasm-ld cannot be asked for.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "wasmacro/toolchain/status.h"

namespace wasmacro::toolchain {

// Drops the exports whose names start with `prefix` (the functions stay, they are still called
// internally). Rust exports every `#[no_mangle]` function of a cdylib, including the facade's
// internal entry points, which are not part of the ABI.
Status remove_exports_with_prefix(std::vector<uint8_t>& module, std::string_view prefix);

}  // namespace wasmacro::toolchain
