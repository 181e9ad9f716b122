// Bounds-checked reading of the WebAssembly binary format's primitives
// (https://webassembly.github.io/spec/core/binary/values.html). Every failure is a Malformed error
// carrying the absolute byte offset.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#include "wasmacro/engine/result.h"

namespace wasmacro::engine::detail {

class BinaryReader {
 public:
  // `base_offset` is the absolute offset of bytes[0] within the module, for error messages.
  explicit BinaryReader(std::span<const uint8_t> bytes, uint64_t base_offset = 0)
      : bytes_(bytes), base_offset_(base_offset) {}

  size_t position() const { return pos_; }
  uint64_t offset() const { return base_offset_ + pos_; }
  size_t remaining() const { return bytes_.size() - pos_; }
  bool at_end() const { return pos_ == bytes_.size(); }
  std::span<const uint8_t> bytes() const { return bytes_; }
  void seek(size_t position) { pos_ = position; }

  Result<uint8_t> u8();
  Result<uint32_t> u32();  // unsigned LEB128, at most 5 bytes, unused bits zero
  Result<int32_t> s32();   // signed LEB128, at most 5 bytes, unused bits a sign extension
  Result<int64_t> s33();   // block types
  Result<int64_t> s64();
  Result<uint32_t> f32_bits();
  Result<uint64_t> f64_bits();
  Result<std::span<const uint8_t>> bytes(size_t count);
  Result<std::string_view> name();  // u32 length + UTF-8, validated

  Error malformed(std::string message) const { return malformed_at(offset(), std::move(message)); }
  static Error malformed_at(uint64_t offset, std::string message);

 private:
  Result<uint64_t> unsigned_leb(unsigned max_bits, const char* what);
  Result<int64_t> signed_leb(unsigned max_bits, const char* what);

  std::span<const uint8_t> bytes_;
  uint64_t base_offset_ = 0;
  size_t pos_ = 0;
};

bool is_valid_utf8(std::string_view text);

}  // namespace wasmacro::engine::detail
