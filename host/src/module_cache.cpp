// Macro modules are loaded once per process: the cache maps a content hash to the decoded module, and
// a hit is confirmed byte for byte so that a hash collision can never run the wrong code.
#include <cstring>
#include <mutex>
#include <unordered_map>

#include "abi_imports.h"
#include "wasmacro/engine/engine.h"
#include "wasmacro/host/host.h"

namespace wasmacro::host {
namespace {

struct CacheEntry {
  std::vector<uint8_t> bytes;
  std::shared_ptr<const MacroModule> module;
};

std::mutex& cache_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::unordered_map<uint64_t, CacheEntry>& cache() {
  static auto* entries = new std::unordered_map<uint64_t, CacheEntry>();  // never destroyed: rustc may
  return *entries;  // still hold modules while its statics are torn down
}

std::string describe_type(const engine::FuncType& type) { return type.to_string(); }

std::optional<Error> check_imports(const engine::Module& module) {
  std::string allowed;
  for (const auto& spec : detail::kImports) {
    if (!allowed.empty()) allowed += ", ";
    allowed += spec.name;
  }
  for (const engine::ImportInfo& import : module.imports()) {
    std::string error = "the module imports `";
    error += import.module;
    error += "`.`";
    error += import.name;
    error += "`";
    if (import.module != kImportModule || import.kind != engine::ExternKind::Function) {
      error += " (";
      error += engine::to_string(import.kind);
      error += "), which is not in the wasmacro guest ABI: a guest may import only these functions from module "
               "\"wasmacro\": ";
      error += allowed;
      return Error{std::move(error)};
    }
    const detail::ImportSpec* spec = detail::find_import(import.name);
    if (spec == nullptr) {
      error += ", which is not in the wasmacro guest ABI: a guest may import only ";
      error += allowed;
      return Error{std::move(error)};
    }
    engine::FuncType expected;
    expected.params.assign(spec->params, engine::ValType::I32);
    expected.results.assign(spec->results, engine::ValType::I32);
    if (!(import.function == expected)) {
      error += " with type ";
      error += describe_type(import.function);
      error += ", the ABI declares ";
      error += describe_type(expected);
      return Error{std::move(error)};
    }
  }
  return std::nullopt;
}

}  // namespace

uint64_t content_hash(std::span<const uint8_t> bytes) {
  // A word-at-a-time multiply-xorshift hash: fast enough to run at every process start, and only a
  // cache key (hits are confirmed by comparing bytes).
  uint64_t h = 0x9e3779b97f4a7c15ULL ^ bytes.size();
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = (h ^ w) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  for (; i < bytes.size(); ++i) h = (h ^ bytes[i]) * 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 29;
  return h;
}

const MacroInfo* MacroModule::find_macro(std::string_view name) const {
  for (const MacroInfo& m : metadata_.macros) {
    if (m.name == name || m.export_name == name) return &m;
  }
  return nullptr;
}

Result<std::shared_ptr<const MacroModule>> MacroModule::load(std::span<const uint8_t> bytes) {
  uint64_t hash = host::content_hash(bytes);
  {
    std::lock_guard lock(cache_mutex());
    auto it = cache().find(hash);
    if (it != cache().end() && it->second.bytes.size() == bytes.size() &&
        std::memcmp(it->second.bytes.data(), bytes.data(), bytes.size()) == 0) {
      return it->second.module;
    }
  }
  // Decoding happens outside the lock: two threads may both decode the same module once, and the first
  // one to finish wins the cache slot.
  auto decoded = engine::Module::load(bytes);
  if (!decoded.ok()) return Error{"not a valid WebAssembly module: " + decoded.error().describe()};
  std::shared_ptr<const engine::Module> engine_module = std::move(decoded).value();
  if (auto error = check_imports(*engine_module)) return *error;

  auto module = std::make_shared<MacroModule>();
  module->module_ = engine_module;
  module->hash_ = hash;
  if (auto section = engine_module->custom_section(kMetadataSection)) {
    auto metadata = parse_metadata(*section);
    if (!metadata.ok()) return metadata.error();
    module->metadata_ = std::move(metadata).value();
  } else {
    return Error{"the module has no \"wasmacro.macros\" metadata section: it was not built by `wasmacro build`"};
  }
  for (const MacroInfo& m : module->metadata_.macros) {
    const engine::FuncType entry{{engine::ValType::I32, engine::ValType::I32}, {engine::ValType::I32}};
    bool found = false;
    for (const engine::ExportInfo& e : engine_module->exports()) {
      if (e.name == m.export_name && e.kind == engine::ExternKind::Function) {
        found = engine_module->function_type(e.index) == entry;
      }
    }
    if (!found) {
      return Error{"the metadata names macro `" + m.name + "` with export `" + m.export_name +
                   "`, which the module does not export as a function (i32, i32) -> (i32)"};
    }
  }
  bool has_alloc = false, has_memory = false;
  for (const engine::ExportInfo& e : engine_module->exports()) {
    if (e.name == "wasmacro_alloc" && e.kind == engine::ExternKind::Function) has_alloc = true;
    if (e.name == "memory" && e.kind == engine::ExternKind::Memory) has_memory = true;
  }
  if (!has_alloc || !has_memory) return Error{"the module does not export `wasmacro_alloc` and `memory`, which the guest ABI requires"};

  std::lock_guard lock(cache_mutex());
  auto [it, inserted] = cache().try_emplace(hash);
  if (inserted || it->second.bytes.size() != bytes.size() ||
      std::memcmp(it->second.bytes.data(), bytes.data(), bytes.size()) != 0) {
    it->second.bytes.assign(bytes.begin(), bytes.end());
    it->second.module = module;
  }
  return it->second.module;
}

}  // namespace wasmacro::host
