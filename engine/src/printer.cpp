#include "printer.h"

#include <cinttypes>
#include <cstdio>
#include <cstring>

#include "module_ir.h"

namespace wasmacro::engine {
namespace detail {
namespace {

std::string block_type(const BlockType& block) {
  switch (block.kind) {
    case BlockType::Kind::Empty: return "";
    case BlockType::Kind::Value: return std::string(" (result ") + to_string(block.value) + ")";
    case BlockType::Kind::TypeIndex: return " (type " + std::to_string(block.type_index) + ")";
  }
  return "";
}

std::string float_text(uint64_t bits, bool is_f64) {
  char buffer[64];
  if (is_f64) {
    double value;
    std::memcpy(&value, &bits, sizeof value);
    std::snprintf(buffer, sizeof buffer, "%a", value);
  } else {
    float value;
    uint32_t narrow = static_cast<uint32_t>(bits);
    std::memcpy(&value, &narrow, sizeof value);
    std::snprintf(buffer, sizeof buffer, "%a", static_cast<double>(value));
  }
  return buffer;
}

}  // namespace

std::string print_instruction(const Instruction& in) {
  const OpcodeInfo& op = info(in.op);
  std::string text(op.text);
  auto index = [&](uint32_t value) { text += " " + std::to_string(value); };
  switch (op.immediate) {
    case ImmediateKind::None:
    case ImmediateKind::MemoryIndex:
    case ImmediateKind::MemoryCopy:
      break;
    case ImmediateKind::BlockType:
      text += block_type(in.block);
      break;
    case ImmediateKind::LabelIndex:
    case ImmediateKind::FuncIndex:
    case ImmediateKind::LocalIndex:
    case ImmediateKind::GlobalIndex:
    case ImmediateKind::TableIndex:
    case ImmediateKind::DataIndex:
    case ImmediateKind::ElemIndex:
    case ImmediateKind::MemoryInit:
      index(in.index);
      break;
    case ImmediateKind::BrTable:
      for (uint32_t target : *in.br_targets) index(target);
      index(in.br_default);
      break;
    case ImmediateKind::CallIndirect:
      text += " " + std::to_string(in.index2) + " (type " + std::to_string(in.index) + ")";
      break;
    case ImmediateKind::MemArg:
      if (in.mem_offset != 0) text += " offset=" + std::to_string(in.mem_offset);
      if (in.align != 31 && (1u << in.align) != op.access_bytes) text += " align=" + std::to_string(1u << in.align);
      break;
    case ImmediateKind::I32:
      text += " " + std::to_string(static_cast<int32_t>(in.value));
      break;
    case ImmediateKind::I64:
      text += " " + std::to_string(static_cast<int64_t>(in.value));
      break;
    case ImmediateKind::F32:
      text += " " + float_text(in.value, false);
      break;
    case ImmediateKind::F64:
      text += " " + float_text(in.value, true);
      break;
    case ImmediateKind::SelectTypes:
      text += std::string(" (result ") + to_string(in.type) + ")";
      break;
    case ImmediateKind::RefType:
      text += in.type == ValType::FuncRef ? " func" : " extern";
      break;
    case ImmediateKind::TableInit:
      text += " " + std::to_string(in.index2) + " " + std::to_string(in.index);
      break;
    case ImmediateKind::TableCopy:
      text += " " + std::to_string(in.index) + " " + std::to_string(in.index2);
      break;
  }
  return text;
}

}  // namespace detail

Result<std::string> Module::disassemble(uint32_t function_index) const {
  const detail::ModuleIR& ir = *ir_;
  if (function_index < ir.imported_functions || function_index >= ir.function_types.size()) {
    Error error;
    error.kind = ErrorKind::Misuse;
    error.message = "function " + std::to_string(function_index) + " is not defined in this module (" +
                    std::to_string(ir.imported_functions) + " imported, " + std::to_string(ir.function_types.size()) +
                    " in all)";
    return error;
  }
  const detail::FunctionBody& body = ir.body(function_index);
  std::string out = "func " + std::to_string(function_index);
  std::string name = function_name(function_index);
  if (!name.empty()) out += " `" + name + "`";
  out += " " + ir.function_type(function_index).to_string() + "\n";
  if (!body.locals.empty()) {
    out += "  (local";
    for (ValType local : body.locals) out += std::string(" ") + to_string(local);
    out += ")\n";
  }
  detail::BinaryReader reader(std::span<const uint8_t>(ir.bytes.data() + body.code_offset, body.code_end - body.code_offset),
                              body.code_offset);
  detail::InstructionReader instructions(reader);
  int depth = 1;
  while (!reader.at_end()) {
    auto in = instructions.next();
    if (!in) return std::move(in).error();
    if (in->op == detail::Opcode::End || in->op == detail::Opcode::Else) --depth;
    char offset[24];
    std::snprintf(offset, sizeof offset, "%08" PRIx64 ": ", in->offset);
    out += offset + std::string(static_cast<size_t>(std::max(depth, 0)) * 2, ' ') + detail::print_instruction(*in) + "\n";
    if (in->op == detail::Opcode::Block || in->op == detail::Opcode::Loop || in->op == detail::Opcode::If ||
        in->op == detail::Opcode::Else)
      ++depth;
  }
  return out;
}

}  // namespace wasmacro::engine
