// The engine's public C++ API: load a module, instantiate it in a Store with host imports, call its
// exports under limits, inspect and snapshot its state. It knows nothing about macros.
//
//   auto module = Module::load(bytes);                 // decode + validate; translates nothing yet
//   Store store(limits);
//   auto instance = store.instantiate(*module, imports);
//   auto trap = store.call(instance->exported_function("f"), args, results);
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "wasmacro/engine/result.h"
#include "wasmacro/engine/trap.h"
#include "wasmacro/engine/types.h"
#include "wasmacro/engine/value.h"

namespace wasmacro::engine {

namespace detail {
struct ModuleIR;
struct ModuleAccess;
class Interpreter;
struct InstanceState;
}  // namespace detail

class Store;
class Instance;

// ---------------------------------------------------------------------------------------------------
// Module: decoded and validated code, immutable and shareable between stores and threads.
// ---------------------------------------------------------------------------------------------------

struct LoadOptions {
  // Implementation limits, checked while decoding. Going past one is an ErrorKind::Unsupported error
  // that names the limit, never an allocation of the declared size.
  uint32_t max_locals_per_function = 50'000;
  uint32_t max_control_depth = 10'000;  // nesting of block/loop/if in one function
  uint32_t max_function_size = 8 << 20;  // bytes of one function body
};

struct ImportInfo {
  std::string module;
  std::string name;
  ExternKind kind = ExternKind::Function;
  FuncType function;  // kind == Function
  TableType table;    // kind == Table
  MemoryType memory;  // kind == Memory
  GlobalType global;  // kind == Global
};

struct ExportInfo {
  std::string name;
  ExternKind kind = ExternKind::Function;
  uint32_t index = 0;  // in the module's index space of that kind
};

struct CustomSection {
  std::string name;
  std::span<const uint8_t> data;  // points into the module's own copy of the bytes
  uint64_t offset = 0;            // of the section's payload in the binary
};

class Module {
 public:
  // Copies the bytes, decodes and validates every function. Function bodies are translated lazily,
  // at their first call.
  static Result<std::shared_ptr<const Module>> load(std::span<const uint8_t> bytes, const LoadOptions& options = {});

  ~Module();
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  const std::vector<ImportInfo>& imports() const;
  const std::vector<ExportInfo>& exports() const;
  const std::vector<CustomSection>& custom_sections() const;
  std::optional<std::span<const uint8_t>> custom_section(std::string_view name) const;

  size_t binary_size() const;
  uint32_t function_count() const;  // imported functions included
  FuncType function_type(uint32_t function_index) const;
  // The name from the name section, demangled if it is a Rust symbol; "" if none.
  std::string function_name(uint32_t function_index) const;
  // The function's body in the text format's instruction syntax, one instruction a line with its
  // byte offset. Only for functions the module defines.
  Result<std::string> disassemble(uint32_t function_index) const;
  // How many function bodies have been translated to internal code so far (lazy translation).
  uint32_t translated_function_count() const;

 private:
  friend struct detail::ModuleAccess;
  Module();
  std::unique_ptr<detail::ModuleIR> ir_;
};

// ---------------------------------------------------------------------------------------------------
// Runtime objects. All are owned by a Store and live as long as it does.
// ---------------------------------------------------------------------------------------------------

class Function;
class Table;
class Memory;
class Global;

// What a host function sees of its caller.
class HostContext {
 public:
  // The calling instance's memory 0, or nullptr when the caller is the embedder or has no memory.
  Memory* caller_memory() const { return memory_; }
  Instance* caller_instance() const { return instance_; }

 private:
  friend class detail::Interpreter;
  friend class Store;
  Memory* memory_ = nullptr;
  Instance* instance_ = nullptr;
};

// A host function fills `results` (already sized and typed from its FuncType) or returns a Trap,
// which unwinds the guest with TrapKind::Host and that message.
using HostFunction =
    std::function<std::optional<Trap>(HostContext& context, std::span<const Value> args, std::span<Value> results)>;

using Extern = std::variant<Function*, Table*, Memory*, Global*>;
ExternKind extern_kind(const Extern& value);

class Function {
 public:
  const FuncType& type() const { return *type_; }
  std::string_view debug_name() const;

 private:
  friend class Store;
  friend class detail::Interpreter;
  friend struct detail::InstanceState;
  Function() = default;

  const FuncType* type_ = nullptr;  // interned: equal types have equal pointers
  // Either a guest function (instance_ != nullptr) or a host function.
  Instance* instance_ = nullptr;
  uint32_t function_index_ = 0;  // in instance_'s module
  HostFunction host_;
  std::string host_name_;
};

class Memory {
 public:
  static constexpr uint32_t kDirtyPageSize = 4096;

  ~Memory();
  Memory(const Memory&) = delete;
  Memory& operator=(const Memory&) = delete;

  const MemoryType& type() const { return type_; }
  uint64_t size_bytes() const { return size_; }
  uint64_t pages() const { return size_ / kPageSize; }

  // Bounds-checked views; nullopt when [offset, offset + length) leaves the memory. A writable span
  // marks its pages dirty for the next snapshot restore, so read through view() or read().
  std::optional<std::span<uint8_t>> span(uint64_t offset, uint64_t length);
  std::optional<std::span<const uint8_t>> view(uint64_t offset, uint64_t length) const;
  Result<void> read(uint64_t offset, std::span<uint8_t> out) const;
  Result<void> write(uint64_t offset, std::span<const uint8_t> in);

  // Grows by `delta` pages; returns the old size in pages, or nullopt when past the type's maximum
  // (the guest sees -1). Past the store's cap it sets `hit_cap` so the caller can trap instead.
  std::optional<uint32_t> grow(uint64_t delta, bool* hit_cap = nullptr);

  // 4 KiB pages written since the last snapshot or restore of the owning instance, and how many
  // pages the last restore copied. Restores cost time in proportion to the first, not to the size.
  size_t dirty_page_count() const { return dirty_pages_.size(); }
  size_t pages_copied_by_last_restore() const { return last_restore_pages_; }

 private:
  friend class Store;
  friend class detail::Interpreter;
  friend struct detail::InstanceState;
  friend class Instance;
  Memory() = default;
  void mark_dirty(uint64_t offset, uint64_t length);
  void clear_dirty();

  MemoryType type_;
  uint8_t* base_ = nullptr;     // reserved address range, never moves, so handlers may cache it
  uint64_t size_ = 0;           // accessible bytes
  uint64_t reserved_ = 0;       // reserved bytes (the cap or the declared maximum, whichever is lower)
  uint64_t cap_pages_ = 0;      // the store's limit
  // Software dirty tracking: one byte per 4 KiB page of the accessible range, plus the list of
  // pages whose byte is set. No signal handler is involved: the engine runs inside rustc.
  std::vector<uint8_t> dirty_map_;
  std::vector<uint32_t> dirty_pages_;
  size_t last_restore_pages_ = 0;
  uint64_t baseline_ = 0;       // the snapshot the memory last matched, 0 for none
};

class Table {
 public:
  const TableType& type() const { return type_; }
  uint32_t size() const { return static_cast<uint32_t>(elements_.size()); }
  std::optional<Ref> get(uint32_t index) const;
  Result<void> set(uint32_t index, Ref value);
  // Returns the old size, or nullopt past the maximum; `hit_cap` as for Memory::grow.
  std::optional<uint32_t> grow(uint32_t delta, Ref init, bool* hit_cap = nullptr);

 private:
  friend class Store;
  friend class detail::Interpreter;
  friend struct detail::InstanceState;
  friend class Instance;
  Table() = default;

  TableType type_;
  std::vector<Ref> elements_;
  uint64_t cap_elements_ = 0;
};

class Global {
 public:
  const GlobalType& type() const { return type_; }
  Value get() const { return Value::from_bits(type_.type, bits_); }
  Result<void> set(Value value);

 private:
  friend class Store;
  friend class detail::Interpreter;
  friend struct detail::InstanceState;
  friend class Instance;
  Global() = default;

  GlobalType type_;
  uint64_t bits_ = 0;
};

// ---------------------------------------------------------------------------------------------------
// Limits. All are deterministic except the deadline.
// ---------------------------------------------------------------------------------------------------

struct StoreLimits {
  static constexpr uint64_t kUnlimitedFuel = UINT64_MAX;

  // Instructions a call may execute, charged per straight-line block. Refill with Store::set_fuel.
  uint64_t fuel = kUnlimitedFuel;
  uint64_t max_memory_pages = kMaxPages;   // per memory; past it memory.grow traps (MemoryLimit)
  uint64_t max_table_elements = 10'000'000;  // per table; past it table.grow traps (TableLimit)
  uint32_t max_call_depth = 100'000;       // guest frames
  uint64_t max_stack_slots = 8 << 20;      // 8-byte value slots (locals and operands), 64 MiB
  // The one non-deterministic limit: off by default, and an expansion that hit it must never be
  // cached. Checked every few thousand blocks, so the overshoot is small but not zero.
  std::optional<std::chrono::steady_clock::time_point> deadline;
};

// ---------------------------------------------------------------------------------------------------
// Instance and Store.
// ---------------------------------------------------------------------------------------------------

// The state a snapshot restores: memory contents and size, mutable globals, tables, dropped
// segments. Opaque; only valid for the instance that took it.
class Snapshot {
 public:
  Snapshot();
  ~Snapshot();
  Snapshot(Snapshot&&) noexcept;
  Snapshot& operator=(Snapshot&&) noexcept;

 private:
  friend class Instance;
  struct Data;
  std::unique_ptr<Data> data_;
};

class Instance {
 public:
  const Module& module() const;
  std::optional<Extern> find_export(std::string_view name) const;
  Function* exported_function(std::string_view name) const;
  Memory* exported_memory(std::string_view name) const;
  Global* exported_global(std::string_view name) const;
  Table* exported_table(std::string_view name) const;
  Memory* memory(uint32_t index = 0) const;  // nullptr if none
  Function* function(uint32_t index) const;  // in the module's function index space

  // Captures memories, globals, tables and segment state owned by this instance. Imported objects
  // are the exporter's business and are not included.
  Snapshot snapshot() const;
  // Restores what snapshot() captured; the instance is then indistinguishable from that moment.
  void restore(const Snapshot& snapshot);

  ~Instance();

 private:
  friend class Store;
  friend class detail::Interpreter;
  friend struct detail::InstanceState;
  Instance();
  std::unique_ptr<detail::InstanceState> state_;
};

struct CallStats {
  uint64_t fuel_consumed = 0;
};

class Store {
 public:
  explicit Store(const StoreLimits& limits = {});
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  const StoreLimits& limits() const { return limits_; }
  void set_fuel(uint64_t fuel);
  uint64_t fuel_remaining() const { return fuel_; }
  void set_deadline(std::optional<std::chrono::steady_clock::time_point> deadline);

  Function* create_host_function(const FuncType& type, HostFunction callback, std::string debug_name = {});
  Result<Memory*> create_memory(const MemoryType& type);
  Result<Table*> create_table(const TableType& type, Ref init = kNullRef);
  Result<Global*> create_global(const GlobalType& type, Value value);

  // Imports are given in the module's import order. Runs data/element initialisation and the start
  // function; a trap there is an ErrorKind::Instantiate error carrying the trap's description.
  Result<Instance*> instantiate(std::shared_ptr<const Module> module, std::span<const Extern> imports);

  // Calls a function with typed arguments. Returns the trap, if any; otherwise fills `results`.
  std::optional<Trap> call(Function* function, std::span<const Value> args, std::vector<Value>& results,
                           CallStats* stats = nullptr);

 private:
  friend class detail::Interpreter;
  friend struct detail::InstanceState;
  StoreLimits limits_;
  uint64_t fuel_;
  std::vector<std::unique_ptr<Function>> functions_;
  std::vector<std::unique_ptr<Memory>> memories_;
  std::vector<std::unique_ptr<Table>> tables_;
  std::vector<std::unique_ptr<Global>> globals_;
  std::vector<std::unique_ptr<Instance>> instances_;
  std::unique_ptr<detail::Interpreter> interpreter_;
};

}  // namespace wasmacro::engine
