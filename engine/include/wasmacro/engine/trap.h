// Traps are values: a kind, a message and the guest backtrace.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace wasmacro::engine {

// The spec's traps, then the engine's limits. Each limit is a distinct kind so that an embedder can
// name the setting that raises it.
enum class TrapKind : uint8_t {
  Unreachable,
  MemoryOutOfBounds,
  TableOutOfBounds,
  IndirectCallToNull,        // "uninitialized element"
  IndirectCallTypeMismatch,  // "indirect call type mismatch"
  IntegerDivideByZero,
  IntegerOverflow,
  InvalidConversionToInteger,
  // Limits
  CallStackExhausted,   // StoreLimits::max_call_depth or max_stack_slots
  FuelExhausted,        // StoreLimits::fuel
  DeadlineExceeded,     // StoreLimits::deadline (non-deterministic)
  MemoryLimitExceeded,  // StoreLimits::max_memory_pages
  TableLimitExceeded,   // StoreLimits::max_table_elements
  // Raised by a host function, or by misuse of the call API (wrong argument count or types).
  Host,
  InvalidArguments,
};

const char* to_string(TrapKind kind);      // "out of bounds memory access", as the spec's tests say it
const char* kind_name(TrapKind kind);      // "MemoryOutOfBounds"

struct TraceFrame {
  uint32_t function_index = 0;
  std::string function_name;  // demangled where it is a Rust symbol; "" if the module has no name
  uint32_t code_offset = 0;   // byte offset of the trapping or calling instruction in the binary
};

struct Trap {
  TrapKind kind = TrapKind::Unreachable;
  std::string message;             // extra detail; may be empty
  std::vector<TraceFrame> backtrace;  // innermost first

  // "out of bounds memory access: <message>\n  #0 function 12 `foo::bar` at offset 0x3f1\n ...";
  // a long backtrace keeps its innermost and outermost frames and says how many it left out.
  std::string describe() const;
};

}  // namespace wasmacro::engine
