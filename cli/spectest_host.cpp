#include "spectest_host.h"

#include <cstdio>

namespace wasmacro::cli {

using engine::Extern;
using engine::ValType;

void ImportRegistry::add(const std::string& module_name, const std::string& field, Extern value) {
  modules_[module_name][field] = value;
}

void ImportRegistry::add_instance(const std::string& module_name, const engine::Instance& instance) {
  // Registering again under the same name replaces the earlier instance's exports, as in the
  // reference interpreter.
  auto& fields = modules_[module_name];
  fields.clear();
  for (const auto& exported : instance.module().exports()) {
    if (auto value = instance.find_export(exported.name)) fields[exported.name] = *value;
  }
}

engine::Result<std::vector<Extern>> ImportRegistry::resolve(const engine::Module& module) const {
  std::vector<Extern> externs;
  for (const auto& import : module.imports()) {
    auto found_module = modules_.find(import.module);
    const Extern* value = nullptr;
    if (found_module != modules_.end()) {
      auto found = found_module->second.find(import.name);
      if (found != found_module->second.end()) value = &found->second;
    }
    if (!value) {
      engine::Error error;
      error.kind = engine::ErrorKind::Link;
      error.message =
          "unknown import `" + import.module + "`.`" + import.name + "` (" + engine::to_string(import.kind) + ")";
      return error;
    }
    externs.push_back(*value);
  }
  return externs;
}

engine::Result<void> add_spectest_module(engine::Store& store, ImportRegistry& registry, bool echo) {
  auto add_print = [&](const char* name, std::vector<ValType> params) {
    engine::FuncType type{std::move(params), {}};
    std::string debug_name = std::string("spectest.") + name;
    auto callback = [echo, debug_name](engine::HostContext&, std::span<const engine::Value> args,
                                       std::span<engine::Value>) -> std::optional<engine::Trap> {
      if (!echo) return std::nullopt;
      std::string line = "called host " + debug_name + "(";
      for (size_t i = 0; i < args.size(); ++i) line += (i ? ", " : "") + args[i].to_string();
      std::printf("%s)\n", line.c_str());
      return std::nullopt;
    };
    registry.add("spectest", name, store.create_host_function(std::move(type), callback, debug_name));
  };
  add_print("print", {});
  add_print("print_i32", {ValType::I32});
  add_print("print_i64", {ValType::I64});
  add_print("print_f32", {ValType::F32});
  add_print("print_f64", {ValType::F64});
  add_print("print_i32_f32", {ValType::I32, ValType::F32});
  add_print("print_f64_f64", {ValType::F64, ValType::F64});

  auto add_global = [&](const char* name, ValType type, engine::Value value) -> engine::Result<void> {
    auto global = store.create_global({type, false}, value);
    if (!global.ok()) return std::move(global).error();
    registry.add("spectest", name, *global);
    return {};
  };
  WASMACRO_TRY(add_global("global_i32", ValType::I32, engine::Value::i32(666)));
  WASMACRO_TRY(add_global("global_i64", ValType::I64, engine::Value::i64(666)));
  WASMACRO_TRY(add_global("global_f32", ValType::F32, engine::Value::f32(666.6f)));
  WASMACRO_TRY(add_global("global_f64", ValType::F64, engine::Value::f64(666.6)));

  auto table = store.create_table({ValType::FuncRef, {10, 20}});
  if (!table.ok()) return std::move(table).error();
  registry.add("spectest", "table", *table);
  auto memory = store.create_memory({{1, 2}});
  if (!memory.ok()) return std::move(memory).error();
  registry.add("spectest", "memory", *memory);
  return {};
}

}  // namespace wasmacro::cli
