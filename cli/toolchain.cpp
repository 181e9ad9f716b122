#include <cstdio>
#include <string>

#include "commands.h"
#include "wasmacro/toolchain/toolchain.h"

namespace wasmacro::cli {
namespace {

constexpr const char* kToolchainUsage =
    "usage: wasmacro toolchain [--install] [--print-sysroot]\n"
    "\n"
    "Reports the wasm32 toolchain guest builds use (Debian's rustc-web, cargo-web, rust-web-src, lld and\n"
    "binaryen) and its cached wasm32 sysroot. --install builds the sysroot if it is missing.\n"
    "--print-sysroot installs it if needed and prints only its path on stdout.\n";

}  // namespace

int toolchain_command(Args args) {
  bool install = false;
  bool print_sysroot = false;
  for (std::string_view a : args) {
    if (a == "--install") install = true;
    else if (a == "--print-sysroot") print_sysroot = true;
    else if (a == "--help" || a == "-h") {
      std::fputs(kToolchainUsage, stdout);
      return 0;
    } else {
      std::fprintf(stderr, "wasmacro toolchain: unknown option '%.*s'\n\n%s", static_cast<int>(a.size()), a.data(),
                   kToolchainUsage);
      return 2;
    }
  }
  auto found = toolchain::find_toolchain();
  if (!found.ok()) {
    std::fprintf(stderr, "wasmacro toolchain: %s\n", found.error().message.c_str());
    return 1;
  }
  const auto& tc = found.value();
  auto progress = [](const std::string& line) { std::fprintf(stderr, "wasmacro toolchain: %s\n", line.c_str()); };
  if (install || print_sysroot) {
    auto sysroot = toolchain::ensure_sysroot(tc, /*install=*/true, progress);
    if (!sysroot.ok()) {
      std::fprintf(stderr, "wasmacro toolchain: %s\n", sysroot.error().message.c_str());
      return 1;
    }
    if (print_sysroot) {
      std::printf("%s\n", sysroot.value().c_str());
      return 0;
    }
  }
  std::printf("rustc        %s (%s, commit %s)\n", tc.rustc.c_str(), tc.release.c_str(), tc.commit_hash.c_str());
  std::printf("cargo        %s\n", tc.cargo.c_str());
  std::printf("wasm-ld      %s\n", tc.wasm_ld.c_str());
  std::printf("wasm-opt     %s\n", tc.wasm_opt.c_str());
  std::printf("library src  %s\n", tc.library_src.c_str());
  std::printf("cache        %s\n", toolchain::cache_dir().c_str());
  bool installed = toolchain::sysroot_installed(tc);
  std::printf("sysroot      %s (%s)\n", toolchain::sysroot_path(tc).c_str(),
              installed ? "installed" : "not installed: run `wasmacro toolchain --install`");
  return 0;
}

}  // namespace wasmacro::cli
