// Arbitrary bytes as a module binary: decoding and validation must refuse or accept, never crash.
#include <cstddef>
#include <cstdint>
#include <span>

#include "wasmacro/engine/engine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wasmacro::engine;
  auto module = Module::load(std::span<const uint8_t>(data, size));
  if (!module.ok()) {
    (void)module.error().describe();
    return 0;
  }
  // Walk what a successful load exposes, the name section's demangled names included.
  const Module& loaded = **module;
  for (const ImportInfo& import : loaded.imports()) (void)import.function.to_string();
  for (const ExportInfo& export_info : loaded.exports()) (void)export_info.name.size();
  for (const CustomSection& section : loaded.custom_sections()) (void)loaded.custom_section(section.name);
  for (uint32_t i = 0; i < loaded.function_count() && i < 1000; ++i) {
    (void)loaded.function_type(i).to_string();
    (void)loaded.function_name(i);
  }
  return 0;
}
