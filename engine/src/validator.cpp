// Validation of one function body: the operand stack and control stack algorithm of the spec's
// appendix (https://webassembly.github.io/spec/core/appendix/algorithm.html), with the unreachable
// (polymorphic) stack. Simple instructions are checked from the opcode table's signatures; only those
// whose signature is "" are handled one by one below.
#include <vector>

#include "binary_reader.h"
#include "decode_errors.h"
#include "demangle.h"
#include "instruction_reader.h"
#include "module_ir.h"
#include "try_assign.h"

namespace wasmacro::engine::detail {
namespace {

// An operand whose type is not known because it was popped from an unreachable stack. It is not a
// valid value type byte, so it can never collide with one.
constexpr ValType kUnknown = static_cast<ValType>(0);

bool is_numeric_or_unknown(ValType type) {
  return type == kUnknown || type == ValType::I32 || type == ValType::I64 || type == ValType::F32 ||
         type == ValType::F64;
}

const char* operand_name(ValType type) { return type == kUnknown ? "any" : to_string(type); }

// One-element result lists for value block types, so every block type is a (pointer, count) pair.
const ValType* single_type(ValType type) {
  static constexpr ValType kTypes[] = {ValType::I32, ValType::I64,     ValType::F32,
                                       ValType::F64, ValType::FuncRef, ValType::ExternRef};
  for (const ValType& t : kTypes)
    if (t == type) return &t;
  return nullptr;
}

struct TypeList {
  const ValType* data = nullptr;
  uint32_t size = 0;
};

struct ControlFrame {
  Opcode op;  // Block, Loop, If or Else; the function's own frame is a Block
  bool unreachable;
  uint32_t height;  // operand stack height at entry, after the parameters were popped
  TypeList params;
  TypeList results;

  const TypeList& label_types() const { return op == Opcode::Loop ? params : results; }
};

// The stacks live on across functions (one validator per thread), so validation allocates nothing
// per instruction and, once warmed up, nothing per function.
class FunctionValidator {
 public:
  Result<void> run(const ModuleIR& ir, uint32_t function_index, const LoadOptions& options);

 private:
  bool instruction(const Instruction& in);
  bool simple(const Instruction& in);
  bool block_type(const BlockType& type, TypeList& params, TypeList& results);

  // Each returns false after recording the error in error_.
  bool push_control(Opcode op, TypeList params, TypeList results);
  bool pop_control(ControlFrame& frame);
  bool pop(ValType expected);
  bool pop_any(ValType& actual);
  bool pop_list(const TypeList& types);
  void push_list(const TypeList& types);
  void set_unreachable();
  bool label(uint32_t depth, const ControlFrame*& frame);
  bool need_memory(uint32_t index);
  bool need_table(uint32_t index);
  bool need_data_segment(uint32_t index);
  bool need_elem(uint32_t index);

  [[gnu::cold]] bool fail(ErrorKind kind, std::string message);
  [[gnu::cold]] bool invalid(std::string message) { return fail(ErrorKind::Invalid, std::move(message)); }
  [[gnu::cold]] bool mismatch(ValType expected, ValType found);
  [[gnu::cold]] bool underflow(ValType expected);

  const ModuleIR* ir_ = nullptr;
  const LoadOptions* options_ = nullptr;
  uint64_t offset_ = 0;  // of the instruction being validated
  std::optional<Error> error_;

  std::vector<ValType> operands_;
  std::vector<ControlFrame> controls_;
  std::vector<ValType> locals_;
  std::vector<ValType> scratch_;
};

bool FunctionValidator::fail(ErrorKind kind, std::string message) {
  Error error;
  error.kind = kind;
  error.offset = offset_;
  error.message = std::move(message);
  error_ = std::move(error);
  return false;
}

bool FunctionValidator::mismatch(ValType expected, ValType found) {
  return invalid(std::string("type mismatch: expected ") + operand_name(expected) + " but found " + to_string(found));
}

bool FunctionValidator::underflow(ValType expected) {
  return invalid(std::string("type mismatch: expected ") + operand_name(expected) +
                 " but the operand stack of the current block is empty");
}

bool FunctionValidator::pop(ValType expected) {
  ControlFrame& frame = controls_.back();
  if (operands_.size() == frame.height) [[unlikely]] {
    if (frame.unreachable) return true;
    return underflow(expected);
  }
  ValType actual = operands_.back();
  operands_.pop_back();
  if (actual != expected && actual != kUnknown && expected != kUnknown) [[unlikely]]
    return mismatch(expected, actual);
  return true;
}

bool FunctionValidator::pop_any(ValType& actual) {
  ControlFrame& frame = controls_.back();
  if (operands_.size() == frame.height) {
    actual = kUnknown;
    if (frame.unreachable) return true;
    return underflow(kUnknown);
  }
  actual = operands_.back();
  operands_.pop_back();
  return true;
}

bool FunctionValidator::pop_list(const TypeList& types) {
  for (uint32_t i = types.size; i-- > 0;)
    if (!pop(types.data[i])) return false;
  return true;
}

void FunctionValidator::push_list(const TypeList& types) {
  operands_.insert(operands_.end(), types.data, types.data + types.size);
}

void FunctionValidator::set_unreachable() {
  ControlFrame& frame = controls_.back();
  operands_.resize(frame.height);
  frame.unreachable = true;
}

bool FunctionValidator::push_control(Opcode op, TypeList params, TypeList results) {
  // controls_ includes the function's own frame, which is not a nesting level.
  if (controls_.size() > options_->max_control_depth) [[unlikely]] {
    return fail(ErrorKind::Unsupported, "blocks nested more than " + std::to_string(options_->max_control_depth) +
                                            " deep exceed the control depth limit");
  }
  controls_.push_back(ControlFrame{op, false, static_cast<uint32_t>(operands_.size()), params, results});
  push_list(params);
  return true;
}

bool FunctionValidator::pop_control(ControlFrame& frame) {
  if (!pop_list(controls_.back().results)) return false;
  if (operands_.size() != controls_.back().height) [[unlikely]] {
    size_t extra = operands_.size() - controls_.back().height;
    size_t results = controls_.back().results.size;
    return invalid("type mismatch: " + std::to_string(results + extra) + " value" +
                   (results + extra == 1 ? "" : "s") + " on the stack at the end of the block, which returns " +
                   std::to_string(results));
  }
  frame = controls_.back();
  controls_.pop_back();
  return true;
}

bool FunctionValidator::label(uint32_t depth, const ControlFrame*& frame) {
  if (depth >= controls_.size()) [[unlikely]]
    return invalid("unknown label " + std::to_string(depth) + " (" + std::to_string(controls_.size()) +
                   " enclosing blocks)");
  frame = &controls_[controls_.size() - 1 - depth];
  return true;
}

// https://webassembly.github.io/spec/core/valid/instructions.html#valid-blocktype
bool FunctionValidator::block_type(const BlockType& type, TypeList& params, TypeList& results) {
  params = {};
  results = {};
  switch (type.kind) {
    case BlockType::Kind::Empty: return true;
    case BlockType::Kind::Value: results = {single_type(type.value), 1}; return true;
    case BlockType::Kind::TypeIndex: {
      if (type.type_index >= ir_->types.size()) return invalid("unknown type " + std::to_string(type.type_index));
      const FuncType& f = ir_->types[type.type_index];
      params = {f.params.data(), static_cast<uint32_t>(f.params.size())};
      results = {f.results.data(), static_cast<uint32_t>(f.results.size())};
      return true;
    }
  }
  return true;
}

bool FunctionValidator::need_memory(uint32_t index) {
  if (index >= ir_->memories.size()) [[unlikely]]
    return invalid("unknown memory " + std::to_string(index));
  return true;
}

bool FunctionValidator::need_table(uint32_t index) {
  if (index >= ir_->tables.size()) [[unlikely]]
    return invalid("unknown table " + std::to_string(index));
  return true;
}

// memory.init and data.drop need the data count section, so that a single pass can check their index
// (https://webassembly.github.io/spec/core/binary/modules.html#data-count-section). Its absence is a
// binary-format error, so the module is malformed.
bool FunctionValidator::need_data_segment(uint32_t index) {
  if (!ir_->data_count) [[unlikely]]
    return fail(ErrorKind::Malformed, "data count section required");
  if (index >= ir_->data_count.value_or(0)) [[unlikely]]
    return invalid("unknown data segment " + std::to_string(index));
  return true;
}

bool FunctionValidator::need_elem(uint32_t index) {
  if (index >= ir_->elements.size()) [[unlikely]]
    return invalid("unknown elem segment " + std::to_string(index));
  return true;
}

// Instructions described completely by their signature in opcodes.def, plus the index checks their
// immediates need.
bool FunctionValidator::simple(const Instruction& in) {
  const OpcodeInfo& op = info(in.op);
  switch (op.immediate) {
    case ImmediateKind::MemArg:
      // https://webassembly.github.io/spec/core/valid/instructions.html#memory-instructions
      if (!need_memory(0)) return false;
      if (in.align >= 32 || (uint64_t{1} << in.align) > op.access_bytes) [[unlikely]] {
        return invalid("alignment must not be larger than natural: " + std::string(op.text) + " has alignment 2^" +
                       std::to_string(in.align) + ", its natural alignment is " + std::to_string(op.access_bytes));
      }
      break;
    case ImmediateKind::MemoryIndex:
    case ImmediateKind::MemoryCopy:
      if (!need_memory(0)) return false;
      break;
    case ImmediateKind::MemoryInit:
      if (!need_memory(0) || !need_data_segment(in.index)) return false;
      break;
    case ImmediateKind::DataIndex:
      if (!need_data_segment(in.index)) return false;
      break;
    case ImmediateKind::TableIndex:
      if (!need_table(in.index)) return false;
      break;
    case ImmediateKind::ElemIndex:
      if (!need_elem(in.index)) return false;
      break;
    case ImmediateKind::TableInit: {
      // https://webassembly.github.io/spec/core/valid/instructions.html#valid-table-init
      if (!need_table(in.index2) || !need_elem(in.index)) return false;
      ValType table = ir_->tables[in.index2].element;
      ValType elem = ir_->elements[in.index].type;
      if (table != elem) {
        return invalid(std::string("type mismatch: table.init of a ") + to_string(elem) + " segment into a " +
                       to_string(table) + " table");
      }
      break;
    }
    case ImmediateKind::TableCopy: {
      // https://webassembly.github.io/spec/core/valid/instructions.html#valid-table-copy
      if (!need_table(in.index) || !need_table(in.index2)) return false;
      ValType destination = ir_->tables[in.index].element;
      ValType source = ir_->tables[in.index2].element;
      if (destination != source) {
        return invalid(std::string("type mismatch: table.copy from a ") + to_string(source) + " table to a " +
                       to_string(destination) + " table");
      }
      break;
    }
    default: break;
  }
  const Signature& sig = op.signature;
  for (uint32_t i = sig.param_count; i-- > 0;)
    if (!pop(sig.params[i])) return false;
  if (sig.result_count != 0) operands_.push_back(sig.results[0]);
  return true;
}

// https://webassembly.github.io/spec/core/valid/instructions.html
bool FunctionValidator::instruction(const Instruction& in) {
  switch (in.op) {
    // https://webassembly.github.io/spec/core/valid/instructions.html#control-instructions
    case Opcode::Unreachable: set_unreachable(); return true;
    case Opcode::Block:
    case Opcode::Loop: {
      TypeList params, results;
      if (!block_type(in.block, params, results) || !pop_list(params)) return false;
      return push_control(in.op, params, results);
    }
    case Opcode::If: {
      TypeList params, results;
      if (!block_type(in.block, params, results) || !pop(ValType::I32) || !pop_list(params)) return false;
      return push_control(Opcode::If, params, results);
    }
    case Opcode::Else: {
      if (controls_.back().op != Opcode::If) return fail(ErrorKind::Malformed, "else without a matching if");
      ControlFrame frame;
      if (!pop_control(frame)) return false;
      return push_control(Opcode::Else, frame.params, frame.results);
    }
    case Opcode::End: {
      // An if without else behaves as if it had an empty else, which must turn its parameters into
      // its results.
      if (controls_.back().op == Opcode::If) {
        ControlFrame frame;
        if (!pop_control(frame) || !push_control(Opcode::Else, frame.params, frame.results)) return false;
      }
      ControlFrame frame;
      if (!pop_control(frame)) return false;
      push_list(frame.results);
      return true;
    }
    case Opcode::Br: {
      const ControlFrame* target;
      if (!label(in.index, target) || !pop_list(target->label_types())) return false;
      set_unreachable();
      return true;
    }
    case Opcode::BrIf: {
      const ControlFrame* target;
      if (!pop(ValType::I32) || !label(in.index, target)) return false;
      TypeList types = target->label_types();
      if (!pop_list(types)) return false;
      push_list(types);
      return true;
    }
    case Opcode::BrTable: {
      const ControlFrame* fallback;
      if (!pop(ValType::I32) || !label(in.br_default, fallback)) return false;
      TypeList default_types = fallback->label_types();
      for (uint32_t depth : *in.br_targets) {
        const ControlFrame* target;
        if (!label(depth, target)) return false;
        TypeList types = target->label_types();
        if (types.size != default_types.size) {
          return invalid("type mismatch: br_table targets " + std::to_string(depth) + " with " +
                         std::to_string(types.size) + " values and " + std::to_string(in.br_default) + " with " +
                         std::to_string(default_types.size));
        }
        // Check against this label without consuming: pop the values, then put back what was popped.
        scratch_.resize(types.size);
        for (uint32_t i = types.size; i-- > 0;) {
          ValType actual;
          if (!pop_any(actual)) return false;
          if (actual != types.data[i] && actual != kUnknown) return mismatch(types.data[i], actual);
          scratch_[i] = actual;
        }
        operands_.insert(operands_.end(), scratch_.begin(), scratch_.end());
      }
      if (!pop_list(default_types)) return false;
      set_unreachable();
      return true;
    }
    case Opcode::Return:
      if (!pop_list(controls_.front().results)) return false;
      set_unreachable();
      return true;
    case Opcode::Call: {
      if (in.index >= ir_->function_types.size()) return invalid("unknown function " + std::to_string(in.index));
      const FuncType& type = ir_->function_type(in.index);
      if (!pop_list({type.params.data(), static_cast<uint32_t>(type.params.size())})) return false;
      operands_.insert(operands_.end(), type.results.begin(), type.results.end());
      return true;
    }
    case Opcode::CallIndirect: {
      // https://webassembly.github.io/spec/core/valid/instructions.html#valid-call-indirect
      if (!need_table(in.index2)) return false;
      if (ir_->tables[in.index2].element != ValType::FuncRef) {
        return invalid("type mismatch: call_indirect needs a funcref table, table " + std::to_string(in.index2) +
                       " holds " + to_string(ir_->tables[in.index2].element));
      }
      if (in.index >= ir_->types.size()) return invalid("unknown type " + std::to_string(in.index));
      const FuncType& type = ir_->types[in.index];
      if (!pop(ValType::I32) || !pop_list({type.params.data(), static_cast<uint32_t>(type.params.size())}))
        return false;
      operands_.insert(operands_.end(), type.results.begin(), type.results.end());
      return true;
    }

    // https://webassembly.github.io/spec/core/valid/instructions.html#parametric-instructions
    case Opcode::Drop: {
      ValType ignored;
      return pop_any(ignored);
    }
    case Opcode::Select: {
      ValType first, second;
      if (!pop(ValType::I32) || !pop_any(first) || !pop_any(second)) return false;
      if (!is_numeric_or_unknown(first) || !is_numeric_or_unknown(second)) {
        ValType reference = is_numeric_or_unknown(first) ? second : first;
        return invalid(std::string("type mismatch: select without a type annotation needs numeric operands, found ") +
                       to_string(reference));
      }
      if (first != second && first != kUnknown && second != kUnknown) return mismatch(first, second);
      operands_.push_back(first == kUnknown ? second : first);
      return true;
    }
    case Opcode::SelectTyped: {
      if (in.index != 1)
        return invalid("invalid result arity: typed select needs exactly 1 type, has " + std::to_string(in.index));
      if (!pop(ValType::I32) || !pop(in.type) || !pop(in.type)) return false;
      operands_.push_back(in.type);
      return true;
    }

    // https://webassembly.github.io/spec/core/valid/instructions.html#variable-instructions
    case Opcode::LocalGet:
      if (in.index >= locals_.size()) return invalid("unknown local " + std::to_string(in.index));
      operands_.push_back(locals_[in.index]);
      return true;
    case Opcode::LocalSet:
      if (in.index >= locals_.size()) return invalid("unknown local " + std::to_string(in.index));
      return pop(locals_[in.index]);
    case Opcode::LocalTee:
      if (in.index >= locals_.size()) return invalid("unknown local " + std::to_string(in.index));
      if (!pop(locals_[in.index])) return false;
      operands_.push_back(locals_[in.index]);
      return true;
    case Opcode::GlobalGet:
      if (in.index >= ir_->globals.size()) return invalid("unknown global " + std::to_string(in.index));
      operands_.push_back(ir_->globals[in.index].type);
      return true;
    case Opcode::GlobalSet:
      if (in.index >= ir_->globals.size()) return invalid("unknown global " + std::to_string(in.index));
      if (!ir_->globals[in.index].is_mutable)
        return invalid("global is immutable: global.set " + std::to_string(in.index));
      return pop(ir_->globals[in.index].type);

    // https://webassembly.github.io/spec/core/valid/instructions.html#table-instructions
    case Opcode::TableGet:
      if (!need_table(in.index) || !pop(ValType::I32)) return false;
      operands_.push_back(ir_->tables[in.index].element);
      return true;
    case Opcode::TableSet: return need_table(in.index) && pop(ir_->tables[in.index].element) && pop(ValType::I32);
    case Opcode::TableGrow:
      if (!need_table(in.index) || !pop(ValType::I32) || !pop(ir_->tables[in.index].element)) return false;
      operands_.push_back(ValType::I32);
      return true;
    case Opcode::TableFill:
      return need_table(in.index) && pop(ValType::I32) && pop(ir_->tables[in.index].element) && pop(ValType::I32);

    // https://webassembly.github.io/spec/core/valid/instructions.html#reference-instructions
    case Opcode::RefNull: operands_.push_back(in.type); return true;
    case Opcode::RefIsNull: {
      ValType operand;
      if (!pop_any(operand)) return false;
      if (operand != kUnknown && !is_reference(operand)) {
        return invalid(std::string("type mismatch: ref.is_null expects a reference but found ") + to_string(operand));
      }
      operands_.push_back(ValType::I32);
      return true;
    }
    case Opcode::RefFunc:
      if (in.index >= ir_->function_types.size()) return invalid("unknown function " + std::to_string(in.index));
      // https://webassembly.github.io/spec/core/valid/instructions.html#xref-syntax-instructions-syntax-instr-ref-mathsf-ref-func-x
      if (!ir_->declared_refs[in.index]) {
        return invalid("undeclared function reference: function " + std::to_string(in.index) +
                       " must appear in an element segment, an export or a global initialiser to be used by ref.func");
      }
      operands_.push_back(ValType::FuncRef);
      return true;

    default: return simple(in);
  }
}

Result<void> FunctionValidator::run(const ModuleIR& ir, uint32_t function_index, const LoadOptions& options) {
  ir_ = &ir;
  options_ = &options;
  error_.reset();
  operands_.clear();
  controls_.clear();

  const FunctionBody& body = ir.body(function_index);
  const FuncType& type = ir.types[body.type_index];
  locals_.assign(type.params.begin(), type.params.end());
  locals_.insert(locals_.end(), body.locals.begin(), body.locals.end());

  std::span<const uint8_t> code(ir.bytes.data() + body.code_offset, body.code_end - body.code_offset);
  BinaryReader r(code, body.code_offset);
  InstructionReader reader(r);
  offset_ = body.code_offset;
  controls_.push_back(
      ControlFrame{Opcode::Block, false, 0, {}, {type.results.data(), static_cast<uint32_t>(type.results.size())}});

  Instruction in;
  while (!controls_.empty()) {
    if (r.at_end()) [[unlikely]] {
      return BinaryReader::malformed_at(r.offset(), "unexpected end of section or function: END opcode expected");
    }
    if (auto read = reader.read(in); !read.ok()) [[unlikely]]
      return std::move(read).error();
    offset_ = in.offset;
    if (!instruction(in)) [[unlikely]]
      return std::move(*error_);
  }
  if (!r.at_end()) {
    return BinaryReader::malformed_at(r.offset(), "section size mismatch: " + std::to_string(r.remaining()) +
                                                      " bytes after the function's final end");
  }
  return {};
}

Error with_function(Error error, const ModuleIR& ir, uint32_t function_index) {
  error.function_index = function_index;
  if (auto it = ir.function_names.find(function_index); it != ir.function_names.end())
    error.function_name = demangle_rust(it->second);
  return error;
}

// Follows only the nesting of blocks: enough to find where each body must end.
Result<void> check_body_decodes(const ModuleIR& ir, uint32_t function_index) {
  const FunctionBody& body = ir.body(function_index);
  std::span<const uint8_t> code(ir.bytes.data() + body.code_offset, body.code_end - body.code_offset);
  BinaryReader r(code, body.code_offset);
  InstructionReader reader(r);
  uint32_t depth = 1;
  while (depth > 0) {
    if (r.at_end())
      return BinaryReader::malformed_at(r.offset(), "unexpected end of section or function: END opcode expected");
    WASMACRO_TRY_ASSIGN(in, reader.next());
    switch (in.op) {
      case Opcode::Block:
      case Opcode::Loop:
      case Opcode::If: ++depth; break;
      case Opcode::End: --depth; break;
      case Opcode::MemoryInit:
      case Opcode::DataDrop:
        if (!ir.data_count)
          return BinaryReader::malformed_at(in.offset, "data count section required");
        break;
      default: break;
    }
  }
  if (!r.at_end()) {
    return BinaryReader::malformed_at(r.offset(), "section size mismatch: " + std::to_string(r.remaining()) +
                                                      " bytes after the function's final end");
  }
  return {};
}

}  // namespace

Result<void> check_code_decodes(const ModuleIR& ir, uint32_t first_function_index) {
  for (uint32_t f = first_function_index; f < ir.function_types.size(); ++f) {
    auto decoded = check_body_decodes(ir, f);
    if (!decoded.ok() && decoded.error().kind == ErrorKind::Malformed)
      return with_function(std::move(decoded).error(), ir, f);
  }
  return {};
}

Result<void> validate_function(const ModuleIR& ir, uint32_t function_index, const LoadOptions& options) {
  if (function_index < ir.imported_functions || function_index >= ir.function_types.size()) {
    Error error;
    error.kind = ErrorKind::Misuse;
    error.message = "validate_function: " + std::to_string(function_index) + " is not a defined function";
    return error;
  }
  thread_local FunctionValidator validator;
  auto result = validator.run(ir, function_index, options);
  if (result.ok()) return result;
  return with_function(std::move(result).error(), ir, function_index);
}

}  // namespace wasmacro::engine::detail
