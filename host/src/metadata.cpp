// The "wasmacro.macros" section: JSON written by `wasmacro build` (docs/abi.md, "Metadata").
#include <string>

#include "wasmacro/common/json.h"
#include "wasmacro/host/host.h"

namespace wasmacro::host {

namespace json = common::json;

const char* to_string(MacroKind kind) {
  switch (kind) {
    case MacroKind::Derive: return "derive";
    case MacroKind::Attribute: return "attribute";
    case MacroKind::Function: return "function";
  }
  return "?";
}

namespace {

std::optional<MacroKind> parse_kind(const std::string& text) {
  if (text == "derive") return MacroKind::Derive;
  if (text == "attribute") return MacroKind::Attribute;
  if (text == "function" || text == "function-like" || text == "bang") return MacroKind::Function;
  return std::nullopt;
}

// The crate's identity sits under "crate"; flat "crate_name"-style keys are accepted too.
const json::Value& crate_field(const json::Value& root, const std::string& key) {
  if (const json::Value* c = root.find("crate"); c && c->is_object()) {
    if (const json::Value* v = c->find(key)) return *v;
  }
  return root["crate_" + key];
}

}  // namespace

Result<Metadata> parse_metadata(std::span<const uint8_t> section) {
  std::string_view text(reinterpret_cast<const char*>(section.data()), section.size());
  auto parsed = json::parse(text);
  if (!parsed.ok()) return Error{"the \"wasmacro.macros\" section is not valid JSON: " + parsed.error().describe()};
  const json::Value& root = parsed.value();
  Metadata metadata;
  metadata.json = std::string(text);
  if (auto version = root["abi"].as_int64(); version && *version != static_cast<int64_t>(kAbiVersion)) {
    return Error{"the module speaks guest ABI version " + std::to_string(*version) + ", this host speaks version " +
                 std::to_string(kAbiVersion)};
  }
  metadata.crate_name = crate_field(root, "name").as_string();
  metadata.crate_version = crate_field(root, "version").as_string();
  for (const json::Value& f : crate_field(root, "features").as_array()) metadata.features.push_back(f.as_string());
  if (!root["macros"].is_array()) return Error{"the \"wasmacro.macros\" section has no \"macros\" array"};
  for (const json::Value& m : root["macros"].as_array()) {
    MacroInfo info;
    info.name = m["name"].as_string();
    auto kind = parse_kind(m["kind"].as_string());
    if (info.name.empty() || !kind) {
      return Error{"a macro in the \"wasmacro.macros\" section lacks a name or a kind (derive, attribute, function)"};
    }
    info.kind = *kind;
    info.function = m["function"].as_string();
    info.export_name = m["export"].as_string();
    if (info.export_name.empty()) info.export_name = "__wasmacro_" + info.name;
    for (const json::Value& a : m["attributes"].as_array()) info.attributes.push_back(a.as_string());
    metadata.macros.push_back(std::move(info));
  }
  return metadata;
}

}  // namespace wasmacro::host
