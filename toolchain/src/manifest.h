// The one change staging makes to Cargo.toml: the proc-macro library becomes a cdylib (rustc drops
// the proc-macro crate type for wasm32), and the staged copy is its own workspace.
#pragma once

#include <string>

#include "wasmacro/toolchain/status.h"

namespace wasmacro::toolchain {

struct StagedManifest {
  std::string text;          // the rewritten Cargo.toml
  std::string package_name;  // [package] name
  std::string lib_path;      // [lib] path, default src/lib.rs
};

Result<StagedManifest> stage_manifest(const std::string& manifest);

}  // namespace wasmacro::toolchain
