// Module: the public face of a decoded and validated ModuleIR.
#include "demangle.h"
#include "module_ir.h"
#include "translator.h"  // CompiledFunction must be complete where ModuleIR is created

namespace wasmacro::engine {

Module::Module() = default;
Module::~Module() = default;

Result<std::shared_ptr<const Module>> Module::load(std::span<const uint8_t> bytes, const LoadOptions& options) {
  auto ir = std::make_unique<detail::ModuleIR>();
  ir->bytes.assign(bytes.begin(), bytes.end());
  WASMACRO_TRY(detail::decode_module(*ir, options));
  std::shared_ptr<Module> module(new Module());
  module->ir_ = std::move(ir);
  return std::shared_ptr<const Module>(std::move(module));
}

const std::vector<ImportInfo>& Module::imports() const { return ir_->imports; }
const std::vector<ExportInfo>& Module::exports() const { return ir_->exports; }
const std::vector<CustomSection>& Module::custom_sections() const { return ir_->customs; }

std::optional<std::span<const uint8_t>> Module::custom_section(std::string_view name) const {
  for (const auto& section : ir_->customs)
    if (section.name == name) return section.data;
  return std::nullopt;
}

size_t Module::binary_size() const { return ir_->bytes.size(); }

uint32_t Module::function_count() const { return static_cast<uint32_t>(ir_->function_types.size()); }

FuncType Module::function_type(uint32_t function_index) const {
  if (function_index >= ir_->function_types.size()) return {};
  return ir_->function_type(function_index);
}

std::string Module::function_name(uint32_t function_index) const {
  auto it = ir_->function_names.find(function_index);
  if (it == ir_->function_names.end()) return {};
  return demangle_rust(it->second);
}

uint32_t Module::translated_function_count() const { return ir_->translated_count.load(std::memory_order_relaxed); }

}  // namespace wasmacro::engine
