// One expansion: restore the post-initialisation snapshot, copy the input message in, call the macro's
// export, copy the output message out. Everything the guest asks in between goes through the closed
// list of host functions bound here; every guest pointer is bounds-checked before it is used.
#include <cstdlib>
#include <cstring>
#include <unordered_map>

#include "abi_imports.h"
#include "wasmacro/engine/engine.h"
#include "wasmacro/host/host.h"

namespace wasmacro::host {

using engine::Trap;
using engine::TrapKind;
using engine::Value;

struct Expander::State {
  explicit State(const engine::StoreLimits& limits) : store(limits) {}

  engine::Store store;
  engine::Instance* instance = nullptr;
  engine::Memory* memory = nullptr;
  engine::Function* alloc = nullptr;
  engine::Snapshot snapshot;
  bool pristine = true;  // nothing has run since the snapshot
  Limits limits;
  std::unordered_map<std::string, engine::Function*> entries;

  // Per expansion.
  HostCalls* calls = nullptr;
  std::string reply;
  std::optional<std::string> panic_message;
  std::vector<Value> results;
};

namespace {

Trap host_trap(std::string_view import, std::string message) {
  Trap trap;
  trap.kind = TrapKind::Host;
  trap.message = "host call `" + std::string(import) + "`: " + std::move(message);
  return trap;
}

std::string range_text(uint64_t ptr, uint64_t len, const engine::Memory* memory) {
  // Built by appending: GCC 12 reports a false -Wrestrict on `"literal" + std::string&&` chains.
  std::string text = "[";
  text += std::to_string(ptr);
  text += ", ";
  text += std::to_string(ptr + len);
  text += ") is outside guest memory (";
  text += std::to_string(memory ? memory->size_bytes() : 0);
  text += " bytes)";
  return text;
}

// The result convention of docs/abi.md: a length >= 0, or -(n + 1) for "no value / error" with an
// n-byte message waiting in the reply buffer.
int32_t byte_answer(int64_t r, const std::string& reply) {
  int64_t n = static_cast<int64_t>(reply.size());
  return static_cast<int32_t>(r >= 0 ? n : -(n + 1));
}

const char* limit_setting(TrapKind kind) {
  switch (kind) {
    case TrapKind::FuelExhausted: return "WASMACRO_FUEL";
    case TrapKind::MemoryLimitExceeded: return "WASMACRO_MAX_MEMORY_MB";
    case TrapKind::CallStackExhausted: return "WASMACRO_MAX_CALL_DEPTH";
    case TrapKind::DeadlineExceeded: return "WASMACRO_TIMEOUT_MS";
    case TrapKind::TableLimitExceeded: return "WASMACRO_MAX_MEMORY_MB";
    default: return nullptr;
  }
}

std::string limit_text(TrapKind kind, const Limits& limits) {
  switch (kind) {
    case TrapKind::FuelExhausted:
      return "the macro ran out of fuel after " + std::to_string(limits.fuel) +
             " instructions (an infinite loop?); raise the limit with WASMACRO_FUEL=<instructions>";
    case TrapKind::MemoryLimitExceeded:
      return "the macro tried to use more than " + std::to_string(limits.max_memory_mb) +
             " MiB of memory; raise the limit with WASMACRO_MAX_MEMORY_MB=<MiB>";
    case TrapKind::CallStackExhausted:
      return "the macro exceeded the call depth limit (" + std::to_string(limits.max_call_depth) + " frames, " +
             std::to_string(limits.max_stack_mb) +
             " MiB of value stack; runaway recursion?); raise it with WASMACRO_MAX_CALL_DEPTH=<frames> or "
             "WASMACRO_MAX_STACK_MB=<MiB>";
    case TrapKind::DeadlineExceeded:
      return "the macro ran longer than " + std::to_string(limits.timeout_ms) +
             " ms; raise the limit with WASMACRO_TIMEOUT_MS=<ms> (0 disables it)";
    case TrapKind::TableLimitExceeded:
      return "the macro grew a table past its limit; raise WASMACRO_MAX_MEMORY_MB";
    default: return "";
  }
}

}  // namespace

Expander::~Expander() = default;

Result<std::unique_ptr<Expander>> Expander::create(std::shared_ptr<const MacroModule> module, const Limits& limits) {
  engine::StoreLimits store_limits;
  store_limits.fuel = limits.fuel;
  store_limits.max_memory_pages = limits.max_memory_mb * (1024 * 1024 / engine::kPageSize);
  store_limits.max_call_depth = limits.max_call_depth;
  store_limits.max_stack_slots = limits.max_stack_mb * (1024 * 1024 / 8);

  std::unique_ptr<Expander> expander(new Expander());
  expander->module_ = std::move(module);
  expander->state_ = std::make_unique<State>(store_limits);
  State& st = *expander->state_;
  st.limits = limits;
  State* s = &st;

  std::vector<engine::Extern> imports;
  for (const engine::ImportInfo& import : expander->module_->engine_module()->imports()) {
    const detail::ImportSpec* spec = detail::find_import(import.name);
    if (spec == nullptr) return Error{"unexpected import `" + import.name + "`"};  // refused at load already
    engine::HostFunction fn = [s, spec](engine::HostContext& context, std::span<const Value> args,
                                         std::span<Value> results) -> std::optional<Trap> {
      engine::Memory* memory = context.caller_memory();
      std::span<const uint8_t> data;
      if (spec->takes_bytes) {
        uint32_t ptr = args[0].as_i32(), len = args[1].as_i32();
        auto view = memory ? memory->span(ptr, len) : std::nullopt;
        if (!view) return host_trap(spec->name, "the argument bytes " + range_text(ptr, len, memory));
        data = *view;
      }
      switch (spec->id) {
        case detail::Import::Reply: {
          uint32_t dst = args[0].as_i32();
          auto view = memory ? memory->span(dst, s->reply.size()) : std::nullopt;
          if (!view) return host_trap(spec->name, "the destination " + range_text(dst, s->reply.size(), memory));
          std::memcpy(view->data(), s->reply.data(), s->reply.size());
          return std::nullopt;
        }
        case detail::Import::PanicMessage:
          s->panic_message.emplace(reinterpret_cast<const char*>(data.data()), data.size());
          return std::nullopt;
        case detail::Import::EnvVar: {
          std::string_view name(reinterpret_cast<const char*>(data.data()), data.size());
          const char* value = nullptr;
          if (name.find('\0') == std::string_view::npos && s->limits.env_allowed(name)) {
            value = std::getenv(std::string(name).c_str());
          }
          s->reply.assign(value != nullptr ? value : "");
          results[0] = Value::i32(static_cast<uint32_t>(byte_answer(value != nullptr ? 0 : -1, s->reply)));
          return std::nullopt;
        }
        default: break;
      }
      HostCall call = *spec->forwarded;
      uint32_t a = spec->takes_bytes ? 0 : args[0].as_i32();
      uint32_t b = (!spec->takes_bytes && args.size() > 1) ? args[1].as_i32() : 0;
      s->reply.clear();
      if (s->calls == nullptr) return host_trap(spec->name, "called outside an expansion");
      int64_t r = s->calls->call(call, a, b, data, s->reply);
      if (detail::answers_with_bytes(call)) {
        if (s->reply.size() > INT32_MAX - 1) return host_trap(spec->name, "the answer is larger than 2 GiB");
        results[0] = Value::i32(static_cast<uint32_t>(byte_answer(r, s->reply)));
      } else {
        if (r < 0) return host_trap(spec->name, s->reply.empty() ? "the host could not answer" : s->reply);
        results[0] = Value::i32(static_cast<uint32_t>(r));
      }
      return std::nullopt;
    };
    imports.emplace_back(st.store.create_host_function(import.function, std::move(fn), "wasmacro." + import.name));
  }
  auto instance = st.store.instantiate(expander->module_->engine_module(), imports);
  if (!instance.ok()) return Error{"instantiating the macro module failed: " + instance.error().describe()};
  st.instance = instance.value();
  st.memory = st.instance->exported_memory("memory");
  st.alloc = st.instance->exported_function("wasmacro_alloc");
  if (st.memory == nullptr || st.alloc == nullptr) {
    return Error{"the module does not export `memory` and `wasmacro_alloc`, which the guest ABI requires"};
  }
  // Initialisation includes the guest's allocator: one tiny allocation makes it claim its first heap
  // pages, so that the snapshot holds an initialised heap and a small expansion neither grows memory
  // nor has the growth undone (mprotect, madvise, page faults) at every restore. The byte stays
  // allocated in the snapshot; no expansion ever sees it.
  engine::Value one = engine::Value::i32(1);
  if (auto trap = st.store.call(st.alloc, {&one, 1}, st.results)) {
    return Error{"initialising the guest's allocator trapped: " + trap->describe()};
  }
  st.snapshot = st.instance->snapshot();
  return expander;
}

Expansion Expander::expand(std::string_view export_name, std::span<const uint8_t> input, HostCalls& calls) {
  State& st = *state_;
  Expansion out;
  auto fail = [&out](Outcome outcome, std::string message) -> Expansion& {
    out.outcome = outcome;
    out.message = std::move(message);
    return out;
  };

  auto entry_it = st.entries.find(std::string(export_name));
  if (entry_it == st.entries.end()) {
    engine::Function* f = st.instance->exported_function(export_name);
    if (f == nullptr) return fail(Outcome::Error, "the module has no export `" + std::string(export_name) + "`");
    entry_it = st.entries.emplace(std::string(export_name), f).first;
  }
  engine::Function* entry = entry_it->second;

  if (!st.pristine) st.instance->restore(st.snapshot);
  st.pristine = false;
  st.store.set_fuel(st.limits.fuel);
  if (st.limits.timeout_ms != 0) {
    st.store.set_deadline(std::chrono::steady_clock::now() + std::chrono::milliseconds(st.limits.timeout_ms));
  }
  st.calls = &calls;
  st.panic_message.reset();
  st.reply.clear();
  struct Reset {
    State& st;
    ~Reset() { st.calls = nullptr; }
  } reset{st};

  auto on_trap = [&](const Trap& trap) -> Expansion& {
    if (st.panic_message) return fail(Outcome::Panic, *st.panic_message);
    if (const char* setting = limit_setting(trap.kind)) {
      out.setting = setting;
      std::string text = limit_text(trap.kind, st.limits);
      return fail(Outcome::Limit, text);
    }
    return fail(Outcome::Trap, "the macro trapped: " + trap.describe());
  };

  engine::CallStats stats;
  Value len_arg = Value::i32(static_cast<uint32_t>(input.size()));
  if (input.size() > UINT32_MAX) return fail(Outcome::Error, "the input is larger than 4 GiB");
  if (auto trap = st.store.call(st.alloc, {&len_arg, 1}, st.results, &stats)) return on_trap(*trap);
  uint32_t in_ptr = st.results.at(0).as_i32();
  if (!st.memory->write(in_ptr, input).ok()) {
    return fail(Outcome::BadOutput, "`wasmacro_alloc` returned " + std::to_string(in_ptr) + " for " +
                                        std::to_string(input.size()) + " bytes, " +
                                        range_text(in_ptr, input.size(), st.memory));
  }
  Value args[2] = {Value::i32(in_ptr), len_arg};
  auto trap = st.store.call(entry, args, st.results, &stats);
  out.fuel_used = st.limits.fuel - st.store.fuel_remaining();
  if (trap) return on_trap(*trap);

  uint32_t out_ptr = st.results.at(0).as_i32();
  uint8_t header[4];
  if (!st.memory->read(out_ptr, header).ok()) {
    return fail(Outcome::BadOutput, "the output pointer " + range_text(out_ptr, 4, st.memory));
  }
  uint32_t out_len;
  std::memcpy(&out_len, header, 4);
  if (out_len > st.limits.max_output_mb * 1024 * 1024) {
    out.setting = "WASMACRO_MAX_OUTPUT_MB";
    return fail(Outcome::Limit, "the macro's output is " + std::to_string(out_len) + " bytes, more than " +
                                    std::to_string(st.limits.max_output_mb) +
                                    " MiB; raise the limit with WASMACRO_MAX_OUTPUT_MB=<MiB>");
  }
  auto view = st.memory->span(static_cast<uint64_t>(out_ptr) + 4, out_len);
  if (!view) return fail(Outcome::BadOutput, "the output message " + range_text(uint64_t{out_ptr} + 4, out_len, st.memory));
  if (out_len < 4) return fail(Outcome::BadOutput, "the output message is " + std::to_string(out_len) + " bytes, too short for its version word");
  uint32_t version;
  std::memcpy(&version, view->data(), 4);
  if (version != kAbiVersion) {
    return fail(Outcome::BadOutput, "the output speaks wire version " + std::to_string(version) + ", this host speaks " +
                                        std::to_string(kAbiVersion));
  }
  out.output.assign(view->begin(), view->end());
  return out;
}

}  // namespace wasmacro::host
