// The macro host: loads macro modules (once per process, keyed by content hash), checks them against
// the guest ABI (docs/abi.md), and runs expansions on fresh state under limits. It reaches the engine
// only through wasmacro/engine/engine.h. Host calls that only rustc can answer exactly (lexing, span
// locations) are forwarded to the embedder through HostCalls.
//
//   auto module = MacroModule::load(bytes);            // cached: the same bytes give the same object
//   auto expander = Expander::create(*module, Limits::from_environment());
//   Expansion result = (*expander)->expand(export_name, wire_input, calls);
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace wasmacro::engine {
class Module;
}

namespace wasmacro::host {

// The version of the guest ABI and wire format this host speaks (docs/abi.md, "Versions").
inline constexpr uint32_t kAbiVersion = 2;
inline constexpr std::string_view kImportModule = "wasmacro";
inline constexpr std::string_view kMetadataSection = "wasmacro.macros";

struct Error {
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : storage_(std::in_place_index<0>, std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Error error) : storage_(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)
  bool ok() const { return storage_.index() == 0; }
  T& value() & { return std::get<0>(storage_); }
  T&& value() && { return std::get<0>(std::move(storage_)); }
  T* operator->() { return &value(); }
  T& operator*() & { return value(); }
  const Error& error() const { return std::get<1>(storage_); }

 private:
  std::variant<T, Error> storage_;
};

// ---------------------------------------------------------------------------------------------------
// Limits. Defaults are far above what real macros use (a serde derive on a large crate stays two orders
// of magnitude below each), so hitting one means a runaway guest.
// ---------------------------------------------------------------------------------------------------

struct Limits {
  uint64_t fuel = 20'000'000'000;       // WASMACRO_FUEL: instructions per expansion
  uint64_t max_memory_mb = 2048;        // WASMACRO_MAX_MEMORY_MB: guest linear memory
  uint32_t max_call_depth = 50'000;     // WASMACRO_MAX_CALL_DEPTH: guest frames
  uint64_t max_stack_mb = 256;          // WASMACRO_MAX_STACK_MB: the engine's value stack
  uint64_t max_output_mb = 512;         // WASMACRO_MAX_OUTPUT_MB: output message size
  // WASMACRO_MAX_OUTPUT_DEPTH: nesting of output groups (the shim checks it). rustc 1.95 itself
  // overflows its 8 MiB stack parsing ~2,000 nested parentheses in an expression, so the default
  // stays well below; the bridge rebuilds iteratively and handles 1,000,000 (tests/bridge/hostile.py).
  uint32_t max_output_depth = 1000;
  uint64_t timeout_ms = 0;              // WASMACRO_TIMEOUT_MS: wall clock, 0 = off (non-deterministic)

  // The environment variables a guest's std::env::var may read: exact names, or prefixes ending in
  // `*`. By default the ones cargo sets to describe the crate being compiled, which name no host
  // path; WASMACRO_ALLOW_ENV (comma-separated, same syntax) adds to them. Any other read answers
  // "not present", as on a machine where the variable is unset.
  std::vector<std::string> allowed_env = {"CARGO_PKG_*", "CARGO_CRATE_NAME"};
  bool env_allowed(std::string_view name) const;

  // Reads the WASMACRO_* variables over the defaults. A malformed value is an error naming it.
  static Result<Limits> from_environment();
};

// ---------------------------------------------------------------------------------------------------
// Metadata: the JSON in the "wasmacro.macros" custom section that `wasmacro build` writes.
// ---------------------------------------------------------------------------------------------------

enum class MacroKind : uint8_t { Derive, Attribute, Function };
const char* to_string(MacroKind kind);  // "derive", "attribute", "function"

struct MacroInfo {
  std::string name;         // the derive's trait name, or the attribute / function-like macro's name
  MacroKind kind = MacroKind::Function;
  std::string function;     // the Rust function that implements it in the source crate ("" if unknown)
  std::string export_name;  // the guest export to call
  std::vector<std::string> attributes;  // derive helper attributes
};

struct Metadata {
  std::string crate_name;
  std::string crate_version;
  std::vector<std::string> features;  // enabled when it was built
  std::vector<MacroInfo> macros;
  std::string json;  // the section as stored
};

Result<Metadata> parse_metadata(std::span<const uint8_t> section);

// ---------------------------------------------------------------------------------------------------
// Modules, shared by every thread of the process.
// ---------------------------------------------------------------------------------------------------

class MacroModule {
 public:
  // Decodes, validates and checks the imports against the ABI's closed list; cached by content hash,
  // so loading the same bytes again costs one hash. Thread-safe.
  static Result<std::shared_ptr<const MacroModule>> load(std::span<const uint8_t> bytes);

  const Metadata& metadata() const { return metadata_; }
  const std::shared_ptr<const engine::Module>& engine_module() const { return module_; }
  uint64_t content_hash() const { return hash_; }
  const MacroInfo* find_macro(std::string_view name) const;

 private:
  std::shared_ptr<const engine::Module> module_;
  Metadata metadata_;
  uint64_t hash_ = 0;
};

uint64_t content_hash(std::span<const uint8_t> bytes);

// ---------------------------------------------------------------------------------------------------
// Host calls the embedder answers, and one expansion.
// ---------------------------------------------------------------------------------------------------

// Embedder-answered host calls, numbered as in the C API (wasmacro.h, WASMACRO_CALL_*).
enum class HostCall : uint32_t {
  StreamFromStr = 1,   // data: UTF-8 source -> reply: wire stream, or error message
  LiteralFromStr = 2,  // data: UTF-8 source -> reply: the literal's text, or error message
  StreamToString = 3,  // data: wire stream -> reply: rustc's printing of it
  IdentNormalize = 4,  // data: UTF-8 -> reply: NFC symbol, or "no value" when not an identifier
  SpanDebug = 5,       // a: span -> reply: Debug text
  SpanSourceText = 6,  // a: span -> reply: source text, or "no value"
  SpanFile = 7,        // a: span -> reply: path for display
  SpanLocalFile = 8,   // a: span -> reply: local path, or "no value"
  SpanLine = 9,        // a: span -> returns the 1-based line
  SpanColumn = 10,     // a: span -> returns the 1-based column
  SpanStart = 11,      // a: span -> returns a new span handle
  SpanEnd = 12,        // a: span -> returns a new span handle
  SpanResolvedAt = 13, // a: span, b: at -> returns a new span handle
};
const char* to_string(HostCall call);  // the import name

class HostCalls {
 public:
  virtual ~HostCalls() = default;
  // Returns a value >= 0 (a length for byte answers, else the number), or -1 for "no value / error"
  // with the message (if any) in `reply`. `reply` arrives empty.
  virtual int64_t call(HostCall call, uint32_t a, uint32_t b, std::span<const uint8_t> data, std::string& reply) = 0;
};

enum class Outcome : uint8_t {
  Ok,         // output holds the output message (version word, then the stream)
  Panic,      // message: the guest's panic payload
  Trap,       // message: the trap's kind, message and guest backtrace
  Limit,      // message: which limit, and the setting that raises it (setting names it alone)
  BadOutput,  // message: what was wrong with the guest's output
  Error,      // message: misuse (unknown macro, wrong arity) or a host failure
};

struct Expansion {
  Outcome outcome = Outcome::Ok;
  std::vector<uint8_t> output;
  std::string message;
  std::string setting;  // Outcome::Limit: "WASMACRO_FUEL", ...
  uint64_t fuel_used = 0;
};

// One instance of a module with its post-initialisation snapshot. Not thread-safe: keep one per
// thread. Each expand() starts from the snapshot, so no state leaks between expansions.
class Expander {
 public:
  static Result<std::unique_ptr<Expander>> create(std::shared_ptr<const MacroModule> module, const Limits& limits);
  ~Expander();

  // `input` is the input message (docs/abi.md, "Wire format"). For an attribute it holds two streams.
  Expansion expand(std::string_view export_name, std::span<const uint8_t> input, HostCalls& calls);

  const MacroModule& module() const { return *module_; }

 private:
  struct State;
  Expander() = default;
  std::shared_ptr<const MacroModule> module_;
  std::unique_ptr<State> state_;
};

}  // namespace wasmacro::host
