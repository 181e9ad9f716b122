// The "wasmacro.macros" custom section every guest module carries (docs/abi.md, "Metadata").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wasmacro::toolchain {

inline constexpr std::string_view kMetadataSection = "wasmacro.macros";
inline constexpr int kAbiVersion = 2;

enum class MacroKind { Derive, Attribute, Function };
std::string_view kind_name(MacroKind kind);  // "derive", "attribute", "function"

struct MacroInfo {
  std::string name;                     // derive name, or the function's name
  MacroKind kind = MacroKind::Derive;
  std::string export_name;              // the guest export that expands it
  std::vector<std::string> attributes;  // derive helper attributes, in declaration order
};

struct CrateInfo {
  std::string name;
  std::string version;
  std::vector<std::string> features;  // enabled features of the macro crate itself, sorted
};

// Canonical JSON: fixed key order (sorted), no whitespace.
std::string metadata_json(const CrateInfo& crate, const std::vector<MacroInfo>& macros);

// Appends a custom section to a complete wasm module.
void append_custom_section(std::vector<uint8_t>& module, std::string_view name, std::string_view payload);

}  // namespace wasmacro::toolchain
