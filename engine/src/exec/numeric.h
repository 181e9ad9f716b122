// The semantics of WebAssembly's numeric instructions, written once and used by every dispatch
// backend. https://webassembly.github.io/spec/core/exec/numerics.html
//
// Determinism: every arithmetic operation that produces a NaN produces the canonical NaN with a
// positive sign (0x7fc00000 / 0x7ff8000000000000). abs, neg and copysign only touch the sign bit
// and so keep payloads, as the spec requires. docs/engine.md states the rule.
#pragma once

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace wasmacro::engine::detail::numeric {

inline constexpr uint32_t kCanonicalNan32 = 0x7fc00000u;
inline constexpr uint64_t kCanonicalNan64 = 0x7ff8000000000000ull;

inline uint32_t f32_bits(float value) {
  return std::isnan(value) ? kCanonicalNan32 : std::bit_cast<uint32_t>(value);
}
inline uint64_t f64_bits(double value) {
  return std::isnan(value) ? kCanonicalNan64 : std::bit_cast<uint64_t>(value);
}
inline float f32(uint32_t bits) { return std::bit_cast<float>(bits); }
inline double f64(uint64_t bits) { return std::bit_cast<double>(bits); }

template <typename F>
F wasm_min(F a, F b) {
  if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<F>::quiet_NaN();
  if (a == b) return std::signbit(a) ? a : b;  // min(-0, +0) is -0
  return a < b ? a : b;
}
template <typename F>
F wasm_max(F a, F b) {
  if (std::isnan(a) || std::isnan(b)) return std::numeric_limits<F>::quiet_NaN();
  if (a == b) return std::signbit(a) ? b : a;
  return a > b ? a : b;
}
// Round to nearest, ties to even, independent of the current rounding mode.
template <typename F>
F wasm_nearest(F value) {
  if (!std::isfinite(value) || value == 0) return value;
  F rounded = std::round(value);  // ties away from zero
  if (std::fabs(value - std::trunc(value)) == F(0.5)) rounded = F(2) * std::round(value / F(2));
  return std::copysign(rounded, value);
}

inline uint32_t abs32(uint32_t bits) { return bits & 0x7fffffffu; }
inline uint32_t neg32(uint32_t bits) { return bits ^ 0x80000000u; }
inline uint32_t copysign32(uint32_t a, uint32_t b) { return (a & 0x7fffffffu) | (b & 0x80000000u); }
inline uint64_t abs64(uint64_t bits) { return bits & 0x7fffffffffffffffull; }
inline uint64_t neg64(uint64_t bits) { return bits ^ 0x8000000000000000ull; }
inline uint64_t copysign64(uint64_t a, uint64_t b) {
  return (a & 0x7fffffffffffffffull) | (b & 0x8000000000000000ull);
}

// Float-to-integer conversions. The range check is made on the truncated value, which is exact.
enum class TruncStatus { Ok, Nan, Overflow };

template <typename I, typename F>
TruncStatus trunc_checked(F value, I& out) {
  if (std::isnan(value)) return TruncStatus::Nan;
  constexpr bool is_signed = std::numeric_limits<I>::is_signed;
  constexpr int bits = std::numeric_limits<I>::digits + (is_signed ? 1 : 0);
  // 2^(bits-1) for signed, 2^bits for unsigned: exact in both float and double.
  const F upper = is_signed ? std::ldexp(F(1), bits - 1) : std::ldexp(F(1), bits);
  const F lower = is_signed ? -upper : F(0);
  const F truncated = std::trunc(value);
  if (!(truncated >= lower && truncated < upper)) return TruncStatus::Overflow;
  out = static_cast<I>(truncated);
  return TruncStatus::Ok;
}

template <typename I, typename F>
I trunc_saturating(F value) {
  if (std::isnan(value)) return 0;
  I out;
  if (trunc_checked<I>(value, out) == TruncStatus::Ok) return out;
  return value < 0 ? std::numeric_limits<I>::min() : std::numeric_limits<I>::max();
}

}  // namespace wasmacro::engine::detail::numeric
