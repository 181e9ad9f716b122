#include "wasmacro/toolchain/metadata.h"

#include "wasmacro/common/json.h"

namespace wasmacro::toolchain {

namespace json = common::json;

std::string_view kind_name(MacroKind kind) {
  switch (kind) {
    case MacroKind::Derive: return "derive";
    case MacroKind::Attribute: return "attribute";
    case MacroKind::Function: return "function";
  }
  return "derive";
}

std::string metadata_json(const CrateInfo& crate, const std::vector<MacroInfo>& macros) {
  // Keys in sorted order at every level: the JSON is canonical, so equal metadata means equal bytes.
  json::Value features = json::Value::array();
  for (const auto& f : crate.features) features.push_back(f);
  json::Value crate_obj = json::Value::object();
  crate_obj.set("features", std::move(features));
  crate_obj.set("name", crate.name);
  crate_obj.set("version", crate.version);
  json::Value list = json::Value::array();
  for (const auto& m : macros) {
    json::Value attrs = json::Value::array();
    for (const auto& a : m.attributes) attrs.push_back(a);
    json::Value entry = json::Value::object();
    entry.set("attributes", std::move(attrs));
    entry.set("export", m.export_name);
    entry.set("kind", std::string(kind_name(m.kind)));
    entry.set("name", m.name);
    list.push_back(std::move(entry));
  }
  json::Value root = json::Value::object();
  root.set("abi", kAbiVersion);
  root.set("crate", std::move(crate_obj));
  root.set("macros", std::move(list));
  return json::write(root);
}

namespace {

void put_leb128(std::vector<uint8_t>& out, uint64_t v) {
  do {
    uint8_t byte = v & 0x7f;
    v >>= 7;
    out.push_back(static_cast<uint8_t>(byte | (v != 0 ? 0x80 : 0)));
  } while (v != 0);
}

}  // namespace

void append_custom_section(std::vector<uint8_t>& module, std::string_view name, std::string_view payload) {
  std::vector<uint8_t> body;
  put_leb128(body, name.size());
  body.insert(body.end(), name.begin(), name.end());
  body.insert(body.end(), payload.begin(), payload.end());
  module.push_back(0);  // custom section id
  put_leb128(module, body.size());
  module.insert(module.end(), body.begin(), body.end());
}

}  // namespace wasmacro::toolchain
