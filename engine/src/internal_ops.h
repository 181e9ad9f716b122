// The interpreter's instruction set: every WebAssembly opcode (same name; most are emitted with slot
// operands, control instructions are never emitted) followed by the internal ones below.
#pragma once

#include <cstdint>

namespace wasmacro::engine::detail {

// clang-format off
#define WASMACRO_INTERNAL_OPS(X) \
  X(Copy)        /* dst, src */                                   \
  X(BrIfNot)     /* cond, rel */                                  \
  X(Fuel)        /* amount */                                     \
  X(ReturnN)     /* count, first source slot */                   \
  X(Invalid)
// clang-format on

enum class InternalOp : uint32_t {
#define WASMACRO_OPCODE(name, prefix, code, text, imm, sig, bytes) name,
#include "opcodes.def"
#undef WASMACRO_OPCODE
#define WASMACRO_X(name) name,
  WASMACRO_INTERNAL_OPS(WASMACRO_X)
#undef WASMACRO_X
      Count
};

}  // namespace wasmacro::engine::detail
