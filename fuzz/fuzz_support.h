// What the engine fuzz targets share: small limits, so that no input can hang or exhaust the fuzzer,
// and dummy imports built from a module's own import list.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "wasmacro/engine/engine.h"

namespace wasmacro::fuzz {

inline constexpr uint64_t kFuelPerCall = 200'000;

inline engine::StoreLimits small_limits() {
  engine::StoreLimits limits;
  limits.fuel = kFuelPerCall;
  limits.max_memory_pages = 64;  // 4 MiB
  limits.max_table_elements = 10'000;
  limits.max_call_depth = 500;
  limits.max_stack_slots = 1 << 16;
  return limits;
}

inline std::vector<engine::Value> zero_values(const std::vector<engine::ValType>& types) {
  std::vector<engine::Value> values;
  values.reserve(types.size());
  for (engine::ValType type : types) values.push_back(engine::Value::zero(type));
  return values;
}

// One extern per import, of the imported type, doing nothing. nullopt when the store refuses to
// create one (a declared size past the store's caps), which the caller treats as "cannot link".
inline std::optional<std::vector<engine::Extern>> dummy_imports(engine::Store& store, const engine::Module& module) {
  std::vector<engine::Extern> externs;
  for (const engine::ImportInfo& import : module.imports()) {
    switch (import.kind) {
      case engine::ExternKind::Function: {
        auto callback = [](engine::HostContext&, std::span<const engine::Value>,
                           std::span<engine::Value> results) -> std::optional<engine::Trap> {
          for (engine::Value& result : results) result.bits = 0;
          return std::nullopt;
        };
        externs.emplace_back(store.create_host_function(import.function, callback, "fuzz.dummy"));
        break;
      }
      case engine::ExternKind::Table: {
        auto table = store.create_table(import.table);
        if (!table.ok()) return std::nullopt;
        externs.emplace_back(*table);
        break;
      }
      case engine::ExternKind::Memory: {
        auto memory = store.create_memory(import.memory);
        if (!memory.ok()) return std::nullopt;
        externs.emplace_back(*memory);
        break;
      }
      case engine::ExternKind::Global: {
        auto global = store.create_global(import.global, engine::Value::zero(import.global.type));
        if (!global.ok()) return std::nullopt;
        externs.emplace_back(*global);
        break;
      }
    }
  }
  return externs;
}

// Loads and instantiates; nullptr when either step refuses the module.
inline engine::Instance* instantiate(engine::Store& store, std::span<const uint8_t> bytes) {
  auto module = engine::Module::load(bytes);
  if (!module.ok()) return nullptr;
  auto imports = dummy_imports(store, **module);
  if (!imports) return nullptr;
  auto instance = store.instantiate(*module, *imports);
  return instance.ok() ? *instance : nullptr;
}

// Calls `function` with zero arguments and a fresh fuel budget; traps are expected outcomes.
inline void call_with_zeros(engine::Store& store, engine::Function* function) {
  if (function == nullptr) return;
  store.set_fuel(kFuelPerCall);
  std::vector<engine::Value> args = zero_values(function->type().params);
  std::vector<engine::Value> results;
  std::optional<engine::Trap> trap = store.call(function, args, results);
  if (trap) (void)trap->describe();
}

}  // namespace wasmacro::fuzz
