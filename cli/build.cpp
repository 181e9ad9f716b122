#include <chrono>
#include <cstdio>
#include <string>

#include "commands.h"
#include "wasmacro/toolchain/build.h"

namespace wasmacro::cli {
namespace {

constexpr const char* kBuildUsage =
    "usage: wasmacro build PATH -o OUT.wasm [--features F...] [--all-features] [--no-default-features]\n"
    "                      [--lockfile Cargo.lock] [--work-dir DIR] [--no-wasm-opt]\n"
    "\n"
    "Builds the proc-macro crate at PATH (left untouched on disk) to one .wasm: a staged copy is\n"
    "compiled for wasm32 against the proc_macro facade, optimised with wasm-opt -O3, and given a\n"
    "\"wasmacro.macros\" metadata section. --work-dir holds the staged copy and cargo's target folder\n"
    "(default: the wasmacro cache folder). --lockfile resolves the crate's dependencies from an existing\n"
    "Cargo.lock (for instance the workspace that uses the macro natively), so both builds use the same\n"
    "versions.\n";

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int build_command(Args args) {
  toolchain::BuildOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view a = args[i];
    auto value = [&](std::string_view flag) -> const std::string_view* {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "wasmacro build: %.*s needs a value\n", static_cast<int>(flag.size()), flag.data());
        return nullptr;
      }
      return &args[++i];
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kBuildUsage, stdout);
      return 0;
    } else if (a == "-o" || a == "--output") {
      auto v = value(a);
      if (v == nullptr) return 2;
      options.output = std::string(*v);
    } else if (a == "--features" || a == "-F") {
      auto v = value(a);
      if (v == nullptr) return 2;
      options.features.emplace_back(*v);
    } else if (a.rfind("--features=", 0) == 0) {
      options.features.emplace_back(a.substr(11));
    } else if (a == "--all-features") {
      options.all_features = true;
    } else if (a == "--no-default-features") {
      options.no_default_features = true;
    } else if (a == "--work-dir") {
      auto v = value(a);
      if (v == nullptr) return 2;
      options.work_dir = std::string(*v);
    } else if (a == "--lockfile") {
      auto v = value(a);
      if (v == nullptr) return 2;
      options.lockfile = std::string(*v);
    } else if (a == "--no-wasm-opt") {
      options.wasm_opt = false;
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "wasmacro build: unknown option '%.*s'\n\n%s", static_cast<int>(a.size()), a.data(), kBuildUsage);
      return 2;
    } else if (options.crate_dir.empty()) {
      options.crate_dir = std::string(a);
    } else {
      std::fprintf(stderr, "wasmacro build: one crate PATH only\n\n%s", kBuildUsage);
      return 2;
    }
  }
  if (options.crate_dir.empty() || options.output.empty()) {
    std::fputs(kBuildUsage, stderr);
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  auto progress = [&](const std::string& line) {
    std::fprintf(stderr, "wasmacro build [%5.1fs] %s\n", seconds_since(start), line.c_str());
  };
  auto built = toolchain::build_macro_crate(options, progress);
  if (!built.ok()) {
    std::fprintf(stderr, "wasmacro build: %s\n", built.error().message.c_str());
    return 1;
  }
  const auto& r = built.value();
  std::string macros;
  for (const auto& m : r.macros) {
    macros += (macros.empty() ? "" : ", ") + std::string(toolchain::kind_name(m.kind)) + " " + m.name;
  }
  progress("wrote " + options.output + ": " + std::to_string(r.size_written) + " bytes (" +
           std::to_string(r.size_before_opt) + " as linked), " + r.crate.name + " " + r.crate.version + ": " + macros);
  return 0;
}

}  // namespace wasmacro::cli
