// `wasmacro build`: an unmodified proc-macro crate in, one .wasm out.
#pragma once

#include <string>
#include <vector>

#include "wasmacro/toolchain/metadata.h"
#include "wasmacro/toolchain/status.h"
#include "wasmacro/toolchain/toolchain.h"

namespace wasmacro::toolchain {

struct BuildOptions {
  std::string crate_dir;              // holds the proc-macro crate's Cargo.toml; never written to
  std::string output;                 // the .wasm to write
  std::vector<std::string> features;  // as cargo's --features
  bool all_features = false;
  bool no_default_features = false;
  std::string work_dir;  // staging copy and cargo target dir; default: <cache_dir()>/build
  // A Cargo.lock to resolve the crate's dependencies from (typically the consuming workspace's), so
  // that the wasm build uses the same dependency versions as the native one; cargo drops the
  // entries the crate does not need. Empty: cargo resolves the newest compatible versions.
  std::string lockfile;
  bool wasm_opt = true;  // run binaryen's wasm-opt (see docs/abi.md for the passes and why)
};

struct BuildReport {
  CrateInfo crate;
  std::vector<MacroInfo> macros;
  std::string cargo_wasm;       // the module cargo linked, before wasm-opt
  size_t size_before_opt = 0;   // bytes, as linked
  size_t size_written = 0;      // bytes, as written (after wasm-opt and the metadata section)
};

Result<BuildReport> build_macro_crate(const BuildOptions& options, const Progress& progress);

}  // namespace wasmacro::toolchain
