#include "translator.h"

#include <algorithm>
#include <cassert>
#include <optional>
#include <unordered_map>

#include "instruction_reader.h"
#include "internal_ops.h"

namespace wasmacro::engine::detail {

ModuleIR::~ModuleIR() = default;

uint32_t CompiledFunction::binary_offset_at(uint32_t code_position) const {
  auto it = std::upper_bound(offsets.begin(), offsets.end(), code_position,
                             [](uint32_t pos, const auto& entry) { return pos < entry.first; });
  if (it == offsets.begin()) return offsets.empty() ? 0 : offsets.front().second;
  return std::prev(it)->second;
}

namespace {

enum class LabelKind : uint8_t { Function, Block, Loop, If };

struct ControlFrame {
  LabelKind kind = LabelKind::Block;
  uint32_t base = 0;  // operand height below the block's parameters
  uint32_t param_count = 0;
  uint32_t result_count = 0;
  bool dead = false;          // opened inside unreachable code: nothing inside is emitted
  bool has_else = false;
  uint32_t loop_start = 0;    // Loop: code position that branches jump back to
  uint32_t else_patch = 0;    // If: the BrIfNot's offset word, patched at else or end
  uint32_t else_instruction = 0;
  // The fuel segment current when the block opened. Code after an else or a join that no segment
  // start separates from the block's opening was paid for by that segment on every path to it.
  uint32_t segment = 0;
  // Forward branches to the end: (offset word position, position of the branching instruction).
  std::vector<std::pair<uint32_t, uint32_t>> end_patches;

  // A branch to this label carries the loop's parameters or the block's results.
  uint32_t branch_arity() const { return kind == LabelKind::Loop ? param_count : result_count; }
};

class Translator {
 public:
  Translator(const ModuleIR& ir, uint32_t function_index)
      : ir_(ir), function_index_(function_index), body_(ir.body(function_index)) {}

  std::unique_ptr<CompiledFunction> run();

 private:
  using Op = InternalOp;

  uint32_t slot(uint32_t height) const { return operands_base_ + height; }
  // Where the value at `height` lives: its own slot, or a local it was read from and not yet copied.
  uint32_t operand(uint32_t height) const { return locations_[height]; }
  uint32_t pos() const { return static_cast<uint32_t>(out_->code.size()); }
  void emit(uint32_t word) { out_->code.push_back(word); }
  void emit_op(Op op) {
    out_->offsets.emplace_back(pos(), static_cast<uint32_t>(current_offset_));
    last_op_start_ = pos();
    last_op_ = op;
    emit(static_cast<uint32_t>(op));
    last_result_word_ = kNone;
  }

  // A comparison that was the last instruction emitted and produced `condition` is taken back, so
  // that the branch consuming the condition can test its operands itself.
  struct Comparison {
    Opcode op;
    uint32_t lhs;
    uint32_t rhs;
  };
  std::optional<Comparison> take_comparison(uint32_t condition) {
    if (last_result_word_ != last_op_start_ + 1 || out_->code[last_result_word_] != condition) return std::nullopt;
    if (static_cast<size_t>(last_op_) >= kOpcodeCount) return std::nullopt;
    auto op = static_cast<Opcode>(last_op_);
    InternalOp fused;
    if (op != Opcode::I32Eqz && !fused_branch(op, true, fused)) return std::nullopt;
    Comparison comparison{op, out_->code[last_op_start_ + 2], op == Opcode::I32Eqz ? 0 : out_->code[last_op_start_ + 3]};
    out_->code.resize(last_op_start_);
    out_->offsets.pop_back();
    last_result_word_ = kNone;
    return comparison;
  }
  // Emits a branch taken when `comparison` is `when_true`, without its offset word.
  void emit_compare_branch(const Comparison& comparison, bool when_true) {
    if (comparison.op == Opcode::I32Eqz) {
      emit_op(when_true ? Op::BrIfNot : Op::BrIf);
      emit(comparison.lhs);
      return;
    }
    InternalOp fused = Op::Invalid;
    fused_branch(comparison.op, when_true, fused);
    emit_op(fused);
    emit(comparison.lhs);
    emit(comparison.rhs);
  }
  // Records that the instruction just emitted wrote the new stack top through the word at `word`,
  // so that a following local.set can retarget it instead of copying.
  void produced_at(uint32_t word) { last_result_word_ = word; }
  void push(uint32_t count = 1) {
    for (uint32_t i = 0; i < count; ++i) locations_.push_back(slot(height_ + i));
    height_ += count;
    max_height_ = std::max(max_height_, height_);
  }
  void push_location(uint32_t location) {
    locations_.push_back(location);
    ++height_;
    max_height_ = std::max(max_height_, height_);
  }
  void pop(uint32_t count = 1) {
    assert(height_ >= count);
    height_ -= count;
    locations_.resize(height_);
  }
  // At an else or a block's end: the block's own values (from `base`) are in their slots; what lies
  // below the block is untouched by it and keeps its locations.
  void reset_height(uint32_t base, uint32_t height) {
    height_ = height;
    locations_.resize(height);
    for (uint32_t i = base; i < height; ++i) locations_[i] = slot(i);
    max_height_ = std::max(max_height_, height_);
  }

  // Copies a pending read of a local or a constant into the value's own slot.
  void materialize(uint32_t height) {
    if (locations_[height] == slot(height)) return;
    emit_op(Op::Copy);
    emit(slot(height));
    emit(locations_[height]);
    locations_[height] = slot(height);
  }
  // Control flow joins and calls see every value in its own slot.
  void materialize_from(uint32_t height) {
    for (uint32_t i = height; i < height_; ++i) materialize(i);
  }
  // Entering a block: a pending read of a local that some later instruction writes is copied now,
  // because the write may run on one path through the block and not on another, and code after the
  // block must find the value in one place. Locals never written again stay read in place.
  void materialize_reads_written_after(uint64_t offset) {
    for (uint32_t i = 0; i < height_; ++i) {
      uint32_t location = locations_[i];
      if (location < locals_ && last_write_[location] > offset) materialize(i);
    }
  }
  bool pending_reads_of(uint32_t local) const {
    return std::find(locations_.begin(), locations_.end(), local) != locations_.end();
  }
  void materialize_reads_of(uint32_t local) {
    for (uint32_t i = 0; i < height_; ++i)
      if (locations_[i] == local) materialize(i);
  }

  void start_fuel_segment() {
    ++segment_serial_;
    close_fuel_segment();
    emit_op(Op::Fuel);
    fuel_site_ = pos();
    emit(0);
    fuel_count_ = 0;
  }
  void close_fuel_segment() {
    if (fuel_site_ != kNone) out_->code[fuel_site_] = std::max<uint32_t>(fuel_count_, 1);
    fuel_site_ = kNone;
  }

  void block_signature(const BlockType& block, uint32_t& params, uint32_t& results) const {
    switch (block.kind) {
      case BlockType::Kind::Empty: params = 0; results = 0; return;
      case BlockType::Kind::Value: params = 0; results = 1; return;
      case BlockType::Kind::TypeIndex:
        params = static_cast<uint32_t>(ir_.types[block.type_index].params.size());
        results = static_cast<uint32_t>(ir_.types[block.type_index].results.size());
        return;
    }
  }

  // Copies the top `arity` operands to the label's slots; both ranges ascend and dst <= src.
  void emit_branch_copies(const ControlFrame& target) {
    uint32_t arity = target.branch_arity();
    uint32_t src = height_ - arity;
    for (uint32_t i = 0; i < arity; ++i) {
      if (operand(src + i) == slot(target.base + i)) continue;
      emit_op(Op::Copy);
      emit(slot(target.base + i));
      emit(operand(src + i));
    }
  }
  bool branch_needs_copies(const ControlFrame& target) const {
    uint32_t arity = target.branch_arity();
    for (uint32_t i = 0; i < arity; ++i)
      if (operand(height_ - arity + i) != slot(target.base + i)) return true;
    return false;
  }

  // Emits the relative offset word of a jump whose instruction starts at `instruction`.
  void emit_jump_to(ControlFrame& target, uint32_t instruction) {
    if (target.kind == LabelKind::Loop) {
      emit(static_cast<uint32_t>(static_cast<int32_t>(target.loop_start) - static_cast<int32_t>(instruction)));
    } else {
      target.end_patches.emplace_back(pos(), instruction);
      emit(0);
    }
  }
  void patch(uint32_t word, uint32_t instruction, uint32_t destination) {
    out_->code[word] = static_cast<uint32_t>(static_cast<int32_t>(destination) - static_cast<int32_t>(instruction));
  }

  void emit_br(ControlFrame& target) {
    if (target.kind == LabelKind::Function) {
      translate_return();
      return;
    }
    emit_branch_copies(target);
    uint32_t at = pos();
    emit_op(Op::Br);
    emit_jump_to(target, at);
  }

  void translate_return() {
    uint32_t results = static_cast<uint32_t>(function_type_->results.size());
    if (results == 1) {
      emit_op(Op::Return1);
      emit(operand(height_ - 1));
      return;
    }
    // The results go to their own slots first, for ReturnN's contiguous copy. Control leaves here,
    // so the translator's view of where values live stays as it was for any path that does not.
    for (uint32_t i = height_ - results; i < height_; ++i) {
      if (operand(i) == slot(i)) continue;
      emit_op(Op::Copy);
      emit(slot(i));
      emit(operand(i));
    }
    emit_op(Op::ReturnN);
    emit(results);
    emit(slot(height_ - results));
  }

  void translate(const Instruction& in);
  void translate_simple(const Instruction& in);
  void prescan(std::span<const uint8_t> bytes);
  uint32_t constant_slot(uint64_t value) const { return constant_slots_.at(value); }

  static constexpr uint32_t kNone = UINT32_MAX;

  const ModuleIR& ir_;
  uint32_t function_index_;
  const FunctionBody& body_;
  const FuncType* function_type_ = nullptr;
  std::unique_ptr<CompiledFunction> out_;
  std::vector<ControlFrame> control_;
  std::vector<uint32_t> locations_;  // per operand height; see operand()
  uint32_t last_result_word_ = kNone;
  uint32_t last_op_start_ = kNone;
  Op last_op_ = Op::Invalid;
  uint32_t locals_ = 0;         // parameters + declared locals
  uint32_t operands_base_ = 0;  // locals_ + constants: the first operand slot
  std::unordered_map<uint64_t, uint32_t> constant_slots_;
  std::vector<uint64_t> last_write_;  // per local: offset of its last local.set or local.tee, 0 if none  // parameters + declared locals: the first operand slot
  uint32_t height_ = 0;
  uint32_t max_height_ = 0;
  bool unreachable_ = false;
  uint32_t fuel_site_ = kNone;
  uint32_t fuel_count_ = 0;
  uint32_t segment_serial_ = 0;  // counts segment starts, to tell whether a block contains one
  uint64_t current_offset_ = 0;
};

std::unique_ptr<CompiledFunction> Translator::run() {
  function_type_ = &ir_.function_type(function_index_);
  out_ = std::make_unique<CompiledFunction>();
  out_->function_index = function_index_;
  out_->param_count = static_cast<uint32_t>(function_type_->params.size());
  out_->local_count = static_cast<uint32_t>(body_.locals.size());
  locals_ = out_->param_count + out_->local_count;
  size_t code_size = body_.code_end - body_.code_offset;
  out_->code.reserve(code_size * 2 + 16);
  std::span<const uint8_t> bytes(ir_.bytes.data() + body_.code_offset, code_size);
  prescan(bytes);

  ControlFrame function;
  function.kind = LabelKind::Function;
  function.result_count = static_cast<uint32_t>(function_type_->results.size());
  control_.push_back(std::move(function));
  current_offset_ = body_.code_offset;
  start_fuel_segment();

  BinaryReader reader(bytes, body_.code_offset);
  InstructionReader instructions(reader);
  while (!control_.empty()) {
    auto in = instructions.next();
    // The validator accepted this body, so decoding cannot fail here.
    assert(in.ok());
    if (!in.ok()) break;
    current_offset_ = in->offset;
    if (!unreachable_) ++fuel_count_;
    translate(*in);
  }
  close_fuel_segment();
  out_->frame_slots = operands_base_ + max_height_ + 1;
  return std::move(out_);
}

// One pass before translation. Constants get frame slots of their own, filled at function entry, so
// that instructions read them like locals and no instruction is spent materialising them. The last
// offset at which each local is written tells a block entry which pending reads it must copy.
void Translator::prescan(std::span<const uint8_t> bytes) {
  BinaryReader reader(bytes, body_.code_offset);
  InstructionReader instructions(reader);
  std::vector<uint64_t>& values = out_->constants;
  last_write_.assign(locals_, 0);
  while (!reader.at_end()) {
    auto in = instructions.next();
    if (!in) break;
    uint64_t value;
    switch (in->op) {
      case Opcode::LocalSet:
      case Opcode::LocalTee: last_write_[in->index] = in->offset; continue;
      case Opcode::I32Const:
      case Opcode::F32Const: value = static_cast<uint32_t>(in->value); break;
      case Opcode::I64Const:
      case Opcode::F64Const: value = in->value; break;
      case Opcode::RefNull: value = 0; break;
      default: continue;
    }
    if (constant_slots_.emplace(value, locals_ + static_cast<uint32_t>(values.size())).second) values.push_back(value);
  }
  operands_base_ = locals_ + static_cast<uint32_t>(values.size());
}

void Translator::translate(const Instruction& in) {
  switch (in.op) {
    case Opcode::Block:
    case Opcode::Loop:
    case Opcode::If:
    case Opcode::Else:
    case Opcode::End:
      // A label may follow: no instruction before it may be retargeted by what comes after.
      last_result_word_ = kNone;
      break;
    default:
      break;
  }
  switch (in.op) {
    case Opcode::Block:
    case Opcode::Loop:
    case Opcode::If: {
      ControlFrame frame;
      frame.kind = in.op == Opcode::Block ? LabelKind::Block : in.op == Opcode::Loop ? LabelKind::Loop : LabelKind::If;
      block_signature(in.block, frame.param_count, frame.result_count);
      if (unreachable_) {
        frame.dead = true;
        control_.push_back(std::move(frame));
        return;
      }
      uint32_t condition = in.op == Opcode::If ? operand(height_ - 1) : 0;
      std::optional<Comparison> comparison;
      if (in.op == Opcode::If) {
        pop();
        comparison = take_comparison(condition);
      }
      materialize_reads_written_after(in.offset);
      // The block's parameters live in their slots: an else and a loop's back edges rely on it.
      materialize_from(height_ - frame.param_count);
      if (in.op == Opcode::If) {
        uint32_t at = pos();
        if (comparison) {
          emit_compare_branch(*comparison, false);
        } else {
          emit_op(Op::BrIfNot);
          emit(condition);
        }
        frame.else_patch = pos();
        frame.else_instruction = at;
        emit(0);
      }
      frame.base = height_ - frame.param_count;
      frame.segment = segment_serial_;
      if (in.op == Opcode::Loop) {
        start_fuel_segment();
        frame.loop_start = fuel_site_ - 1;
      }
      control_.push_back(std::move(frame));
      return;
    }
    case Opcode::Else: {
      ControlFrame& frame = control_.back();
      frame.has_else = true;
      if (frame.dead) return;
      if (!unreachable_) {
        materialize_from(frame.base);
        uint32_t at = pos();
        emit_op(Op::Br);
        frame.end_patches.emplace_back(pos(), at);
        emit(0);
      }
      patch(frame.else_patch, frame.else_instruction, pos());
      reset_height(frame.base, frame.base + frame.param_count);
      unreachable_ = false;
      if (segment_serial_ != frame.segment) start_fuel_segment();
      return;
    }
    case Opcode::End: {
      ControlFrame frame = std::move(control_.back());
      control_.pop_back();
      if (frame.dead) return;
      if (frame.kind == LabelKind::Function) {
        if (!unreachable_) translate_return();
        return;
      }
      if (!unreachable_) materialize_from(frame.base);
      if (frame.kind == LabelKind::If && !frame.has_else) patch(frame.else_patch, frame.else_instruction, pos());
      for (auto [word, instruction] : frame.end_patches) patch(word, instruction, pos());
      reset_height(frame.base, frame.base + frame.result_count);
      last_result_word_ = kNone;
      bool joined = !frame.end_patches.empty() || (frame.kind == LabelKind::If && !frame.has_else);
      unreachable_ = unreachable_ && !joined;
      if (joined && segment_serial_ != frame.segment) start_fuel_segment();
      return;
    }
    default:
      break;
  }
  if (unreachable_) return;

  switch (in.op) {
    case Opcode::Unreachable:
      emit_op(Op::Unreachable);
      unreachable_ = true;
      return;
    case Opcode::Nop:
      return;
    case Opcode::Br:
      emit_br(control_[control_.size() - 1 - in.index]);
      unreachable_ = true;
      return;
    case Opcode::BrIf: {
      uint32_t cond = operand(height_ - 1);
      pop();
      ControlFrame& target = control_[control_.size() - 1 - in.index];
      if (target.kind == LabelKind::Function) {
        // A conditional return: skip over an unconditional one.
        uint32_t at = pos();
        emit_op(Op::BrIfNot);
        emit(cond);
        uint32_t skip = pos();
        emit(0);
        translate_return();
        patch(skip, at, pos());
        return;
      }
      if (!branch_needs_copies(target)) {
        auto comparison = take_comparison(cond);
        uint32_t at = pos();
        if (comparison) {
          emit_compare_branch(*comparison, true);
        } else {
          emit_op(Op::BrIf);
          emit(cond);
        }
        emit_jump_to(target, at);
        return;
      }
      uint32_t at = pos();
      emit_op(Op::BrIfNot);
      emit(cond);
      uint32_t skip = pos();
      emit(0);
      emit_br(target);
      patch(skip, at, pos());
      return;
    }
    case Opcode::BrTable: {
      uint32_t index = operand(height_ - 1);
      pop();
      const auto& targets = *in.br_targets;
      uint32_t count = static_cast<uint32_t>(targets.size());
      uint32_t at = pos();
      emit_op(Op::BrTable);
      emit(index);
      emit(count);
      uint32_t table = pos();
      for (uint32_t i = 0; i <= count; ++i) emit(0);
      // Entries whose label needs copies jump to a stub after the table that copies, then branches.
      for (uint32_t i = 0; i <= count; ++i) {
        uint32_t depth = i < count ? targets[i] : in.br_default;
        ControlFrame& target = control_[control_.size() - 1 - depth];
        if (target.kind == LabelKind::Function) {
          patch(table + i, at, pos());
          translate_return();
        } else if (branch_needs_copies(target)) {
          patch(table + i, at, pos());
          emit_br(target);
        } else if (target.kind == LabelKind::Loop) {
          patch(table + i, at, target.loop_start);
        } else {
          target.end_patches.emplace_back(table + i, at);
        }
      }
      unreachable_ = true;
      return;
    }
    case Opcode::Return:
      translate_return();
      unreachable_ = true;
      return;
    case Opcode::Call: {
      const FuncType& type = ir_.function_type(in.index);
      uint32_t params = static_cast<uint32_t>(type.params.size());
      uint32_t results = static_cast<uint32_t>(type.results.size());
      materialize_from(height_ - params);
      emit_op(Op::Call);
      emit(in.index);
      emit(slot(height_ - params));
      pop(params);
      push(results);
      return;
    }
    case Opcode::CallIndirect: {
      const FuncType& type = ir_.types[in.index];
      uint32_t params = static_cast<uint32_t>(type.params.size());
      uint32_t results = static_cast<uint32_t>(type.results.size());
      uint32_t callee = operand(height_ - 1);
      pop();
      materialize_from(height_ - params);
      emit_op(Op::CallIndirect);
      emit(in.index);
      emit(in.index2);
      emit(callee);
      emit(slot(height_ - params));
      pop(params);
      push(results);
      return;
    }
    case Opcode::Drop:
      pop();
      return;
    case Opcode::Select:
    case Opcode::SelectTyped:
      emit_op(Op::Select);
      emit(slot(height_ - 3));
      emit(operand(height_ - 3));
      emit(operand(height_ - 2));
      emit(operand(height_ - 1));
      pop(3);
      push();
      produced_at(pos() - 4);
      return;
    case Opcode::LocalGet:
      push_location(in.index);
      return;
    case Opcode::LocalSet:
    case Opcode::LocalTee: {
      uint32_t value = operand(height_ - 1);
      if (value == in.index) {  // `local.get x; local.set x`
        if (in.op == Opcode::LocalSet) pop();
        return;
      }
      bool retarget = last_result_word_ != kNone && value == slot(height_ - 1) && !pending_reads_of(in.index);
      if (in.op == Opcode::LocalSet) {
        pop();
        materialize_reads_of(in.index);
      } else {
        // The tee's own result stays readable at the stack top; other pending reads of the local
        // must be taken before it changes.
        uint32_t top = height_ - 1;
        locations_[top] = kNone;
        materialize_reads_of(in.index);
        locations_[top] = value;
      }
      if (retarget) {
        // The previous instruction computed the value: let it write the local directly.
        out_->code[last_result_word_] = in.index;
        if (in.op == Opcode::LocalTee) locations_[height_ - 1] = in.index;
      } else {
        emit_op(Op::Copy);
        emit(in.index);
        emit(value);
      }
      last_result_word_ = kNone;
      return;
    }
    case Opcode::GlobalGet:
      emit_op(Op::GlobalGet);
      emit(slot(height_));
      emit(in.index);
      push();
      produced_at(pos() - 2);
      return;
    case Opcode::GlobalSet:
      emit_op(Op::GlobalSet);
      emit(in.index);
      emit(operand(height_ - 1));
      pop();
      return;
    case Opcode::TableGet:
      emit_op(Op::TableGet);
      emit(slot(height_ - 1));
      emit(in.index);
      emit(operand(height_ - 1));
      pop();
      push();
      return;
    case Opcode::TableSet:
      emit_op(Op::TableSet);
      emit(in.index);
      emit(operand(height_ - 2));
      emit(operand(height_ - 1));
      pop(2);
      return;
    case Opcode::MemorySize:
      emit_op(Op::MemorySize);
      emit(slot(height_));
      push();
      return;
    case Opcode::MemoryGrow:
      emit_op(Op::MemoryGrow);
      emit(slot(height_ - 1));
      emit(operand(height_ - 1));
      pop();
      push();
      return;
    case Opcode::I32Const:
    case Opcode::F32Const:
      push_location(constant_slot(static_cast<uint32_t>(in.value)));
      return;
    case Opcode::I64Const:
    case Opcode::F64Const:
      push_location(constant_slot(in.value));
      return;
    case Opcode::RefNull:
      push_location(constant_slot(0));
      return;
    case Opcode::RefIsNull:
      emit_op(Op::RefIsNull);
      emit(slot(height_ - 1));
      emit(operand(height_ - 1));
      pop();
      push();
      return;
    case Opcode::RefFunc:
      emit_op(Op::RefFunc);
      emit(slot(height_));
      emit(in.index);
      push();
      return;
    case Opcode::MemoryInit:
    case Opcode::TableInit:
    case Opcode::TableCopy:
    case Opcode::MemoryCopy:
    case Opcode::MemoryFill:
      emit_op(static_cast<Op>(in.op));
      emit(in.index);
      emit(in.index2);
      emit(operand(height_ - 3));
      emit(operand(height_ - 2));
      emit(operand(height_ - 1));
      pop(3);
      return;
    case Opcode::DataDrop:
    case Opcode::ElemDrop:
      emit_op(static_cast<Op>(in.op));
      emit(in.index);
      return;
    case Opcode::TableGrow:
      emit_op(Op::TableGrow);
      emit(in.index);
      emit(slot(height_ - 2));
      emit(operand(height_ - 2));
      emit(operand(height_ - 1));
      pop(2);
      push();
      return;
    case Opcode::TableSize:
      emit_op(Op::TableSize);
      emit(in.index);
      emit(slot(height_));
      push();
      return;
    case Opcode::TableFill:
      emit_op(Op::TableFill);
      emit(in.index);
      emit(operand(height_ - 3));
      emit(operand(height_ - 2));
      emit(operand(height_ - 1));
      pop(3);
      return;
    default:
      translate_simple(in);
      return;
  }
}

// Numeric instructions, loads and stores: operands and results come from the opcode table.
void Translator::translate_simple(const Instruction& in) {
  const OpcodeInfo& op = info(in.op);
  assert(!op.signature.special);
  uint32_t params = op.signature.param_count;
  uint32_t results = op.signature.result_count;
  emit_op(static_cast<Op>(in.op));
  uint32_t result_word = pos();
  if (results == 1) emit(slot(height_ - params));
  for (uint32_t i = 0; i < params; ++i) emit(operand(height_ - params + i));
  if (op.immediate == ImmediateKind::MemArg) emit(in.mem_offset);
  pop(params);
  push(results);
  if (results == 1) produced_at(result_word);
}

}  // namespace

const CompiledFunction* compiled_function(const ModuleIR& ir, uint32_t function_index, const int32_t* handlers) {
  uint32_t defined = function_index - ir.imported_functions;
  CompiledFunction* compiled = ir.compiled[defined].load(std::memory_order_acquire);
  if (compiled != nullptr) return compiled;
  std::lock_guard<std::mutex> lock(ir.translate_mutex);
  compiled = ir.compiled[defined].load(std::memory_order_relaxed);
  if (compiled != nullptr) return compiled;
  auto translated = Translator(ir, function_index).run();
  for (auto [position, binary_offset] : translated->offsets) {
    translated->code[position] = static_cast<uint32_t>(handlers[translated->code[position]]);
  }
  compiled = translated.get();
  ir.compiled_storage.push_back(std::move(translated));
  ir.compiled[defined].store(compiled, std::memory_order_release);
  ir.translated_count.fetch_add(1, std::memory_order_relaxed);
  return compiled;
}

}  // namespace wasmacro::engine::detail
