// Translates a validated function body into the interpreter's internal form: handler indices followed
// by operands that are frame slot indices. The WebAssembly operand stack disappears: every stack
// height maps to a fixed slot, branches are resolved to relative offsets and carry the copies their
// label needs. See docs/engine.md.
#pragma once

#include <cstdint>
#include <vector>

#include "module_ir.h"

namespace wasmacro::engine::detail {

struct CompiledFunction {
  std::vector<uint32_t> code;
  uint32_t param_count = 0;
  uint32_t local_count = 0;   // declared locals after the parameters, zeroed on entry
  uint32_t frame_slots = 0;   // parameters + locals + constants + the deepest operand stack
  // Slots after the locals that hold the function's constants, copied in on entry.
  std::vector<uint64_t> constants;
  uint32_t function_index = 0;
  // (code position, binary offset) at each emitted instruction, in code order, for backtraces.
  std::vector<std::pair<uint32_t, uint32_t>> offsets;

  uint32_t binary_offset_at(uint32_t code_position) const;
};

// Returns the compiled form of a defined function, translating it on first use. Thread-safe.
// `handlers` maps each InternalOp to what the interpreter dispatches on (the distance of its handler
// from a base label); the translator writes that value in place of every op word it emitted.
const CompiledFunction* compiled_function(const ModuleIR& ir, uint32_t function_index, const int32_t* handlers);

}  // namespace wasmacro::engine::detail
