// The environment the spec test scripts run in: the standard "spectest" host module, and the
// registry of named exports that `register` fills and imports are resolved from.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "wasmacro/engine/engine.h"

namespace wasmacro::cli {

class ImportRegistry {
 public:
  void add(const std::string& module_name, const std::string& field, engine::Extern value);
  // Makes every export of `instance` importable as (module_name, export name).
  void add_instance(const std::string& module_name, const engine::Instance& instance);

  // The externs for `module`'s imports, in import order. An import nobody provides is an
  // ErrorKind::Link error naming it; whether the types match is the engine's check at instantiation.
  engine::Result<std::vector<engine::Extern>> resolve(const engine::Module& module) const;

 private:
  std::map<std::string, std::map<std::string, engine::Extern, std::less<>>, std::less<>> modules_;
};

// Creates the spectest module in `store` and adds it to `registry` as "spectest": print, print_i32,
// print_i64, print_f32, print_f64, print_i32_f32, print_f64_f64, global_i32 = 666, global_i64 = 666,
// global_f32 = 666.6, global_f64 = 666.6, table (10..20 funcref), memory (1..2 pages).
// With `echo`, the print functions write their arguments to stdout.
engine::Result<void> add_spectest_module(engine::Store& store, ImportRegistry& registry, bool echo);

}  // namespace wasmacro::cli
