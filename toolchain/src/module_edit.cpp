#include "module_edit.h"

#include <string>

namespace wasmacro::toolchain {
namespace {

struct Reader {
  const std::vector<uint8_t>& bytes;
  size_t pos;
  size_t end;

  bool leb(uint64_t& value) {
    value = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
      if (pos >= end) return false;
      uint8_t b = bytes[pos++];
      value |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return true;
    }
    return false;
  }
};

void put_leb(std::vector<uint8_t>& out, uint64_t v) {
  do {
    uint8_t byte = v & 0x7f;
    v >>= 7;
    out.push_back(static_cast<uint8_t>(byte | (v != 0 ? 0x80 : 0)));
  } while (v != 0);
}

constexpr uint8_t kExportSection = 7;

}  // namespace

Status remove_exports_with_prefix(std::vector<uint8_t>& module, std::string_view prefix) {
  if (module.size() < 8) return Error{"the linked module is truncated"};
  Reader r{module, 8, module.size()};
  while (r.pos < module.size()) {
    size_t section_start = r.pos;
    uint8_t id = module[r.pos++];
    uint64_t size = 0;
    if (!r.leb(size) || size > module.size() - r.pos) return Error{"malformed section in the linked module"};
    size_t body = r.pos;
    size_t body_end = body + size;
    if (id != kExportSection) {
      r.pos = body_end;
      continue;
    }
    Reader e{module, body, body_end};
    uint64_t count = 0;
    if (!e.leb(count)) return Error{"malformed export section"};
    std::vector<uint8_t> kept_entries;
    uint64_t kept = 0;
    for (uint64_t i = 0; i < count; ++i) {
      size_t entry_start = e.pos;
      uint64_t name_len = 0;
      if (!e.leb(name_len) || name_len > body_end - e.pos) return Error{"malformed export name"};
      std::string_view name(reinterpret_cast<const char*>(module.data() + e.pos), name_len);
      e.pos += name_len;
      uint64_t index = 0;
      if (e.pos >= body_end) return Error{"malformed export"};
      ++e.pos;  // kind
      if (!e.leb(index)) return Error{"malformed export index"};
      if (name.substr(0, prefix.size()) == prefix) continue;
      kept_entries.insert(kept_entries.end(), module.begin() + static_cast<std::ptrdiff_t>(entry_start),
                          module.begin() + static_cast<std::ptrdiff_t>(e.pos));
      ++kept;
    }
    std::vector<uint8_t> new_body;
    put_leb(new_body, kept);
    new_body.insert(new_body.end(), kept_entries.begin(), kept_entries.end());
    std::vector<uint8_t> section{kExportSection};
    put_leb(section, new_body.size());
    section.insert(section.end(), new_body.begin(), new_body.end());
    module.erase(module.begin() + static_cast<std::ptrdiff_t>(section_start),
                 module.begin() + static_cast<std::ptrdiff_t>(body_end));
    module.insert(module.begin() + static_cast<std::ptrdiff_t>(section_start), section.begin(), section.end());
    return {};
  }
  return {};
}

}  // namespace wasmacro::toolchain
