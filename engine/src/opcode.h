// Instruction metadata generated from opcodes.def.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "wasmacro/engine/types.h"

namespace wasmacro::engine::detail {

enum class ImmediateKind : uint8_t {
  None,
  BlockType,
  LabelIndex,
  BrTable,
  FuncIndex,
  CallIndirect,  // type index, table index
  LocalIndex,
  GlobalIndex,
  TableIndex,
  MemArg,       // align, offset
  MemoryIndex,  // a single reserved byte that must be 0 in WebAssembly 2.0
  I32,
  I64,
  F32,
  F64,
  SelectTypes,
  RefType,
  MemoryInit,  // data index, memory index
  DataIndex,
  MemoryCopy,  // two memory indices
  TableInit,   // element index, table index
  ElemIndex,
  TableCopy,   // destination table, source table
};

enum class Opcode : uint16_t {
#define WASMACRO_OPCODE(name, prefix, code, text, imm, sig, bytes) name,
#include "opcodes.def"
#undef WASMACRO_OPCODE
};

inline constexpr size_t kOpcodeCount = 0
#define WASMACRO_OPCODE(name, prefix, code, text, imm, sig, bytes) +1
#include "opcodes.def"
#undef WASMACRO_OPCODE
    ;

// A simple instruction's operand and result types, parsed from the table's signature string.
struct Signature {
  bool special = true;  // handled by hand in the validator and translator
  uint8_t param_count = 0;
  uint8_t result_count = 0;
  ValType params[3] = {};
  ValType results[1] = {};
};

struct OpcodeInfo {
  uint8_t prefix;
  uint32_t code;
  std::string_view text;
  ImmediateKind immediate;
  Signature signature;
  uint8_t access_bytes;
};

const OpcodeInfo& info(Opcode op);
inline std::string_view text(Opcode op) { return info(op).text; }

// Decoding lookups: nullopt for bytes that are not a supported instruction.
std::optional<Opcode> opcode_from_byte(uint8_t byte);
std::optional<Opcode> opcode_from_misc(uint32_t code);

}  // namespace wasmacro::engine::detail
