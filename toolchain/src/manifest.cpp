// Line-based on purpose: the manifest keeps its formatting, comments and order, and only the
// `proc-macro = true` line changes. Manifests that need more than that (workspace inheritance) are
// refused with a message rather than guessed at.

#include "manifest.h"

#include <sstream>
#include <string_view>

namespace wasmacro::toolchain {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// `key = value` with a bare key; returns false for anything else.
bool split_key_value(std::string_view line, std::string_view& key, std::string_view& value) {
  size_t eq = line.find('=');
  if (eq == std::string_view::npos) return false;
  key = trim(line.substr(0, eq));
  value = trim(line.substr(eq + 1));
  if (size_t hash = value.find(" #"); hash != std::string_view::npos) value = trim(value.substr(0, hash));
  return !key.empty();
}

std::string unquote(std::string_view v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    return std::string(v.substr(1, v.size() - 2));
  }
  return std::string(v);
}

}  // namespace

Result<StagedManifest> stage_manifest(const std::string& manifest) {
  StagedManifest staged;
  staged.lib_path = "src/lib.rs";
  std::stringstream in(manifest);
  std::string line;
  std::string table;
  bool replaced = false;
  bool has_workspace = false;
  while (std::getline(in, line)) {
    std::string_view t = trim(line);
    if (!t.empty() && t.front() == '[') {
      std::string_view header = t.substr(0, t.find('#'));
      header = trim(header);
      while (!header.empty() && header.front() == '[') header.remove_prefix(1);
      while (!header.empty() && header.back() == ']') header.remove_suffix(1);
      table = std::string(trim(header));
      if (table == "workspace") has_workspace = true;
      staged.text += line + "\n";
      continue;
    }
    std::string_view key, value;
    if (!t.empty() && t.front() != '#' && split_key_value(t, key, value)) {
      if (key.find("workspace") != std::string_view::npos && value.rfind("true", 0) == 0) {
        return Error{"Cargo.toml inherits `" + std::string(key) +
                     "` from a workspace; staging copies one crate, so give the value in the crate's own "
                     "Cargo.toml"};
      }
      if (value.find("workspace") != std::string_view::npos && value.find("true") != std::string_view::npos &&
          value.front() == '{') {
        return Error{"Cargo.toml inherits `" + std::string(key) + "` from a workspace (`" + std::string(value) +
                     "`); staging copies one crate, so give the value in the crate's own Cargo.toml"};
      }
      if (table == "package" && key == "name") staged.package_name = unquote(value);
      if (table == "lib" && key == "path") staged.lib_path = unquote(value);
      if (table == "lib" && (key == "proc-macro" || key == "proc_macro")) {
        if (value != "true") return Error{"Cargo.toml has `" + std::string(t) + "`: not a proc-macro crate"};
        staged.text += "crate-type = [\"cdylib\"]  # staged by wasmacro build (was a proc-macro)\n";
        replaced = true;
        continue;
      }
    }
    staged.text += line + "\n";
  }
  if (!replaced) return Error{"Cargo.toml has no `[lib] proc-macro = true`: not a proc-macro crate"};
  if (staged.package_name.empty()) return Error{"Cargo.toml has no [package] name"};
  // Its own workspace, so that cargo never wanders into a parent folder's manifest.
  if (!has_workspace) staged.text += "\n[workspace]\n";
  return staged;
}

}  // namespace wasmacro::toolchain
