// `wasmacro inspect MODULE.wasm [--json]`: what a module imports, exports and carries, and the macro
// metadata that `wasmacro build` stores in its "wasmacro.macros" custom section.
#include <charconv>
#include <cstdio>
#include <string>

#include "commands.h"
#include "files.h"
#include "wasmacro/common/json.h"
#include "wasmacro/engine/engine.h"

namespace wasmacro::cli {

namespace {

namespace json = common::json;

constexpr std::string_view kMacroSection = "wasmacro.macros";

constexpr const char* kUsage =
    "usage: wasmacro inspect MODULE.wasm [--json] [--disassemble FUNCTION_INDEX]\n"
    "\n"
    "Prints the module's size, imports, exports, function counts and custom sections, and the macro\n"
    "metadata of a module built by `wasmacro build`. --json prints one JSON object instead.\n"
    "--disassemble prints one defined function's body, one instruction a line with its offset.\n";

std::string limits_text(const engine::Limits& limits) {
  std::string text = std::to_string(limits.min);
  if (limits.max) text += ".." + std::to_string(*limits.max);
  return text;
}

// "(i32) -> ()", "funcref 1..10", "memory 1..2 pages", "mut i64"
std::string import_type_text(const engine::ImportInfo& import) {
  switch (import.kind) {
    case engine::ExternKind::Function: return import.function.to_string();
    case engine::ExternKind::Table:
      return std::string(engine::to_string(import.table.element)) + " " + limits_text(import.table.limits);
    case engine::ExternKind::Memory: return limits_text(import.memory.limits) + " pages";
    case engine::ExternKind::Global:
      return std::string(import.global.is_mutable ? "mut " : "") + engine::to_string(import.global.type);
  }
  return "";
}

struct Counts {
  uint32_t imported_functions = 0;
  uint32_t total_functions = 0;
};

Counts count_functions(const engine::Module& module) {
  Counts counts;
  for (const auto& import : module.imports())
    if (import.kind == engine::ExternKind::Function) ++counts.imported_functions;
  counts.total_functions = module.function_count();
  return counts;
}

json::Value to_json(const engine::Module& module, const json::Value* macros, const std::string& macros_error) {
  json::Value root;
  root.set("size", static_cast<uint64_t>(module.binary_size()));
  Counts counts = count_functions(module);
  json::Value functions;
  functions.set("imported", counts.imported_functions);
  functions.set("defined", counts.total_functions - counts.imported_functions);
  functions.set("total", counts.total_functions);
  root.set("functions", std::move(functions));

  json::Value& imports = root.set("imports", json::Value::array());
  for (const auto& import : module.imports()) {
    json::Value entry;
    entry.set("module", import.module);
    entry.set("name", import.name);
    entry.set("kind", engine::to_string(import.kind));
    entry.set("type", import_type_text(import));
    imports.push_back(std::move(entry));
  }
  json::Value& exports = root.set("exports", json::Value::array());
  for (const auto& exported : module.exports()) {
    json::Value entry;
    entry.set("name", exported.name);
    entry.set("kind", engine::to_string(exported.kind));
    entry.set("index", exported.index);
    if (exported.kind == engine::ExternKind::Function)
      entry.set("type", module.function_type(exported.index).to_string());
    exports.push_back(std::move(entry));
  }
  json::Value& customs = root.set("custom_sections", json::Value::array());
  for (const auto& section : module.custom_sections()) {
    json::Value entry;
    entry.set("name", section.name);
    entry.set("size", static_cast<uint64_t>(section.data.size()));
    entry.set("offset", section.offset);
    customs.push_back(std::move(entry));
  }
  if (macros) root.set("macros", *macros);
  if (!macros_error.empty()) root.set("macros_error", macros_error);
  return root;
}

void print_text(std::string_view path, const engine::Module& module, const json::Value* macros,
                const std::string& macros_error) {
  std::printf("%.*s: %zu bytes\n", static_cast<int>(path.size()), path.data(), module.binary_size());
  Counts counts = count_functions(module);
  std::printf("functions: %u (%u imported, %u defined)\n", counts.total_functions, counts.imported_functions,
              counts.total_functions - counts.imported_functions);

  std::printf("imports: %zu\n", module.imports().size());
  for (const auto& import : module.imports()) {
    std::printf("  %s.%s: %s %s\n", import.module.c_str(), import.name.c_str(), engine::to_string(import.kind),
                import_type_text(import).c_str());
  }
  std::printf("exports: %zu\n", module.exports().size());
  for (const auto& exported : module.exports()) {
    std::string type;
    if (exported.kind == engine::ExternKind::Function) type = " " + module.function_type(exported.index).to_string();
    std::printf("  %s: %s %u%s\n", exported.name.c_str(), engine::to_string(exported.kind), exported.index,
                type.c_str());
  }
  std::printf("custom sections: %zu\n", module.custom_sections().size());
  for (const auto& section : module.custom_sections())
    std::printf("  %s: %zu bytes\n", section.name.c_str(), section.data.size());
  if (macros) std::printf("macros:\n%s\n", json::write(*macros, {.pretty = true}).c_str());
  if (!macros_error.empty()) std::printf("macros: %s\n", macros_error.c_str());
}

}  // namespace

int inspect_command(Args args) {
  bool as_json = false;
  std::optional<uint32_t> disassemble;
  std::string_view path;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (arg == "--json") {
      as_json = true;
    } else if (arg == "--disassemble") {
      uint32_t index = 0;
      std::string_view text = i + 1 < args.size() ? args[i + 1] : std::string_view();
      auto [end, failure] = std::from_chars(text.data(), text.data() + text.size(), index);
      if (text.empty() || failure != std::errc() || end != text.data() + text.size()) {
        std::fprintf(stderr, "wasmacro inspect: --disassemble needs a function index, got '%.*s'\n",
                     static_cast<int>(text.size()), text.data());
        return 2;
      }
      disassemble = index;
      ++i;
    } else if (arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (arg.substr(0, 2) == "--" || !path.empty()) {
      std::fprintf(stderr, "wasmacro inspect: unexpected argument '%.*s'\n%s", static_cast<int>(arg.size()), arg.data(),
                   kUsage);
      return 2;
    } else {
      path = arg;
    }
  }
  if (path.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  std::string error;
  auto bytes = read_file(path, error);
  if (!bytes) {
    std::fprintf(stderr, "wasmacro inspect: %s\n", error.c_str());
    return 2;
  }
  auto loaded = engine::Module::load(*bytes);
  if (!loaded.ok()) {
    std::fprintf(stderr, "wasmacro inspect: %.*s: %s\n", static_cast<int>(path.size()), path.data(),
                 loaded.error().describe().c_str());
    return 2;
  }
  const engine::Module& module = **loaded;
  if (disassemble) {
    auto text = module.disassemble(*disassemble);
    if (!text.ok()) {
      std::fprintf(stderr, "wasmacro inspect: %s\n", text.error().describe().c_str());
      return 2;
    }
    std::fputs(text->c_str(), stdout);
    return 0;
  }

  // Broken metadata is reported, not fatal: the rest of the listing is what one needs to debug it.
  std::optional<json::Value> macros;
  std::string macros_error;
  if (auto section = module.custom_section(kMacroSection)) {
    std::string_view text(reinterpret_cast<const char*>(section->data()), section->size());
    auto parsed = json::parse(text);
    if (parsed.ok()) {
      macros = std::move(parsed).value();
    } else {
      macros_error = "the \"wasmacro.macros\" section is not valid JSON: " + parsed.error().describe();
    }
  }

  const json::Value* macros_value = macros ? &*macros : nullptr;
  if (as_json) {
    std::printf("%s\n", json::write(to_json(module, macros_value, macros_error), {.pretty = true}).c_str());
  } else {
    print_text(path, module, macros_value, macros_error);
  }
  if (!macros_error.empty()) {
    std::fprintf(stderr, "wasmacro inspect: %s\n", macros_error.c_str());
    return 1;
  }
  return 0;
}

}  // namespace wasmacro::cli
