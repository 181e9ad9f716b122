#include "binary_reader.h"

namespace wasmacro::engine::detail {

Error BinaryReader::malformed_at(uint64_t offset, std::string message) {
  Error error;
  error.kind = ErrorKind::Malformed;
  error.offset = offset;
  error.message = std::move(message);
  return error;
}

Result<uint8_t> BinaryReader::u8() {
  if (pos_ >= bytes_.size()) return malformed("unexpected end of section or function");
  return bytes_[pos_++];
}

Result<uint64_t> BinaryReader::unsigned_leb(unsigned max_bits, const char* what) {
  uint64_t result = 0;
  unsigned shift = 0;
  size_t start = pos_;
  for (;;) {
    if (pos_ >= bytes_.size()) {
      pos_ = start;
      return malformed(std::string("unexpected end of section or function while reading ") + what);
    }
    uint8_t byte = bytes_[pos_++];
    unsigned bits_left = max_bits - shift;
    if (bits_left < 7) {
      // The last byte: no continuation, and the bits beyond max_bits must be zero.
      if ((byte & 0x80) != 0) return malformed_at(base_offset_ + pos_ - 1, std::string("integer representation too long in ") + what);
      if ((byte >> bits_left) != 0) return malformed_at(base_offset_ + pos_ - 1, std::string("integer too large in ") + what);
    }
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return result;
    shift += 7;
    if (shift >= max_bits) return malformed_at(base_offset_ + pos_, std::string("integer representation too long in ") + what);
  }
}

Result<int64_t> BinaryReader::signed_leb(unsigned max_bits, const char* what) {
  uint64_t result = 0;
  unsigned shift = 0;
  size_t start = pos_;
  for (;;) {
    if (pos_ >= bytes_.size()) {
      pos_ = start;
      return malformed(std::string("unexpected end of section or function while reading ") + what);
    }
    uint8_t byte = bytes_[pos_++];
    unsigned bits_left = max_bits - shift;
    if (bits_left < 7) {
      if ((byte & 0x80) != 0) return malformed_at(base_offset_ + pos_ - 1, std::string("integer representation too long in ") + what);
      // The unused high bits must all equal the sign bit (bit bits_left - 1).
      int sign_and_unused = static_cast<int8_t>(static_cast<uint8_t>(byte << 1)) >> bits_left;
      if (sign_and_unused != 0 && sign_and_unused != -1) return malformed_at(base_offset_ + pos_ - 1, std::string("integer too large in ") + what);
    }
    result |= static_cast<uint64_t>(byte & 0x7f) << shift;
    shift += 7;
    if ((byte & 0x80) == 0) {
      if (shift < 64 && (byte & 0x40) != 0) result |= ~uint64_t{0} << shift;
      return static_cast<int64_t>(result);
    }
    if (shift >= max_bits) return malformed_at(base_offset_ + pos_, std::string("integer representation too long in ") + what);
  }
}

Result<uint32_t> BinaryReader::u32() {
  auto value = unsigned_leb(32, "u32");
  if (!value) return std::move(value).error();
  return static_cast<uint32_t>(*value);
}

Result<int32_t> BinaryReader::s32() {
  auto value = signed_leb(32, "i32");
  if (!value) return std::move(value).error();
  return static_cast<int32_t>(*value);
}

Result<int64_t> BinaryReader::s33() { return signed_leb(33, "block type"); }
Result<int64_t> BinaryReader::s64() { return signed_leb(64, "i64"); }

Result<uint32_t> BinaryReader::f32_bits() {
  if (remaining() < 4) return malformed("unexpected end of section or function while reading f32");
  uint32_t bits;
  std::memcpy(&bits, bytes_.data() + pos_, 4);
  pos_ += 4;
  return bits;
}

Result<uint64_t> BinaryReader::f64_bits() {
  if (remaining() < 8) return malformed("unexpected end of section or function while reading f64");
  uint64_t bits;
  std::memcpy(&bits, bytes_.data() + pos_, 8);
  pos_ += 8;
  return bits;
}

Result<std::span<const uint8_t>> BinaryReader::bytes(size_t count) {
  if (remaining() < count) return malformed("unexpected end of section or function: " + std::to_string(count) + " bytes declared, " + std::to_string(remaining()) + " left");
  auto span = bytes_.subspan(pos_, count);
  pos_ += count;
  return span;
}

Result<std::string_view> BinaryReader::name() {
  auto length = u32();
  if (!length) return std::move(length).error();
  uint64_t start = offset();
  auto data = bytes(*length);
  if (!data) return std::move(data).error();
  std::string_view text(reinterpret_cast<const char*>(data->data()), data->size());
  if (!is_valid_utf8(text)) return malformed_at(start, "malformed UTF-8 encoding in name");
  return text;
}

bool is_valid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    uint32_t cp;
    if ((c & 0xe0) == 0xc0) { len = 2; cp = c & 0x1f; }
    else if ((c & 0xf0) == 0xe0) { len = 3; cp = c & 0x0f; }
    else if ((c & 0xf8) == 0xf0) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return false;
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += len;
  }
  return true;
}

}  // namespace wasmacro::engine::detail
