// The interpreter: computed-goto dispatch over the translator's slot code. Guest calls push a Frame
// on a heap vector and jump; they never recurse on the native stack.
#include <sys/mman.h>

#include <bit>
#include <chrono>
#include <cstring>

#include "exec/numeric.h"
#include "internal_ops.h"
#include "runtime.h"

static_assert(std::endian::native == std::endian::little, "linear memory access assumes a little-endian host");

namespace wasmacro::engine::detail {

struct Interpreter::Frame {
  const uint32_t* return_pc;
  uint64_t* fp;
  const CompiledFunction* code;
  Instance* instance;
};

namespace {

// How many units of fuel run between two looks at the clock when a deadline is set.
constexpr int64_t kDeadlineCheckInterval = 20'000;
// Host functions may call back into the guest; each nesting costs native stack, so it is bounded.
constexpr uint32_t kMaxNesting = 64;

template <typename T>
T slot_as(uint64_t slot) {
  if constexpr (std::is_same_v<T, float>) return numeric::f32(static_cast<uint32_t>(slot));
  else if constexpr (std::is_same_v<T, double>) return numeric::f64(slot);
  else return static_cast<T>(slot);
}

template <typename T>
uint64_t to_slot(T value) {
  if constexpr (std::is_same_v<T, float>) return numeric::f32_bits(value);
  else if constexpr (std::is_same_v<T, double>) return numeric::f64_bits(value);
  else if constexpr (std::is_same_v<T, uint32_t>) return value;
  else return static_cast<uint64_t>(value);
}

// Integer division and remainder; returns the trap kind, or Unreachable when there is none.
template <typename T, bool kRemainder>
TrapKind divide(uint64_t a_slot, uint64_t b_slot, uint64_t& out) {
  T a = static_cast<T>(a_slot);
  T b = static_cast<T>(b_slot);
  if (b == 0) return TrapKind::IntegerDivideByZero;
  if constexpr (std::is_signed_v<T>) {
    if (b == -1 && a == std::numeric_limits<T>::min()) {
      if (!kRemainder) return TrapKind::IntegerOverflow;
      out = 0;
      return TrapKind::Unreachable;
    }
  }
  T r = kRemainder ? static_cast<T>(a % b) : static_cast<T>(a / b);
  out = static_cast<std::make_unsigned_t<T>>(r);
  return TrapKind::Unreachable;
}

Trap make_trap(TrapKind kind, std::string message = {}) {
  Trap trap;
  trap.kind = kind;
  trap.message = std::move(message);
  return trap;
}

}  // namespace

Interpreter::Interpreter(Store& store) : store_(store) {}

Interpreter::~Interpreter() {
  if (stack_ != nullptr) munmap(stack_, stack_slots_ * sizeof(uint64_t));
}

std::optional<Trap> Interpreter::invoke(Function* function, std::span<const Value> args, std::vector<Value>& results) {
  const FuncType& type = function->type();
  if (args.size() != type.params.size()) {
    return make_trap(TrapKind::InvalidArguments, "expected " + std::to_string(type.params.size()) + " arguments, got " +
                                                     std::to_string(args.size()));
  }
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i].type != type.params[i]) {
      return make_trap(TrapKind::InvalidArguments, "argument " + std::to_string(i) + " should be " +
                                                       to_string(type.params[i]) + ", not " + to_string(args[i].type));
    }
  }
  if (stack_ == nullptr) {
    stack_slots_ = store_.limits().max_stack_slots;
    void* region = mmap(nullptr, stack_slots_ * sizeof(uint64_t), PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (region == MAP_FAILED) return make_trap(TrapKind::CallStackExhausted, "cannot reserve the value stack");
    stack_ = static_cast<uint64_t*>(region);
    stack_top_ = stack_;
  }
  if (nesting_ >= kMaxNesting) {
    return make_trap(TrapKind::CallStackExhausted, "host functions re-entered the guest more than " +
                                                       std::to_string(kMaxNesting) + " times");
  }
  size_t needed = std::max(type.params.size(), type.results.size());
  if (stack_top_ + needed > stack_ + stack_slots_) return make_trap(TrapKind::CallStackExhausted);

  uint64_t* slots = stack_top_;
  for (size_t i = 0; i < args.size(); ++i) slots[i] = args[i].bits;
  std::optional<Trap> trap;
  ++nesting_;
  if (function->instance_ == nullptr) {
    stack_top_ += needed;
    trap = call_host(function, slots, nullptr);
    stack_top_ = slots;
  } else {
    trap = execute(function, slots);
  }
  --nesting_;
  if (trap) return trap;
  results.clear();
  for (size_t i = 0; i < type.results.size(); ++i) results.push_back(Value::from_bits(type.results[i], slots[i]));
  return std::nullopt;
}

std::optional<Trap> Interpreter::call_host(Function* function, uint64_t* slots, Instance* caller) {
  const FuncType& type = function->type();
  // Small fixed buffers cover nearly every host function; larger signatures fall back to the heap.
  Value arg_buffer[8];
  Value result_buffer[8];
  std::vector<Value> arg_heap;
  std::vector<Value> result_heap;
  std::span<Value> args(arg_buffer, type.params.size() <= 8 ? type.params.size() : 0);
  std::span<Value> results(result_buffer, type.results.size() <= 8 ? type.results.size() : 0);
  if (type.params.size() > 8) {
    arg_heap.resize(type.params.size());
    args = arg_heap;
  }
  if (type.results.size() > 8) {
    result_heap.resize(type.results.size());
    results = result_heap;
  }
  for (size_t i = 0; i < type.params.size(); ++i) args[i] = Value::from_bits(type.params[i], slots[i]);
  for (size_t i = 0; i < type.results.size(); ++i) results[i] = Value::zero(type.results[i]);
  HostContext context;
  set_host_context(context, caller, caller != nullptr ? InstanceState::of(*caller).memory0 : nullptr);
  std::optional<Trap> trap = function->host_(context, args, results);
  if (trap) {
    trap->kind = trap->kind == TrapKind::Unreachable ? TrapKind::Host : trap->kind;
    return trap;
  }
  for (size_t i = 0; i < type.results.size(); ++i) {
    if (results[i].type != type.results[i]) {
      return make_trap(TrapKind::Host, "host function `" + function->host_name_ + "` returned a value of the wrong type");
    }
    slots[i] = results[i].bits;
  }
  return std::nullopt;
}

std::optional<Trap> Interpreter::execute(Function* entry, uint64_t* entry_slots) {
  // Direct threading: code words hold each handler's distance from L_Unreachable (GCC's and
  // Clang's labels-as-values), so dispatch is an add and a jump, with no table lookup.
  static const int32_t kHandlers[] = {
#define WASMACRO_HANDLER(label) static_cast<int32_t>(static_cast<const char*>(&&label) - static_cast<const char*>(&&L_Unreachable)),
#define WASMACRO_OPCODE(name, prefix, code, text, imm, sig, bytes) WASMACRO_HANDLER(L_##name)
#include "opcodes.def"
#undef WASMACRO_OPCODE
#define WASMACRO_X(name) WASMACRO_HANDLER(L_##name)
      WASMACRO_INTERNAL_OPS(WASMACRO_X)
#undef WASMACRO_X
#define WASMACRO_COMPARE(name, type, expr) WASMACRO_HANDLER(L_BrIf##name) WASMACRO_HANDLER(L_BrUnless##name)
#include "exec/compare_ops.def"
#undef WASMACRO_COMPARE
#undef WASMACRO_HANDLER
  };
  static_assert(sizeof(kHandlers) / sizeof(kHandlers[0]) == static_cast<size_t>(InternalOp::Count));

  const StoreLimits& limits = store_.limits();
  uint64_t* const stack_end = stack_ + stack_slots_;
  const size_t base_depth = frames_.size();

  // Fuel: `budget` is what this call may spend before the slow path looks at the store's reserve
  // and, with a deadline, at the clock.
  const bool has_deadline = limits.deadline.has_value();
  const int64_t chunk = has_deadline ? kDeadlineCheckInterval : INT64_MAX;
  uint64_t reserve = store_.fuel_;
  int64_t budget = 0;
  auto take_budget = [&](uint64_t wanted) {
    uint64_t amount = std::min<uint64_t>({reserve, static_cast<uint64_t>(chunk) > wanted ? chunk : wanted,
                                          static_cast<uint64_t>(INT64_MAX)});
    reserve -= amount;
    budget = static_cast<int64_t>(amount);
  };
  take_budget(0);

  Instance* instance = entry->instance_;
  InstanceState* st = &InstanceState::of(*instance);
  const CompiledFunction* fn = nullptr;
  const uint32_t* pc = nullptr;
  uint64_t* fp = entry_slots;
  uint8_t* mem = nullptr;
  uint64_t mem_size = 0;
  uint8_t* dirty = nullptr;
  Function* callee = entry;
  uint64_t* callee_fp = entry_slots;
  TrapKind trap_kind = TrapKind::Unreachable;
  std::string trap_message;

  auto reload_memory = [&] {
    if (st->memory0 != nullptr) {
      mem = st->memory0->base_;
      mem_size = st->memory0->size_;
      dirty = st->memory0->dirty_map_.data();
    } else {
      mem = nullptr;
      mem_size = 0;
      dirty = nullptr;
    }
  };

#define WASMACRO_DISPATCH() goto* (static_cast<const char*>(&&L_Unreachable) + static_cast<int32_t>(*pc))
#define WASMACRO_TRAP(kind) \
  do {                      \
    trap_kind = (kind);     \
    goto L_trap;            \
  } while (false)

  goto L_enter;

L_do_call:
  // `callee` and `callee_fp` are set; `pc` already points past the call instruction.
  if (callee->instance_ == nullptr) {
    if (auto trap = call_host(callee, callee_fp, instance)) {
      trap_kind = trap->kind;
      trap_message = std::move(trap->message);
      pc = pc - 1;  // inside the call instruction, for the backtrace
      goto L_trap;
    }
    reload_memory();
    WASMACRO_DISPATCH();
  }
  if (frames_.size() - base_depth >= limits.max_call_depth) [[unlikely]] {
    pc = pc - 1;
    WASMACRO_TRAP(TrapKind::CallStackExhausted);
  }
  frames_.push_back(Frame{pc, fp, fn, instance});
L_enter:
  instance = callee->instance_;
  st = &InstanceState::of(*instance);
  fn = compiled_function(*st->ir, callee->function_index_, kHandlers);
  if (callee_fp + fn->frame_slots > stack_end) [[unlikely]] {
    if (frames_.size() > base_depth) {
      const Frame& caller = frames_.back();
      pc = caller.return_pc - 1;
      fp = caller.fp;
      fn = caller.code;
      instance = caller.instance;
      frames_.pop_back();
    } else {
      pc = nullptr;
    }
    WASMACRO_TRAP(TrapKind::CallStackExhausted);
  }
  std::memset(callee_fp + fn->param_count, 0, fn->local_count * sizeof(uint64_t));
  if (!fn->constants.empty()) {
    std::memcpy(callee_fp + fn->param_count + fn->local_count, fn->constants.data(),
                fn->constants.size() * sizeof(uint64_t));
  }
  fp = callee_fp;
  stack_top_ = fp + fn->frame_slots;
  pc = fn->code.data();
  reload_memory();
  WASMACRO_DISPATCH();

  // ------------------------------------------------------------------------------------------------
  // Numeric instructions, generated from exec/*.def.
#define WASMACRO_UNARY(name, In, Out, expr)                          \
  L_##name : {                                                       \
    In a = slot_as<In>(fp[pc[2]]);                                   \
    fp[pc[1]] = to_slot<Out>(static_cast<Out>(expr));                \
    pc += 3;                                                         \
    WASMACRO_DISPATCH();                                             \
  }
#define WASMACRO_BINARY(name, In, Out, expr)                         \
  L_##name : {                                                       \
    In a = slot_as<In>(fp[pc[2]]);                                   \
    In b = slot_as<In>(fp[pc[3]]);                                   \
    fp[pc[1]] = to_slot<Out>(static_cast<Out>(expr));                \
    pc += 4;                                                         \
    WASMACRO_DISPATCH();                                             \
  }
#include "exec/numeric_ops.def"
#define WASMACRO_COMPARE(name, In, expr) WASMACRO_BINARY(name, In, uint32_t, expr)
#include "exec/compare_ops.def"
#undef WASMACRO_COMPARE
#undef WASMACRO_UNARY
#undef WASMACRO_BINARY

#define WASMACRO_COMPARE(name, In, expr)                           \
  L_BrIf##name : {                                                 \
    In a = slot_as<In>(fp[pc[1]]);                                 \
    In b = slot_as<In>(fp[pc[2]]);                                 \
    pc += (expr) ? static_cast<int32_t>(pc[3]) : 4;                \
    WASMACRO_DISPATCH();                                           \
  }                                                                \
  L_BrUnless##name : {                                             \
    In a = slot_as<In>(fp[pc[1]]);                                 \
    In b = slot_as<In>(fp[pc[2]]);                                 \
    pc += (expr) ? 4 : static_cast<int32_t>(pc[3]);                \
    WASMACRO_DISPATCH();                                           \
  }
#include "exec/compare_ops.def"
#undef WASMACRO_COMPARE

#define WASMACRO_DIVISION(name, T, is_remainder)                                   \
  L_##name : {                                                                     \
    uint64_t result = 0;                                                           \
    TrapKind kind = divide<T, is_remainder>(fp[pc[2]], fp[pc[3]], result);         \
    if (kind != TrapKind::Unreachable) [[unlikely]] WASMACRO_TRAP(kind);           \
    fp[pc[1]] = result;                                                            \
    pc += 4;                                                                       \
    WASMACRO_DISPATCH();                                                           \
  }
#define WASMACRO_TRUNCATION(name, F, I)                                                          \
  L_##name : {                                                                                   \
    I out = 0;                                                                                   \
    auto status = numeric::trunc_checked<I>(slot_as<F>(fp[pc[2]]), out);                          \
    if (status == numeric::TruncStatus::Nan) [[unlikely]]                                        \
      WASMACRO_TRAP(TrapKind::InvalidConversionToInteger);                                       \
    if (status == numeric::TruncStatus::Overflow) [[unlikely]] WASMACRO_TRAP(TrapKind::IntegerOverflow); \
    fp[pc[1]] = to_slot<std::make_unsigned_t<I>>(static_cast<std::make_unsigned_t<I>>(out));     \
    pc += 3;                                                                                     \
    WASMACRO_DISPATCH();                                                                         \
  }
#include "exec/trapping_ops.def"
#undef WASMACRO_DIVISION
#undef WASMACRO_TRUNCATION

#define WASMACRO_LOAD(name, M, S)                                           \
  L_##name : {                                                              \
    uint64_t address = static_cast<uint64_t>(static_cast<uint32_t>(fp[pc[2]])) + pc[3]; \
    if (address + sizeof(M) > mem_size) [[unlikely]] WASMACRO_TRAP(TrapKind::MemoryOutOfBounds); \
    M value;                                                                \
    std::memcpy(&value, mem + address, sizeof(M));                          \
    fp[pc[1]] = static_cast<uint64_t>(static_cast<S>(value));               \
    pc += 4;                                                                \
    WASMACRO_DISPATCH();                                                    \
  }
#define WASMACRO_STORE(name, M)                                             \
  L_##name : {                                                              \
    uint64_t address = static_cast<uint64_t>(static_cast<uint32_t>(fp[pc[1]])) + pc[3]; \
    if (address + sizeof(M) > mem_size) [[unlikely]] WASMACRO_TRAP(TrapKind::MemoryOutOfBounds); \
    M value = static_cast<M>(fp[pc[2]]);                                    \
    std::memcpy(mem + address, &value, sizeof(M));                          \
    if ((dirty[address / Memory::kDirtyPageSize] &                          \
         dirty[(address + sizeof(M) - 1) / Memory::kDirtyPageSize]) == 0) [[unlikely]] \
      st->memory0->mark_dirty(address, sizeof(M));                          \
    pc += 4;                                                                \
    WASMACRO_DISPATCH();                                                    \
  }
#include "exec/memory_ops.def"
#undef WASMACRO_LOAD
#undef WASMACRO_STORE

  // ------------------------------------------------------------------------------------------------
  // Internal instructions.
L_Copy:
  fp[pc[1]] = fp[pc[2]];
  pc += 3;
  WASMACRO_DISPATCH();
L_Fuel:
  budget -= pc[1];
  if (budget < 0) [[unlikely]] {
    uint64_t amount = pc[1];
    uint64_t available = reserve + static_cast<uint64_t>(budget + static_cast<int64_t>(amount));
    if (available < amount) {
      reserve = available;
      budget = 0;
      WASMACRO_TRAP(TrapKind::FuelExhausted);
    }
    if (has_deadline && std::chrono::steady_clock::now() >= *limits.deadline) {
      reserve = available;
      budget = 0;
      WASMACRO_TRAP(TrapKind::DeadlineExceeded);
    }
    reserve = available;
    take_budget(amount);
    budget -= static_cast<int64_t>(amount);
  }
  pc += 2;
  WASMACRO_DISPATCH();

  // ------------------------------------------------------------------------------------------------
  // Control.
L_Br:
  pc += static_cast<int32_t>(pc[1]);
  WASMACRO_DISPATCH();
L_BrIf:
  if (static_cast<uint32_t>(fp[pc[1]]) != 0) {
    pc += static_cast<int32_t>(pc[2]);
  } else {
    pc += 3;
  }
  WASMACRO_DISPATCH();
L_BrIfNot:
  if (static_cast<uint32_t>(fp[pc[1]]) == 0) {
    pc += static_cast<int32_t>(pc[2]);
  } else {
    pc += 3;
  }
  WASMACRO_DISPATCH();
L_BrTable: {
  uint32_t index = static_cast<uint32_t>(fp[pc[1]]);
  uint32_t count = pc[2];
  if (index > count) index = count;
  pc += static_cast<int32_t>(pc[3 + index]);
  WASMACRO_DISPATCH();
}
L_Return1:
  fp[0] = fp[pc[1]];
  goto L_return;
L_ReturnN: {
  uint32_t count = pc[1];
  const uint64_t* source = fp + pc[2];
  for (uint32_t i = 0; i < count; ++i) fp[i] = source[i];
}
L_return: {
  if (frames_.size() == base_depth) goto L_finish;
  const Frame& caller = frames_.back();
  pc = caller.return_pc;
  fp = caller.fp;
  fn = caller.code;
  instance = caller.instance;
  frames_.pop_back();
  st = &InstanceState::of(*instance);
  stack_top_ = fp + fn->frame_slots;
  reload_memory();
  WASMACRO_DISPATCH();
}
L_Call:
  callee = st->functions[pc[1]];
  callee_fp = fp + pc[2];
  pc += 3;
  goto L_do_call;
L_CallIndirect: {
  Table* table = st->tables[pc[2]];
  uint32_t index = static_cast<uint32_t>(fp[pc[3]]);
  if (index >= table->elements_.size()) [[unlikely]] {
    trap_message = "undefined element: index " + std::to_string(index) + " is past the table's size " +
                   std::to_string(table->elements_.size());
    WASMACRO_TRAP(TrapKind::TableOutOfBounds);
  }
  callee = reinterpret_cast<Function*>(table->elements_[index]);
  if (callee == nullptr) [[unlikely]] WASMACRO_TRAP(TrapKind::IndirectCallToNull);
  if (callee->type_ != st->types[pc[1]]) [[unlikely]] {
    trap_message = "expected " + st->types[pc[1]]->to_string() + ", found " + callee->type_->to_string();
    WASMACRO_TRAP(TrapKind::IndirectCallTypeMismatch);
  }
  callee_fp = fp + pc[4];
  pc += 5;
  goto L_do_call;
}
L_Unreachable:
  WASMACRO_TRAP(TrapKind::Unreachable);
L_Select:
  fp[pc[1]] = static_cast<uint32_t>(fp[pc[4]]) != 0 ? fp[pc[2]] : fp[pc[3]];
  pc += 5;
  WASMACRO_DISPATCH();

  // ------------------------------------------------------------------------------------------------
  // Variables, memory and tables.
L_GlobalGet:
  fp[pc[1]] = st->globals[pc[2]]->bits_;
  pc += 3;
  WASMACRO_DISPATCH();
L_GlobalSet:
  st->globals[pc[1]]->bits_ = fp[pc[2]];
  pc += 3;
  WASMACRO_DISPATCH();
L_MemorySize:
  fp[pc[1]] = mem_size / kPageSize;
  pc += 2;
  WASMACRO_DISPATCH();
L_MemoryGrow: {
  bool hit_cap = false;
  auto old_pages = st->memory0->grow(static_cast<uint32_t>(fp[pc[2]]), &hit_cap);
  if (hit_cap) [[unlikely]] {
    trap_message = "memory.grow to more than " + std::to_string(st->memory0->cap_pages_) +
                   " pages (StoreLimits::max_memory_pages)";
    WASMACRO_TRAP(TrapKind::MemoryLimitExceeded);
  }
  fp[pc[1]] = old_pages ? *old_pages : UINT32_MAX;
  reload_memory();
  pc += 3;
  WASMACRO_DISPATCH();
}
L_MemoryFill: {
  uint64_t destination = static_cast<uint32_t>(fp[pc[3]]);
  uint8_t value = static_cast<uint8_t>(fp[pc[4]]);
  uint64_t length = static_cast<uint32_t>(fp[pc[5]]);
  if (destination + length > mem_size) [[unlikely]] WASMACRO_TRAP(TrapKind::MemoryOutOfBounds);
  if (length != 0) std::memset(mem + destination, value, length);
  st->memory0->mark_dirty(destination, length);
  pc += 6;
  WASMACRO_DISPATCH();
}
L_MemoryCopy: {
  uint64_t destination = static_cast<uint32_t>(fp[pc[3]]);
  uint64_t source = static_cast<uint32_t>(fp[pc[4]]);
  uint64_t length = static_cast<uint32_t>(fp[pc[5]]);
  if (destination + length > mem_size || source + length > mem_size) [[unlikely]]
    WASMACRO_TRAP(TrapKind::MemoryOutOfBounds);
  if (length != 0) std::memmove(mem + destination, mem + source, length);
  st->memory0->mark_dirty(destination, length);
  pc += 6;
  WASMACRO_DISPATCH();
}
L_MemoryInit: {
  uint32_t segment = pc[1];
  uint64_t destination = static_cast<uint32_t>(fp[pc[3]]);
  uint64_t source = static_cast<uint32_t>(fp[pc[4]]);
  uint64_t length = static_cast<uint32_t>(fp[pc[5]]);
  const DataSegment& data = st->ir->data[segment];
  uint64_t available = st->data_dropped[segment] ? 0 : data.size;
  if (destination + length > mem_size || source + length > available) [[unlikely]]
    WASMACRO_TRAP(TrapKind::MemoryOutOfBounds);
  if (length != 0) std::memcpy(mem + destination, st->ir->bytes.data() + data.data_offset + source, length);
  st->memory0->mark_dirty(destination, length);
  pc += 6;
  WASMACRO_DISPATCH();
}
L_DataDrop:
  st->data_dropped[pc[1]] = 1;
  pc += 2;
  WASMACRO_DISPATCH();
L_TableGet: {
  Table* table = st->tables[pc[2]];
  uint32_t index = static_cast<uint32_t>(fp[pc[3]]);
  if (index >= table->elements_.size()) [[unlikely]] WASMACRO_TRAP(TrapKind::TableOutOfBounds);
  fp[pc[1]] = table->elements_[index];
  pc += 4;
  WASMACRO_DISPATCH();
}
L_TableSet: {
  Table* table = st->tables[pc[1]];
  uint32_t index = static_cast<uint32_t>(fp[pc[2]]);
  if (index >= table->elements_.size()) [[unlikely]] WASMACRO_TRAP(TrapKind::TableOutOfBounds);
  table->elements_[index] = static_cast<Ref>(fp[pc[3]]);
  pc += 4;
  WASMACRO_DISPATCH();
}
L_TableSize:
  fp[pc[2]] = st->tables[pc[1]]->elements_.size();
  pc += 3;
  WASMACRO_DISPATCH();
L_TableGrow: {
  Table* table = st->tables[pc[1]];
  bool hit_cap = false;
  auto old_size = table->grow(static_cast<uint32_t>(fp[pc[4]]), static_cast<Ref>(fp[pc[3]]), &hit_cap);
  if (hit_cap) [[unlikely]] {
    trap_message = "table.grow to more than " + std::to_string(table->cap_elements_) +
                   " elements (StoreLimits::max_table_elements)";
    WASMACRO_TRAP(TrapKind::TableLimitExceeded);
  }
  fp[pc[2]] = old_size ? *old_size : UINT32_MAX;
  pc += 5;
  WASMACRO_DISPATCH();
}
L_TableFill: {
  Table* table = st->tables[pc[1]];
  uint64_t index = static_cast<uint32_t>(fp[pc[2]]);
  Ref value = static_cast<Ref>(fp[pc[3]]);
  uint64_t length = static_cast<uint32_t>(fp[pc[4]]);
  if (index + length > table->elements_.size()) [[unlikely]] WASMACRO_TRAP(TrapKind::TableOutOfBounds);
  std::fill_n(table->elements_.begin() + static_cast<ptrdiff_t>(index), length, value);
  pc += 5;
  WASMACRO_DISPATCH();
}
L_TableCopy: {
  Table* destination_table = st->tables[pc[1]];
  Table* source_table = st->tables[pc[2]];
  uint64_t destination = static_cast<uint32_t>(fp[pc[3]]);
  uint64_t source = static_cast<uint32_t>(fp[pc[4]]);
  uint64_t length = static_cast<uint32_t>(fp[pc[5]]);
  if (destination + length > destination_table->elements_.size() || source + length > source_table->elements_.size())
      [[unlikely]]
    WASMACRO_TRAP(TrapKind::TableOutOfBounds);
  if (length != 0) {
    std::memmove(destination_table->elements_.data() + destination, source_table->elements_.data() + source,
                 length * sizeof(Ref));
  }
  pc += 6;
  WASMACRO_DISPATCH();
}
L_TableInit: {
  uint32_t segment = pc[1];
  Table* table = st->tables[pc[2]];
  uint64_t destination = static_cast<uint32_t>(fp[pc[3]]);
  uint64_t source = static_cast<uint32_t>(fp[pc[4]]);
  uint64_t length = static_cast<uint32_t>(fp[pc[5]]);
  const std::vector<Ref>& items = st->element_segments[segment];
  if (destination + length > table->elements_.size() || source + length > items.size()) [[unlikely]]
    WASMACRO_TRAP(TrapKind::TableOutOfBounds);
  if (length != 0) std::memcpy(table->elements_.data() + destination, items.data() + source, length * sizeof(Ref));
  pc += 6;
  WASMACRO_DISPATCH();
}
L_ElemDrop:
  st->element_segments[pc[1]].clear();
  st->element_segments[pc[1]].shrink_to_fit();
  pc += 2;
  WASMACRO_DISPATCH();
L_RefIsNull:
  fp[pc[1]] = fp[pc[2]] == 0 ? 1 : 0;
  pc += 3;
  WASMACRO_DISPATCH();
L_RefFunc:
  fp[pc[1]] = reinterpret_cast<uintptr_t>(st->functions[pc[2]]);
  pc += 3;
  WASMACRO_DISPATCH();

  // Opcodes the translator never emits.
L_Nop:
L_Block:
L_Loop:
L_If:
L_Else:
L_End:
L_Return:
L_Drop:
L_SelectTyped:
L_LocalGet:
L_LocalSet:
L_LocalTee:
L_I32Const:
L_I64Const:
L_F32Const:
L_F64Const:
L_RefNull:
L_Invalid:
  trap_message = "internal error: the interpreter reached an instruction the translator never emits";
  WASMACRO_TRAP(TrapKind::Host);

#undef WASMACRO_DISPATCH
#undef WASMACRO_TRAP

L_trap: {
  Trap trap = make_trap(trap_kind, std::move(trap_message));
  // Innermost first: the trapping instruction, then every caller's call instruction.
  if (pc != nullptr && fn != nullptr) {
    uint32_t position = static_cast<uint32_t>(pc - fn->code.data());
    trap.backtrace.push_back({fn->function_index, "", fn->binary_offset_at(position)});
    trap.backtrace.back().function_name = instance->module().function_name(fn->function_index);
  }
  while (frames_.size() > base_depth) {
    const Frame& frame = frames_.back();
    if (frame.code != nullptr) {
      uint32_t position = static_cast<uint32_t>(frame.return_pc - 1 - frame.code->code.data());
      TraceFrame trace{frame.code->function_index, frame.instance->module().function_name(frame.code->function_index),
                       frame.code->binary_offset_at(position)};
      trap.backtrace.push_back(std::move(trace));
    }
    frames_.pop_back();
  }
  store_.fuel_ = reserve + static_cast<uint64_t>(std::max<int64_t>(budget, 0));
  stack_top_ = entry_slots;
  return trap;
}

L_finish:
  store_.fuel_ = reserve + static_cast<uint64_t>(std::max<int64_t>(budget, 0));
  stack_top_ = entry_slots;
  return std::nullopt;
}

}  // namespace wasmacro::engine::detail
