// The one change wasmacro makes to the guest's standard library.
//
// On wasm32-unknown-unknown, std::env::var answers "not present" for every name. Macros read the
// variables cargo sets for the crate being compiled (clap's `#[command(version)]` reads
// CARGO_PKG_VERSION), so the sysroot's std asks the host instead, through the import
// `wasmacro.env_var` (docs/abi.md); the host decides which variables a guest may read.
#pragma once

#include <string>

#include "wasmacro/toolchain/status.h"

namespace wasmacro::toolchain {

// Names this std's flavour in the sysroot's and the facade's cache keys: change it with the patch.
inline constexpr const char* kStdRevision = "env1";

// Rewrites std's getenv stub in a copy of the library sources. An error names the file when the
// stub is not where this rustc's std had it.
Status patch_std_sources(const std::string& library_dir);

}  // namespace wasmacro::toolchain
