// Store: owns every runtime object, creates memories/tables/globals, instantiates modules and calls
// functions. https://webassembly.github.io/spec/core/exec/modules.html#instantiation
#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>

#include "runtime.h"

namespace wasmacro::engine {

namespace detail {

const FuncType* intern_type(const FuncType& type) {
  static std::mutex mutex;
  static std::map<std::pair<std::vector<ValType>, std::vector<ValType>>, std::unique_ptr<FuncType>> types;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = types[{type.params, type.results}];
  if (!slot) slot = std::make_unique<FuncType>(type);
  return slot.get();
}

}  // namespace detail

namespace {

using detail::ConstExpr;
using detail::InstanceState;
using detail::ModuleIR;

Error link_error(const ImportInfo& import, const std::string& message) {
  Error error;
  error.kind = ErrorKind::Link;
  error.message = "import `" + import.module + "`.`" + import.name + "`: " + message;
  return error;
}

Error instantiate_error(std::string message) {
  Error error;
  error.kind = ErrorKind::Instantiate;
  error.message = std::move(message);
  return error;
}

// https://webassembly.github.io/spec/core/valid/types.html#match-limits
bool limits_match(uint64_t actual_min, std::optional<uint64_t> actual_max, const Limits& expected) {
  if (actual_min < expected.min) return false;
  if (!expected.max) return true;
  return actual_max && *actual_max <= *expected.max;
}

std::string limits_to_string(uint64_t min, std::optional<uint64_t> max) {
  return "{min " + std::to_string(min) + (max ? ", max " + std::to_string(*max) : std::string()) + "}";
}

uint64_t evaluate(const ConstExpr& expr, const InstanceState& state) {
  switch (expr.op) {
    case detail::Opcode::GlobalGet: return state.globals[expr.value]->get().bits;
    case detail::Opcode::RefFunc: return reinterpret_cast<uintptr_t>(state.functions[expr.value]);
    case detail::Opcode::RefNull: return kNullRef;
    default: return expr.value;
  }
}

}  // namespace

Store::Store(const StoreLimits& limits)
    : limits_(limits), fuel_(limits.fuel), interpreter_(std::make_unique<detail::Interpreter>(*this)) {}

Store::~Store() = default;

void Store::set_fuel(uint64_t fuel) { fuel_ = fuel; }
void Store::set_deadline(std::optional<std::chrono::steady_clock::time_point> deadline) { limits_.deadline = deadline; }

std::string_view Function::debug_name() const { return host_name_; }

Function* Store::create_host_function(const FuncType& type, HostFunction callback, std::string debug_name) {
  auto function = std::unique_ptr<Function>(new Function());
  function->type_ = detail::intern_type(type);
  function->host_ = std::move(callback);
  function->host_name_ = std::move(debug_name);
  functions_.push_back(std::move(function));
  return functions_.back().get();
}

Result<Memory*> Store::create_memory(const MemoryType& type) {
  uint64_t cap = std::min<uint64_t>(limits_.max_memory_pages, kMaxPages);
  if (type.limits.min > kMaxPages) return instantiate_error("memory size must be at most 65536 pages (4 GiB)");
  if (type.limits.min > cap) {
    return instantiate_error("memory declares " + std::to_string(type.limits.min) + " initial pages, more than the limit of " +
                             std::to_string(cap) + " (StoreLimits::max_memory_pages)");
  }
  auto memory = std::unique_ptr<Memory>(new Memory());
  memory->type_ = type;
  memory->cap_pages_ = cap;
  uint64_t reserve_pages = std::min<uint64_t>(type.limits.max.value_or(kMaxPages), cap);
  memory->reserved_ = reserve_pages * kPageSize;
  if (memory->reserved_ != 0) {
    void* region = mmap(nullptr, memory->reserved_, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (region == MAP_FAILED) {
      return instantiate_error("cannot reserve " + std::to_string(memory->reserved_) + " bytes of address space for a memory");
    }
    memory->base_ = static_cast<uint8_t*>(region);
  }
  if (type.limits.min != 0 && !memory->grow(type.limits.min)) {
    return instantiate_error("cannot commit " + std::to_string(type.limits.min) + " pages of memory");
  }
  memories_.push_back(std::move(memory));
  return memories_.back().get();
}

Result<Table*> Store::create_table(const TableType& type, Ref init) {
  if (type.limits.min > limits_.max_table_elements) {
    return instantiate_error("table declares " + std::to_string(type.limits.min) + " initial elements, more than the limit of " +
                             std::to_string(limits_.max_table_elements) + " (StoreLimits::max_table_elements)");
  }
  auto table = std::unique_ptr<Table>(new Table());
  table->type_ = type;
  table->cap_elements_ = limits_.max_table_elements;
  table->elements_.assign(type.limits.min, init);
  tables_.push_back(std::move(table));
  return tables_.back().get();
}

Result<Global*> Store::create_global(const GlobalType& type, Value value) {
  if (value.type != type.type) {
    Error error;
    error.kind = ErrorKind::Misuse;
    error.message = std::string("global of type ") + to_string(type.type) + " initialised with " + to_string(value.type);
    return error;
  }
  auto global = std::unique_ptr<Global>(new Global());
  global->type_ = type;
  global->bits_ = value.bits;
  globals_.push_back(std::move(global));
  return globals_.back().get();
}

Result<Instance*> Store::instantiate(std::shared_ptr<const Module> module, std::span<const Extern> imports) {
  const ModuleIR& ir = detail::ModuleAccess::ir(*module);
  if (imports.size() != ir.imports.size()) {
    Error error;
    error.kind = ErrorKind::Link;
    error.message = "module has " + std::to_string(ir.imports.size()) + " imports, " + std::to_string(imports.size()) + " given";
    return error;
  }

  // https://webassembly.github.io/spec/core/exec/modules.html#exec-instantiation step 3: match imports.
  for (size_t i = 0; i < imports.size(); ++i) {
    const ImportInfo& import = ir.imports[i];
    const Extern& given = imports[i];
    if (extern_kind(given) != import.kind) {
      return link_error(import, std::string("incompatible import type: expected a ") + to_string(import.kind) + ", got a " +
                                    to_string(extern_kind(given)));
    }
    switch (import.kind) {
      case ExternKind::Function: {
        const Function* function = std::get<Function*>(given);
        if (function->type_ != detail::intern_type(import.function)) {
          return link_error(import, "incompatible import type: expected " + import.function.to_string() + ", got " +
                                        function->type_->to_string());
        }
        break;
      }
      case ExternKind::Table: {
        const Table* table = std::get<Table*>(given);
        if (table->type_.element != import.table.element ||
            !limits_match(table->elements_.size(), table->type_.limits.max, import.table.limits)) {
          return link_error(import, std::string("incompatible import type: expected a table of ") + to_string(import.table.element) +
                                        " " + limits_to_string(import.table.limits.min, import.table.limits.max) + ", got " +
                                        to_string(table->type_.element) + " " +
                                        limits_to_string(table->elements_.size(), table->type_.limits.max));
        }
        break;
      }
      case ExternKind::Memory: {
        const Memory* memory = std::get<Memory*>(given);
        if (!limits_match(memory->pages(), memory->type_.limits.max, import.memory.limits)) {
          return link_error(import, "incompatible import type: expected a memory " +
                                        limits_to_string(import.memory.limits.min, import.memory.limits.max) + ", got " +
                                        limits_to_string(memory->pages(), memory->type_.limits.max));
        }
        break;
      }
      case ExternKind::Global: {
        const Global* global = std::get<Global*>(given);
        if (global->type_.type != import.global.type || global->type_.is_mutable != import.global.is_mutable) {
          auto describe = [](const GlobalType& type) {
            return std::string(type.is_mutable ? "mut " : "") + to_string(type.type);
          };
          return link_error(import, "incompatible import type: expected a global " + describe(import.global) + ", got " +
                                        describe(global->type_));
        }
        break;
      }
    }
  }

  // The instance joins the store before any initialisation: a segment that traps leaves earlier
  // writes in place, and functions written into imported tables must stay callable.
  instances_.push_back(std::unique_ptr<Instance>(new Instance()));
  Instance* instance = instances_.back().get();
  InstanceState& state = InstanceState::of(*instance);
  state.store = this;
  state.module = module;
  state.ir = &ir;
  state.types.reserve(ir.types.size());
  for (const FuncType& type : ir.types) state.types.push_back(detail::intern_type(type));

  for (const Extern& import : imports) {
    std::visit(
        [&](auto* object) {
          using T = std::remove_pointer_t<decltype(object)>;
          if constexpr (std::is_same_v<T, Function>) state.functions.push_back(object);
          else if constexpr (std::is_same_v<T, Table>) state.tables.push_back(object);
          else if constexpr (std::is_same_v<T, Memory>) state.memories.push_back(object);
          else state.globals.push_back(object);
        },
        import);
  }
  for (uint32_t index = ir.imported_functions; index < ir.function_types.size(); ++index) {
    auto function = std::unique_ptr<Function>(new Function());
    function->type_ = state.types[ir.function_types[index]];
    function->instance_ = instance;
    function->function_index_ = index;
    state.functions.push_back(function.get());
    functions_.push_back(std::move(function));
  }
  for (size_t i = ir.imported_globals; i < ir.globals.size(); ++i) {
    auto global = std::unique_ptr<Global>(new Global());
    global->type_ = ir.globals[i];
    global->bits_ = evaluate(ir.global_inits[i - ir.imported_globals], state);
    state.globals.push_back(global.get());
    state.owned_globals.push_back(global.get());
    globals_.push_back(std::move(global));
  }
  for (size_t i = ir.imported_tables; i < ir.tables.size(); ++i) {
    auto table = create_table(ir.tables[i]);
    if (!table) return std::move(table).error();
    state.tables.push_back(*table);
    state.owned_tables.push_back(*table);
  }
  for (size_t i = ir.imported_memories; i < ir.memories.size(); ++i) {
    auto memory = create_memory(ir.memories[i]);
    if (!memory) return std::move(memory).error();
    state.memories.push_back(*memory);
    state.owned_memories.push_back(*memory);
  }
  state.memory0 = state.memories.empty() ? nullptr : state.memories[0];

  state.element_segments.resize(ir.elements.size());
  for (size_t i = 0; i < ir.elements.size(); ++i) {
    auto& refs = state.element_segments[i];
    refs.reserve(ir.elements[i].items.size());
    for (const ConstExpr& item : ir.elements[i].items) refs.push_back(static_cast<Ref>(evaluate(item, state)));
  }
  state.data_dropped.assign(ir.data.size(), 0);

  // Active segments are applied in order, then dropped; declarative ones are dropped at once.
  auto trap_error = [](TrapKind kind, std::string what) {
    Error error = instantiate_error(what + ": " + to_string(kind));
    Trap trap;
    trap.kind = kind;
    trap.message = std::move(what);
    error.trap = std::move(trap);
    return error;
  };
  for (size_t i = 0; i < ir.elements.size(); ++i) {
    const auto& segment = ir.elements[i];
    if (segment.mode == detail::SegmentMode::Active) {
      Table* table = state.tables[segment.table_index];
      uint64_t offset = static_cast<uint32_t>(evaluate(segment.offset, state));
      auto& refs = state.element_segments[i];
      if (offset + refs.size() > table->elements_.size()) {
        return trap_error(TrapKind::TableOutOfBounds, "element segment " + std::to_string(i) + " does not fit its table");
      }
      std::copy(refs.begin(), refs.end(), table->elements_.begin() + static_cast<ptrdiff_t>(offset));
    }
    if (segment.mode != detail::SegmentMode::Passive) state.element_segments[i].clear();
  }
  for (size_t i = 0; i < ir.data.size(); ++i) {
    const auto& segment = ir.data[i];
    if (segment.mode != detail::SegmentMode::Active) continue;
    Memory* memory = state.memories[segment.memory_index];
    uint64_t offset = static_cast<uint32_t>(evaluate(segment.offset, state));
    if (offset + segment.size > memory->size_) {
      return trap_error(TrapKind::MemoryOutOfBounds, "data segment " + std::to_string(i) + " does not fit its memory");
    }
    if (segment.size != 0) std::memcpy(memory->base_ + offset, ir.bytes.data() + segment.data_offset, segment.size);
    memory->mark_dirty(offset, segment.size);
    state.data_dropped[i] = 1;
  }

  if (ir.start) {
    std::vector<Value> results;
    if (auto trap = call(state.functions[*ir.start], {}, results)) {
      Error error = instantiate_error("start function trapped: " + trap->describe());
      error.trap = std::move(*trap);
      return error;
    }
  }
  return instance;
}

std::optional<Trap> Store::call(Function* function, std::span<const Value> args, std::vector<Value>& results,
                                CallStats* stats) {
  if (function == nullptr) {
    Trap trap;
    trap.kind = TrapKind::InvalidArguments;
    trap.message = "called a null function";
    return trap;
  }
  uint64_t fuel_before = fuel_;
  auto trap = interpreter_->invoke(function, args, results);
  if (stats != nullptr) stats->fuel_consumed = fuel_before - fuel_;
  return trap;
}

}  // namespace wasmacro::engine
