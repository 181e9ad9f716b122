// Arbitrary bytes through the JSON parser. What parses must write back as JSON that parses again,
// to an equal value when every number is finite.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <string_view>

#include "wasmacro/common/json.h"

namespace {

namespace json = wasmacro::common::json;

// An exponent past the double range parses to infinity, which the writer prints as null.
bool all_finite(const json::Value& value, int depth = 0) {
  if (depth > 512) return false;
  if (value.is_number()) return std::isfinite(value.as_double());
  for (const json::Value& element : value.as_array()) {
    if (!all_finite(element, depth + 1)) return false;
  }
  for (const json::Member& member : value.as_object()) {
    if (!all_finite(member.value, depth + 1)) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  json::ParseResult parsed = json::parse(text);
  if (!parsed.ok()) {
    (void)parsed.error().describe();
    return 0;
  }
  for (bool pretty : {false, true}) {
    std::string written = json::write(parsed.value(), {.pretty = pretty});
    json::ParseResult reparsed = json::parse(written);
    if (!reparsed.ok()) std::abort();
    if (all_finite(parsed.value()) && !(reparsed.value() == parsed.value())) std::abort();
  }
  return 0;
}
