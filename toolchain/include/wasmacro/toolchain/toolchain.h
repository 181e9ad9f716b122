// The wasm32 toolchain a guest build needs, and the cached pieces built from it: the wasm32 sysroot
// (std built once with build-std from Debian's vendored library sources) and the proc_macro facade.
#pragma once

#include <functional>
#include <string>

#include "wasmacro/toolchain/status.h"

namespace wasmacro::toolchain {

// Called with one line about what a long step is doing ("building the wasm32 sysroot ...").
using Progress = std::function<void(const std::string&)>;

struct Toolchain {
  std::string rustc;        // /usr/bin/rustc: rustup's rustc on PATH cannot target wasm32 here
  std::string cargo;        // /usr/bin/cargo
  std::string wasm_ld;      // the linker rustc is told to use
  std::string wasm_opt;     // empty when binaryen is missing
  std::string library_src;  // .../library with vendor/, the sources build-std compiles
  std::string release;      // "1.96.0"
  std::string commit_hash;  // rustc's commit, for the remapped std paths and the cache key
};

// The Debian packages that provide everything above, as one apt-get line.
inline constexpr const char* kInstallHint =
    "apt-get install rustc-web cargo-web rust-web-src lld binaryen";

// Finds the toolchain. A missing piece gives one error naming what is missing and kInstallHint.
// WASMACRO_RUSTC, WASMACRO_CARGO and WASMACRO_WASM_LD override the default paths.
Result<Toolchain> find_toolchain();

// $WASMACRO_CACHE_DIR, else $XDG_CACHE_HOME/wasmacro, else ~/.cache/wasmacro.
std::string cache_dir();

// The sysroot's path for this toolchain; it exists only once installed.
std::string sysroot_path(const Toolchain& tc);
bool sysroot_installed(const Toolchain& tc);

// Returns the wasm32 sysroot, building it first when `install` is set and it is missing. Safe to call
// from several processes at once: one builds, the others wait.
Result<std::string> ensure_sysroot(const Toolchain& tc, bool install, const Progress& progress);

// The proc_macro facade compiled for wasm32 against the sysroot, cached by source hash. Returns the
// path of libproc_macro.rlib.
Result<std::string> ensure_facade(const Toolchain& tc, const std::string& sysroot, const Progress& progress);

// guest/ of the source tree, or $WASMACRO_GUEST_DIR.
std::string guest_dir();

}  // namespace wasmacro::toolchain
