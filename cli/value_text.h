// Typed values as a person types and reads them on the command line.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "wasmacro/engine/value.h"

namespace wasmacro::cli {

// i32/i64: decimal or 0x hex, with an optional minus sign; both the signed and the unsigned range are
// accepted. f32/f64: decimal or 0x hex-float, inf, nan, or nan:0xPAYLOAD, each with an optional sign.
// funcref/externref: only null. Returns nullopt with `error` set when the text does not fit the type.
std::optional<engine::Value> parse_value(engine::ValType type, std::string_view text, std::string& error);

// Integers as signed decimal; floats in the shortest decimal form that reads back to the same bits
// (nan with a non-canonical payload as nan:0x...); references as null or ref:0x....
std::string format_value(const engine::Value& value);

}  // namespace wasmacro::cli
