#include "instruction_reader.h"

#include <array>
#include <cstdio>

namespace wasmacro::engine::detail {
namespace {

std::string hex(uint64_t value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "0x%llx", static_cast<unsigned long long>(value));
  return buffer;
}

Error unsupported(uint64_t offset, std::string message) {
  Error error;
  error.kind = ErrorKind::Unsupported;
  error.offset = offset;
  error.message = std::move(message);
  return error;
}

// Opcodes of proposals beyond WebAssembly 2.0 that the engine recognises in order to refuse them by name.
const char* proposal_of(uint8_t byte) {
  switch (byte) {
    case 0x06:
    case 0x07:
    case 0x08:
    case 0x09:
    case 0x0a:
    case 0x18:
    case 0x19:
    case 0x1f: return "exception-handling";
    case 0x12:
    case 0x13: return "tail-call";
    case 0x14:
    case 0x15:
    case 0xd4:
    case 0xd5:
    case 0xd6: return "function-references";
    case 0xfb: return "GC";
    case 0xfd: return "SIMD";
    case 0xfe: return "threads";
    default: return nullptr;
  }
}

// The one-byte opcodes and their immediate kinds, so the common case needs no call into opcode.cpp.
struct ByteOpcode {
  int16_t op;  // -1: not a WebAssembly 2.0 instruction
  ImmediateKind immediate;
};

constexpr std::array<ByteOpcode, 256> kByteOpcodes = [] {
  std::array<ByteOpcode, 256> table{};
  for (auto& entry : table) entry = {-1, ImmediateKind::None};
  int16_t index = 0;
#define WASMACRO_OPCODE(name, prefix, code, text, imm, sig, bytes) \
  if ((prefix) == 0) table[code] = {index, ImmediateKind::imm};    \
  ++index;
#include "opcodes.def"
#undef WASMACRO_OPCODE
  return table;
}();

[[gnu::noinline]] Result<void> read_u32_slow(BinaryReader& reader, uint32_t& out) {
  auto value = reader.u32();
  if (!value) return std::move(value).error();
  out = *value;
  return {};
}

// Most immediates are LEB128 values of one or two bytes: read those inline.
[[gnu::always_inline]] inline Result<void> read_u32(BinaryReader& reader, uint32_t& out) {
  size_t position = reader.position();
  std::span<const uint8_t> bytes = reader.bytes();
  if (position + 1 < bytes.size()) [[likely]] {
    if (bytes[position] < 0x80) {
      out = bytes[position];
      reader.seek(position + 1);
      return {};
    }
    if (bytes[position + 1] < 0x80) {
      out = (bytes[position] & 0x7fu) | (uint32_t{bytes[position + 1]} << 7);
      reader.seek(position + 2);
      return {};
    }
  }
  return read_u32_slow(reader, out);
}

}  // namespace

Result<Instruction> InstructionReader::next() {
  Instruction instruction;
  WASMACRO_TRY(read(instruction));
  return instruction;
}

Result<void> InstructionReader::read(Instruction& instruction) {
  size_t position = reader_.position();
  std::span<const uint8_t> bytes = reader_.bytes();
  if (position < bytes.size()) [[likely]] {
    ByteOpcode entry = kByteOpcodes[bytes[position]];
    if (entry.op >= 0) [[likely]] {
      instruction.offset = reader_.offset();
      instruction.op = static_cast<Opcode>(entry.op);
      reader_.seek(position + 1);
      if (entry.immediate == ImmediateKind::None) return {};
      return read_immediates(instruction, entry.immediate);
    }
  }
  return read_uncommon(instruction);
}

// The end of the input, the 0xfc prefix and opcodes that are not WebAssembly 2.0.
Result<void> InstructionReader::read_uncommon(Instruction& instruction) {
  instruction.offset = reader_.offset();
  auto byte = reader_.u8();
  if (!byte) return std::move(byte).error();
  if (*byte != 0xfc) {
    if (const char* proposal = proposal_of(*byte)) {
      return unsupported(instruction.offset, std::string(proposal) + " opcode " + hex(*byte) + " is not supported");
    }
    return BinaryReader::malformed_at(instruction.offset, "illegal opcode " + hex(*byte));
  }
  auto code = reader_.u32();
  if (!code) return std::move(code).error();
  std::optional<Opcode> op = opcode_from_misc(*code);
  if (!op) {
    if (*code <= 19)
      return unsupported(instruction.offset, "opcode 0xfc " + std::to_string(*code) + " is not supported");
    return BinaryReader::malformed_at(instruction.offset, "illegal opcode 0xfc " + std::to_string(*code));
  }
  instruction.op = *op;
  return read_immediates(instruction, info(*op).immediate);
}

Result<void> InstructionReader::read_immediates(Instruction& in, ImmediateKind kind) {
  auto u32 = [&](uint32_t& out) -> Result<void> { return read_u32(reader_, out); };
  auto zero_byte = [&]() -> Result<void> {
    uint64_t at = reader_.offset();
    auto value = reader_.u8();
    if (!value) return std::move(value).error();
    if (*value != 0) return BinaryReader::malformed_at(at, "zero byte expected (multiple memories are not supported)");
    return {};
  };
  auto reftype = [&]() -> Result<void> {
    uint64_t at = reader_.offset();
    auto value = reader_.u8();
    if (!value) return std::move(value).error();
    if (*value != 0x70 && *value != 0x6f)
      return BinaryReader::malformed_at(at, "malformed reference type " + hex(*value));
    in.type = static_cast<ValType>(*value);
    return {};
  };

  switch (kind) {
    case ImmediateKind::None: return {};
    case ImmediateKind::BlockType: {
      uint64_t at = reader_.offset();
      if (reader_.remaining() > 0) {
        uint8_t first = reader_.bytes()[reader_.position()];
        if (first == 0x40) {
          reader_.seek(reader_.position() + 1);
          in.block.kind = BlockType::Kind::Empty;
          return {};
        }
        if (first == 0x7b) return unsupported(at, "SIMD block type v128 is not supported");
        if (is_valtype_byte(first)) {
          reader_.seek(reader_.position() + 1);
          in.block.kind = BlockType::Kind::Value;
          in.block.value = static_cast<ValType>(first);
          return {};
        }
      }
      auto index = reader_.s33();
      if (!index) return std::move(index).error();
      if (*index < 0) return BinaryReader::malformed_at(at, "malformed block type");
      in.block.kind = BlockType::Kind::TypeIndex;
      in.block.type_index = static_cast<uint32_t>(*index);
      return {};
    }
    case ImmediateKind::LabelIndex:
    case ImmediateKind::FuncIndex:
    case ImmediateKind::LocalIndex:
    case ImmediateKind::GlobalIndex:
    case ImmediateKind::TableIndex:
    case ImmediateKind::DataIndex:
    case ImmediateKind::ElemIndex: return u32(in.index);
    case ImmediateKind::BrTable: {
      uint32_t count = 0;
      WASMACRO_TRY(u32(count));
      // Each target takes at least one byte, so a count beyond the remaining bytes is malformed
      // before anything is allocated for it.
      if (count > reader_.remaining())
        return reader_.malformed("br_table declares " + std::to_string(count) + " targets, more than the bytes left");
      br_targets_.resize(count);
      for (uint32_t i = 0; i < count; ++i) WASMACRO_TRY(u32(br_targets_[i]));
      WASMACRO_TRY(u32(in.br_default));
      in.br_targets = &br_targets_;
      return {};
    }
    case ImmediateKind::CallIndirect: WASMACRO_TRY(u32(in.index)); return u32(in.index2);
    case ImmediateKind::MemArg: WASMACRO_TRY(u32(in.align)); return u32(in.mem_offset);
    case ImmediateKind::MemoryIndex: return zero_byte();
    case ImmediateKind::I32: {
      size_t position = reader_.position();
      std::span<const uint8_t> bytes = reader_.bytes();
      if (position < bytes.size() && bytes[position] < 0x80) {
        // One byte: seven bits, sign-extended from bit 6.
        in.value = static_cast<uint32_t>(static_cast<int32_t>(static_cast<uint32_t>(bytes[position]) << 25) >> 25);
        reader_.seek(position + 1);
        return {};
      }
      auto value = reader_.s32();
      if (!value) return std::move(value).error();
      in.value = static_cast<uint32_t>(*value);
      return {};
    }
    case ImmediateKind::I64: {
      auto value = reader_.s64();
      if (!value) return std::move(value).error();
      in.value = static_cast<uint64_t>(*value);
      return {};
    }
    case ImmediateKind::F32: {
      auto value = reader_.f32_bits();
      if (!value) return std::move(value).error();
      in.value = *value;
      return {};
    }
    case ImmediateKind::F64: {
      auto value = reader_.f64_bits();
      if (!value) return std::move(value).error();
      in.value = *value;
      return {};
    }
    case ImmediateKind::SelectTypes: {
      uint32_t count = 0;
      WASMACRO_TRY(u32(count));
      // Validation requires exactly one type; keep the count so the validator can say so.
      in.index = count;
      for (uint32_t i = 0; i < count; ++i) {
        uint64_t type_at = reader_.offset();
        auto byte = reader_.u8();
        if (!byte) return std::move(byte).error();
        if (!is_valtype_byte(*byte)) return BinaryReader::malformed_at(type_at, "malformed value type " + hex(*byte));
        if (i == 0) in.type = static_cast<ValType>(*byte);
      }
      return {};
    }
    case ImmediateKind::RefType: return reftype();
    case ImmediateKind::MemoryInit: WASMACRO_TRY(u32(in.index)); return zero_byte();
    case ImmediateKind::MemoryCopy: WASMACRO_TRY(zero_byte()); return zero_byte();
    case ImmediateKind::TableInit: WASMACRO_TRY(u32(in.index)); return u32(in.index2);
    case ImmediateKind::TableCopy: WASMACRO_TRY(u32(in.index)); return u32(in.index2);
  }
  return {};
}

}  // namespace wasmacro::engine::detail
