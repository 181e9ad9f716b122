// `wasmacro run MODULE.wasm EXPORT [ARGS...]`: instantiate a module without imports and call one
// export. Exit codes: 0 success, 1 the call trapped, 2 anything else (usage, load, link).
#include <charconv>
#include <chrono>
#include <cstdio>
#include <string>
#include <system_error>
#include <vector>

#include "commands.h"
#include "files.h"
#include "value_text.h"
#include "wasmacro/engine/engine.h"

namespace wasmacro::cli {

namespace {

constexpr const char* kUsage =
    "usage: wasmacro run [options] MODULE.wasm EXPORT [ARGS...]\n"
    "\n"
    "Instantiates MODULE.wasm, which must have no imports, calls the exported function EXPORT with\n"
    "ARGS parsed by its parameter types, and prints each result on its own line.\n"
    "  i32/i64  decimal or 0x hex, negative allowed\n"
    "  f32/f64  decimal, 0x hex-float, inf, nan or nan:0xPAYLOAD\n"
    "\n"
    "options:\n"
    "  --fuel N               stop after N instructions (trap: fuel exhausted)\n"
    "  --max-memory-pages N   cap every memory at N 64 KiB pages\n"
    "  --max-call-depth N     cap guest call depth\n"
    "  --timeout-ms N         stop after N milliseconds of wall time\n"
    "\n"
    "exit status: 0 on success, 1 if the call trapped, 2 on any other error\n";

void print_error(const std::string& message) { std::fprintf(stderr, "wasmacro run: %s\n", message.c_str()); }

bool parse_count(std::string_view option, std::string_view text, uint64_t& value) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc() && end == text.data() + text.size()) return true;
  print_error(std::string(option) + " expects a non-negative integer, got '" + std::string(text) + "'");
  return false;
}

std::string describe_import(const engine::ImportInfo& import) {
  return "`" + import.module + "`.`" + import.name + "` (" + engine::to_string(import.kind) + ")";
}

}  // namespace

int run_command(Args args) {
  engine::StoreLimits limits;
  std::vector<std::string_view> positional;
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    // Options may come anywhere: no number the arguments can hold starts with "--".
    if (options_done || arg.substr(0, 2) != "--") {
      positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_done = true;
      continue;
    }
    if (arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    bool takes_value =
        arg == "--fuel" || arg == "--max-memory-pages" || arg == "--max-call-depth" || arg == "--timeout-ms";
    if (!takes_value) {
      print_error("unknown option '" + std::string(arg) + "'");
      std::fputs(kUsage, stderr);
      return 2;
    }
    if (i + 1 >= args.size()) {
      print_error(std::string(arg) + " needs a value");
      return 2;
    }
    std::string_view text = args[++i];
    uint64_t value;
    if (!parse_count(arg, text, value)) return 2;
    if (arg == "--fuel") {
      limits.fuel = value;
    } else if (arg == "--max-memory-pages") {
      limits.max_memory_pages = value;
    } else if (arg == "--max-call-depth") {
      if (value > UINT32_MAX) value = UINT32_MAX;
      limits.max_call_depth = static_cast<uint32_t>(value);
    } else {
      limits.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(value);
    }
  }
  if (positional.size() < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::string_view path = positional[0];
  std::string export_name(positional[1]);

  std::string error;
  auto bytes = read_file(path, error);
  if (!bytes) {
    print_error(error);
    return 2;
  }
  auto module = engine::Module::load(*bytes);
  if (!module.ok()) {
    print_error(std::string(path) + ": " + module.error().describe());
    return 2;
  }
  const auto& imports = (*module)->imports();
  if (!imports.empty()) {
    std::string list;
    for (const auto& import : imports) list += "\n  " + describe_import(import);
    print_error(std::string(path) + " has imports, which `wasmacro run` cannot provide:" + list);
    return 2;
  }

  engine::Store store(limits);
  auto instance = store.instantiate(*module, {});
  if (!instance.ok()) {
    print_error(std::string(path) + ": " + instance.error().describe());
    return 2;
  }
  engine::Function* function = (*instance)->exported_function(export_name);
  if (!function) {
    std::string names;
    for (const auto& exported : (*module)->exports()) {
      if (exported.kind != engine::ExternKind::Function) continue;
      names += names.empty() ? "" : ", ";
      names += exported.name;
    }
    print_error("no exported function named '" + export_name + "'" +
                (names.empty() ? std::string(" (the module exports no functions)") : "; exported functions: " + names));
    return 2;
  }
  const engine::FuncType& type = function->type();
  size_t given = positional.size() - 2;
  if (given != type.params.size()) {
    print_error("'" + export_name + "' has type " + type.to_string() + " and takes " +
                std::to_string(type.params.size()) + " argument(s); " + std::to_string(given) + " given");
    return 2;
  }
  std::vector<engine::Value> call_args;
  for (size_t i = 0; i < given; ++i) {
    auto value = parse_value(type.params[i], positional[2 + i], error);
    if (!value) {
      print_error("argument " + std::to_string(i + 1) + ": " + error);
      return 2;
    }
    call_args.push_back(*value);
  }

  std::vector<engine::Value> results;
  if (auto trap = store.call(function, call_args, results)) {
    std::fprintf(stderr, "%s\n", trap->describe().c_str());
    return 1;
  }
  for (const engine::Value& result : results) std::printf("%s\n", format_value(result).c_str());
  return 0;
}

}  // namespace wasmacro::cli
