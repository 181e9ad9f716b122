// Decodes one instruction and its immediates, driven by the opcode table. Shared by the validator,
// the translator and the printer so that all of them agree on the encoding.
#pragma once

#include <cstdint>
#include <vector>

#include "binary_reader.h"
#include "opcode.h"

namespace wasmacro::engine::detail {

// https://webassembly.github.io/spec/core/binary/instructions.html#binary-blocktype
struct BlockType {
  enum class Kind : uint8_t { Empty, Value, TypeIndex };
  Kind kind = Kind::Empty;
  ValType value = ValType::I32;  // Kind::Value
  uint32_t type_index = 0;       // Kind::TypeIndex
};

struct Instruction {
  Opcode op = Opcode::Nop;
  uint64_t offset = 0;  // absolute offset of the opcode byte

  // Immediates; which ones are meaningful depends on info(op).immediate.
  uint32_t index = 0;   // label, function, local, global, table, type, data or element index
  uint32_t index2 = 0;  // CallIndirect: table; TableInit: table; TableCopy: source table
  uint32_t align = 0;   // MemArg: log2 of the alignment
  uint32_t mem_offset = 0;  // MemArg
  uint64_t value = 0;   // constants, as raw bits
  ValType type = ValType::I32;  // RefType, or the single type of a typed select
  BlockType block;
  // BrTable: the targets, then the default. Owned by the reader and reused between calls.
  const std::vector<uint32_t>* br_targets = nullptr;
  uint32_t br_default = 0;
};

class InstructionReader {
 public:
  explicit InstructionReader(BinaryReader& reader) : reader_(reader) {}

  // Reads the next instruction. Unknown opcodes, SIMD and other unsupported proposals are reported
  // precisely (Malformed for unknown bytes, Unsupported for recognised proposals).
  Result<Instruction> next();

  // The same, into `instruction`, which hot loops reuse to avoid copying. Only `op`, `offset` and
  // the fields that the instruction's immediates use are written; the others keep stale values.
  Result<void> read(Instruction& instruction);

 private:
  Result<void> read_uncommon(Instruction& instruction);
  Result<void> read_immediates(Instruction& instruction, ImmediateKind kind);

  BinaryReader& reader_;
  std::vector<uint32_t> br_targets_;
};

}  // namespace wasmacro::engine::detail
