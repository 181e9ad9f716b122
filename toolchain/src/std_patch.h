// The changes wasmacro makes to the guest's standard library, so that macros behave as natively.
//
// - On wasm32-unknown-unknown, std::env::var answers "not present" for every name. Macros read the
//   variables cargo sets for the crate being compiled (clap's `#[command(version)]` reads
//   CARGO_PKG_VERSION), so the sysroot's std asks the host instead, through the import
//   `wasmacro.env_var` (docs/abi.md); the host decides which variables a guest may read.
// - Hasher::write_usize and write_isize hash 64-bit values, as on 64-bit hosts, so that a HashMap
//   with a fixed hasher iterates in the native order.
#pragma once

#include <string>

#include "wasmacro/toolchain/status.h"

namespace wasmacro::toolchain {

// Names this std's flavour in the sysroot's and the facade's cache keys: change it with the patch.
inline constexpr const char* kStdRevision = "r2";

// Applies them to a copy of the library sources. An error names the file when the code to change is
// not written as in the library sources this was made for.
Status patch_std_sources(const std::string& library_dir);

}  // namespace wasmacro::toolchain
