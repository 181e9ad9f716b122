// Typed values as the embedding API sees them. Floats are carried as bits so that NaN payloads
// survive a round trip through the API unchanged.
#pragma once

#include <bit>
#include <cstdint>
#include <string>

#include "wasmacro/engine/types.h"

namespace wasmacro::engine {

// A reference: 0 is null. A funcref holds a Function*; an externref holds an opaque host word.
using Ref = uintptr_t;
inline constexpr Ref kNullRef = 0;

struct Value {
  ValType type = ValType::I32;
  uint64_t bits = 0;

  static Value i32(uint32_t v) { return {ValType::I32, v}; }
  static Value i64(uint64_t v) { return {ValType::I64, v}; }
  static Value f32(float v) { return {ValType::F32, std::bit_cast<uint32_t>(v)}; }
  static Value f64(double v) { return {ValType::F64, std::bit_cast<uint64_t>(v)}; }
  static Value f32_bits(uint32_t v) { return {ValType::F32, v}; }
  static Value f64_bits(uint64_t v) { return {ValType::F64, v}; }
  static Value funcref(Ref v) { return {ValType::FuncRef, v}; }
  static Value externref(Ref v) { return {ValType::ExternRef, v}; }
  static Value from_bits(ValType type, uint64_t bits) { return {type, bits}; }
  static Value zero(ValType type) { return {type, 0}; }

  uint32_t as_i32() const { return static_cast<uint32_t>(bits); }
  uint64_t as_i64() const { return bits; }
  float as_f32() const { return std::bit_cast<float>(static_cast<uint32_t>(bits)); }
  double as_f64() const { return std::bit_cast<double>(bits); }
  Ref as_ref() const { return static_cast<Ref>(bits); }

  std::string to_string() const;  // "i32:42", "f64:0x1.8p+1", "funcref:null"
};

}  // namespace wasmacro::engine
