#include "wasmacro/toolchain/toolchain.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <vector>

#include "process.h"

namespace fs = std::filesystem;

namespace wasmacro::toolchain {
namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : fallback;
}

bool is_executable(const std::string& path) { return !path.empty() && access(path.c_str(), X_OK) == 0; }

std::string find_on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (is_executable(candidate)) return candidate;
  }
  return {};
}

std::string first_line_value(const std::string& text, const std::string& key) {
  std::stringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(key + ": ", 0) == 0) return line.substr(key.size() + 2);
  }
  return {};
}

}  // namespace

std::string cache_dir() {
  if (const char* dir = std::getenv("WASMACRO_CACHE_DIR"); dir != nullptr && *dir != '\0') return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::string(xdg) + "/wasmacro";
  }
  return env_or("HOME", "/tmp") + "/.cache/wasmacro";
}

std::string guest_dir() { return env_or("WASMACRO_GUEST_DIR", WASMACRO_DEFAULT_GUEST_DIR); }

Result<Toolchain> find_toolchain() {
  Toolchain tc;
  tc.rustc = env_or("WASMACRO_RUSTC", "/usr/bin/rustc");
  tc.cargo = env_or("WASMACRO_CARGO", "/usr/bin/cargo");
  tc.wasm_ld = env_or("WASMACRO_WASM_LD", find_on_path("wasm-ld"));
  tc.wasm_opt = find_on_path("wasm-opt");

  std::vector<std::string> missing;
  if (!is_executable(tc.rustc)) missing.push_back(tc.rustc + " (rustc-web)");
  if (!is_executable(tc.cargo)) missing.push_back(tc.cargo + " (cargo-web)");
  if (!is_executable(tc.wasm_ld)) missing.emplace_back("wasm-ld (lld)");
  if (tc.wasm_opt.empty()) missing.emplace_back("wasm-opt (binaryen)");
  if (is_executable(tc.rustc)) {
    Command ask_version;
    ask_version.argv = {tc.rustc, "-vV"};
    ask_version.capture_stdout = true;
    Command ask_sysroot = ask_version;
    ask_sysroot.argv = {tc.rustc, "--print", "sysroot"};
    auto version = run(ask_version);
    auto sysroot = run(ask_sysroot);
    if (version.ok() && version.value().exit_code == 0 && sysroot.ok() && sysroot.value().exit_code == 0) {
      tc.release = first_line_value(version.value().out, "release");
      tc.commit_hash = first_line_value(version.value().out, "commit-hash");
      std::string root = sysroot.value().out.substr(0, sysroot.value().out.find('\n'));
      std::error_code ec;
      fs::path library = fs::canonical(fs::path(root) / "lib/rustlib/src/rust/library", ec);
      if (!ec && fs::exists(library / "Cargo.lock") && fs::exists(library / "vendor")) {
        tc.library_src = library.string();
      } else {
        missing.push_back(root + "/lib/rustlib/src/rust/library with vendor/ (rust-web-src)");
      }
    } else {
      missing.push_back("a working " + tc.rustc + " (rustc-web)");
    }
  }
  if (!missing.empty()) {
    std::string message = "the wasm32 toolchain is incomplete; missing: ";
    for (size_t i = 0; i < missing.size(); ++i) message += (i ? ", " : "") + missing[i];
    message += ".\nInstall it with: sudo ";
    message += kInstallHint;
    return Error{message};
  }
  if (tc.commit_hash.empty() || tc.commit_hash == "unknown") tc.commit_hash = "unknown-" + tc.release;
  return tc;
}

}  // namespace wasmacro::toolchain
