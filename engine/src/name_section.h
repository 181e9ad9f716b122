// The "name" custom section: the module name and function names, used for error messages and
// backtraces. https://webassembly.github.io/spec/core/appendix/custom.html#name-section
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>

#include "binary_reader.h"

namespace wasmacro::engine::detail {

// Fills what the section names. The spec makes the name section advisory, so a malformed one is not
// an error: parsing stops at the first problem and keeps what was read before it.
inline void parse_name_section(std::span<const uint8_t> data, std::string& module_name,
                               std::unordered_map<uint32_t, std::string>& function_names) {
  BinaryReader r(data);
  while (!r.at_end()) {
    auto id = r.u8();
    if (!id) return;
    auto size = r.u32();
    if (!size || *size > r.remaining()) return;
    BinaryReader sub(r.bytes().subspan(r.position(), *size));
    r.seek(r.position() + *size);
    if (*id == 0) {
      auto name = sub.name();
      if (!name) return;
      module_name = std::string(*name);
    } else if (*id == 1) {
      auto count = sub.u32();
      if (!count) return;
      for (uint32_t i = 0; i < *count; ++i) {
        auto index = sub.u32();
        if (!index) return;
        auto name = sub.name();
        if (!name) return;
        function_names.emplace(*index, std::string(*name));
      }
    }
  }
}

}  // namespace wasmacro::engine::detail
