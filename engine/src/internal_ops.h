// The interpreter's instruction set: every WebAssembly opcode (same name; most are emitted with slot
// operands, control instructions are never emitted) followed by the internal ones below.
#pragma once

#include <cstdint>

#include "opcode.h"

namespace wasmacro::engine::detail {

// clang-format off
#define WASMACRO_INTERNAL_OPS(X) \
  X(Copy)        /* dst, src */                                   \
  X(BrIfNot)     /* cond, rel */                                  \
  X(Fuel)        /* amount */                                     \
  X(ReturnN)     /* count, first source slot */                   \
  X(Return1)     /* source slot */                                \
  X(Invalid)
// clang-format on

enum class InternalOp : uint32_t {
#define WASMACRO_OPCODE(name, prefix, code, text, imm, sig, bytes) name,
#include "opcodes.def"
#undef WASMACRO_OPCODE
#define WASMACRO_X(name) name,
  WASMACRO_INTERNAL_OPS(WASMACRO_X)
#undef WASMACRO_X
// Comparisons fused with the branch that consumes them: a, b, rel.
#define WASMACRO_COMPARE(name, type, expr) BrIf##name, BrUnless##name,
#include "exec/compare_ops.def"
#undef WASMACRO_COMPARE
      Count
};

// The fused branch for a comparison followed by br_if (`when_true`) or if (`!when_true`), if any.
inline bool fused_branch(Opcode compare, bool when_true, InternalOp& out) {
  switch (compare) {
#define WASMACRO_COMPARE(name, type, expr) \
  case Opcode::name:                       \
    out = when_true ? InternalOp::BrIf##name : InternalOp::BrUnless##name; \
    return true;
#include "exec/compare_ops.def"
#undef WASMACRO_COMPARE
    default:
      return false;
  }
}

}  // namespace wasmacro::engine::detail
