#include "value_text.h"

#include <bit>
#include <charconv>
#include <cinttypes>
#include <cstdio>
#include <system_error>

namespace wasmacro::cli {

using engine::ValType;
using engine::Value;

namespace {

bool parse_unsigned(std::string_view text, uint64_t& value) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  }
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  return ec == std::errc() && end == text.data() + text.size();
}

std::optional<uint64_t> parse_integer(std::string_view text, unsigned bits) {
  bool negative = !text.empty() && text[0] == '-';
  if (negative || (!text.empty() && text[0] == '+')) text.remove_prefix(1);
  uint64_t magnitude;
  if (!parse_unsigned(text, magnitude)) return std::nullopt;
  uint64_t unsigned_max = bits == 64 ? UINT64_MAX : (uint64_t{1} << bits) - 1;
  if (negative) {
    uint64_t limit = uint64_t{1} << (bits - 1);  // magnitude of the most negative value
    if (magnitude > limit) return std::nullopt;
    return (0 - magnitude) & unsigned_max;
  }
  if (magnitude > unsigned_max) return std::nullopt;
  return magnitude;
}

// Returns the bits of a float of `Bits` width. Handles nan:0xPAYLOAD, which from_chars does not know.
template <typename Float, typename Bits>
std::optional<Bits> parse_float(std::string_view text) {
  constexpr int kMantissaBits = sizeof(Float) == 4 ? 23 : 52;
  constexpr Bits kExponentMask = static_cast<Bits>(sizeof(Float) == 4 ? 0x7f800000ull : 0x7ff0000000000000ull);
  constexpr Bits kMantissaMask = (Bits{1} << kMantissaBits) - 1;
  constexpr Bits kSignBit = Bits{1} << (sizeof(Bits) * 8 - 1);
  bool negative = !text.empty() && text[0] == '-';
  if (negative || (!text.empty() && text[0] == '+')) text.remove_prefix(1);
  Bits sign = negative ? kSignBit : 0;
  if (text == "nan") return sign | kExponentMask | (Bits{1} << (kMantissaBits - 1));
  if (text.substr(0, 4) == "nan:") {
    uint64_t payload;
    if (!parse_unsigned(text.substr(4), payload) || payload == 0 || payload > kMantissaMask) return std::nullopt;
    return sign | kExponentMask | static_cast<Bits>(payload);
  }
  if (text == "inf" || text == "infinity") return sign | kExponentMask;
  auto format = std::chars_format::general;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    format = std::chars_format::hex;
    text.remove_prefix(2);
  }
  if (text.empty() || text[0] == '-' || text[0] == '+') return std::nullopt;
  Float value;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, format);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return sign | std::bit_cast<Bits>(value);
}

template <typename Float, typename Bits>
std::string format_float(Bits bits) {
  constexpr int kMantissaBits = sizeof(Float) == 4 ? 23 : 52;
  constexpr Bits kExponentMask = static_cast<Bits>(sizeof(Float) == 4 ? 0x7f800000ull : 0x7ff0000000000000ull);
  constexpr Bits kMantissaMask = (Bits{1} << kMantissaBits) - 1;
  constexpr Bits kSignBit = Bits{1} << (sizeof(Bits) * 8 - 1);
  std::string sign = (bits & kSignBit) ? "-" : "";
  if ((bits & kExponentMask) == kExponentMask && (bits & kMantissaMask) != 0) {
    Bits payload = bits & kMantissaMask;
    if (payload == (Bits{1} << (kMantissaBits - 1))) return sign + "nan";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "nan:0x%" PRIx64, static_cast<uint64_t>(payload));
    return sign + buffer;
  }
  if ((bits & kExponentMask) == kExponentMask) return sign + "inf";
  char buffer[64];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, std::bit_cast<Float>(bits));
  return std::string(buffer, end);
}

}  // namespace

std::optional<Value> parse_value(ValType type, std::string_view text, std::string& error) {
  auto fail = [&](const char* what) -> std::optional<Value> {
    error = "'" + std::string(text) + "' is not " + what;
    return std::nullopt;
  };
  switch (type) {
    case ValType::I32:
      if (auto bits = parse_integer(text, 32)) return Value::i32(static_cast<uint32_t>(*bits));
      return fail("an i32 (decimal or 0x hex, -2147483648 to 4294967295)");
    case ValType::I64:
      if (auto bits = parse_integer(text, 64)) return Value::i64(*bits);
      return fail("an i64 (decimal or 0x hex)");
    case ValType::F32:
      if (auto bits = parse_float<float, uint32_t>(text)) return Value::f32_bits(*bits);
      return fail("an f32 (decimal, 0x hex-float, inf, nan or nan:0xPAYLOAD)");
    case ValType::F64:
      if (auto bits = parse_float<double, uint64_t>(text)) return Value::f64_bits(*bits);
      return fail("an f64 (decimal, 0x hex-float, inf, nan or nan:0xPAYLOAD)");
    case ValType::FuncRef:
    case ValType::ExternRef:
      if (text == "null") return Value::from_bits(type, engine::kNullRef);
      return fail("a reference argument (only null can be given)");
  }
  return fail("a known value type");
}

std::string format_value(const Value& value) {
  switch (value.type) {
    case ValType::I32: return std::to_string(static_cast<int32_t>(value.as_i32()));
    case ValType::I64: return std::to_string(static_cast<int64_t>(value.as_i64()));
    case ValType::F32: return format_float<float, uint32_t>(value.as_i32());
    case ValType::F64: return format_float<double, uint64_t>(value.as_i64());
    case ValType::FuncRef:
    case ValType::ExternRef: {
      if (value.as_ref() == engine::kNullRef) return "null";
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "ref:0x%" PRIxPTR, value.as_ref());
      return buffer;
    }
  }
  return "?";
}

}  // namespace wasmacro::cli
