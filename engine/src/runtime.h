// Runtime state behind the public Store/Instance API, shared by instantiation and the interpreter.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "module_ir.h"
#include "translator.h"
#include "wasmacro/engine/engine.h"

namespace wasmacro::engine::detail {

// Equal function types share one interned object for the life of the process, so call_indirect's
// signature check and import matching compare pointers.
const FuncType* intern_type(const FuncType& type);

struct InstanceState {
  Store* store = nullptr;
  std::shared_ptr<const Module> module;
  const ModuleIR* ir = nullptr;
  std::vector<const FuncType*> types;  // the module's type section, interned
  std::vector<Function*> functions;
  std::vector<Table*> tables;
  std::vector<Memory*> memories;
  std::vector<Global*> globals;
  std::vector<std::vector<Ref>> element_segments;  // evaluated items; emptied by elem.drop
  std::vector<uint8_t> data_dropped;               // per data segment
  // Objects defined (not imported) by this instance: what a snapshot captures.
  std::vector<Memory*> owned_memories;
  std::vector<Table*> owned_tables;
  std::vector<Global*> owned_globals;

  Memory* memory0 = nullptr;

  static InstanceState& of(Instance& instance) { return *instance.state_; }
  static const InstanceState& of(const Instance& instance) { return *instance.state_; }
};

class Interpreter {
 public:
  explicit Interpreter(Store& store);
  ~Interpreter();

  // Runs `function` with arguments already written to the slots at `args`; results replace them.
  std::optional<Trap> invoke(Function* function, std::span<const Value> args, std::vector<Value>& results);

  static void set_host_context(HostContext& context, Instance* instance, Memory* memory) {
    context.instance_ = instance;
    context.memory_ = memory;
  }

 private:
  struct Frame;
  std::optional<Trap> execute(Function* entry, uint64_t* entry_slots);
  std::optional<Trap> call_host(Function* function, uint64_t* slots, Instance* caller);

  Store& store_;
  uint64_t* stack_ = nullptr;  // reserved address range, committed by the OS as it is touched
  uint64_t stack_slots_ = 0;
  uint64_t* stack_top_ = nullptr;  // first free slot; nested invocations start here
  std::vector<Frame> frames_;
  uint32_t nesting_ = 0;
};

}  // namespace wasmacro::engine::detail
