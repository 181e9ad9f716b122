// `wasmacro spectest FILE.json...`: runs the WebAssembly spec test scripts, as converted by wabt's
// `wast2json`, against the engine. Every command counts as passed or failed; text modules are not
// supported (the engine reads only the binary format), so only assert_malformed accepts them.
#include <charconv>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "commands.h"
#include "files.h"
#include "spectest_host.h"
#include "wasmacro/common/json.h"
#include "wasmacro/engine/engine.h"

namespace wasmacro::cli {

namespace {

namespace json = common::json;
using engine::TrapKind;
using engine::ValType;
using engine::Value;

constexpr const char* kUsage =
    "usage: wasmacro spectest [--verbose] FILE.json...\n"
    "\n"
    "Runs spec test scripts converted by `wast2json` (wabt 1.0.32). Prints each failure with its\n"
    "script line, then a summary; the last line is always `N passed, M failed`.\n"
    "exit status: 0 when nothing failed, 1 otherwise, 2 on usage errors\n";

// Deep enough for every legitimate recursion in the suite, shallow enough that the
// "call stack exhausted" tests finish quickly.
constexpr uint32_t kMaxCallDepth = 10'000;

// The trap kind a spec text names. "undefined element" is a call_indirect index past the table's
// end, which the engine reports as a table bounds trap.
std::optional<TrapKind> trap_kind_for(std::string_view text) {
  struct Mapping {
    std::string_view text;
    TrapKind kind;
  };
  static const Mapping kMappings[] = {
      {"unreachable", TrapKind::Unreachable},
      {"out of bounds memory access", TrapKind::MemoryOutOfBounds},
      {"out of bounds table access", TrapKind::TableOutOfBounds},
      {"undefined element", TrapKind::TableOutOfBounds},
      {"uninitialized element", TrapKind::IndirectCallToNull},
      {"indirect call type mismatch", TrapKind::IndirectCallTypeMismatch},
      {"integer divide by zero", TrapKind::IntegerDivideByZero},
      {"integer overflow", TrapKind::IntegerOverflow},
      {"invalid conversion to integer", TrapKind::InvalidConversionToInteger},
      {"call stack exhausted", TrapKind::CallStackExhausted},
  };
  for (const Mapping& mapping : kMappings) {
    // Some texts carry a detail after the known prefix ("uninitialized element 2").
    if (text.substr(0, mapping.text.size()) == mapping.text) return mapping.kind;
  }
  return std::nullopt;
}

bool parse_u64(std::string_view text, uint64_t& value) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

std::optional<ValType> parse_type(std::string_view name) {
  if (name == "i32") return ValType::I32;
  if (name == "i64") return ValType::I64;
  if (name == "f32") return ValType::F32;
  if (name == "f64") return ValType::F64;
  if (name == "funcref") return ValType::FuncRef;
  if (name == "externref") return ValType::ExternRef;
  return std::nullopt;
}

// A script value: {"type": "i32", "value": "4294967295"}. Numbers are the value's bits in unsigned
// decimal; `ref.extern N` becomes the host word N + 1, since 0 is null.
std::optional<Value> parse_script_value(const json::Value& spec, std::string& error) {
  const std::string& type_name = spec["type"].as_string();
  auto type = parse_type(type_name);
  if (!type) {
    error = "unsupported value type '" + type_name + "'";
    return std::nullopt;
  }
  const std::string& text = spec["value"].as_string();
  if (engine::is_reference(*type)) {
    if (text == "null") return Value::from_bits(*type, engine::kNullRef);
    uint64_t n;
    if (*type == ValType::ExternRef && parse_u64(text, n) && n < UINTPTR_MAX) return Value::externref(n + 1);
    error = "unsupported " + type_name + " value '" + text + "'";
    return std::nullopt;
  }
  uint64_t bits;
  if (!parse_u64(text, bits)) {
    error = "bad " + type_name + " value '" + text + "'";
    return std::nullopt;
  }
  bool narrow = *type == ValType::I32 || *type == ValType::F32;
  if (narrow && bits > UINT32_MAX) {
    error = type_name + " value out of range: " + text;
    return std::nullopt;
  }
  return Value::from_bits(*type, bits);
}

bool is_canonical_nan(const Value& value) {
  if (value.type == ValType::F32) return (value.as_i32() & 0x7fffffffu) == 0x7fc00000u;
  return (value.as_i64() & 0x7fffffffffffffffull) == 0x7ff8000000000000ull;
}

bool is_arithmetic_nan(const Value& value) {
  if (value.type == ValType::F32) return (value.as_i32() & 0x7fc00000u) == 0x7fc00000u;
  return (value.as_i64() & 0x7ff8000000000000ull) == 0x7ff8000000000000ull;
}

// Checks one result against its expectation; returns "" on a match, else what was expected.
std::string check_result(const Value& actual, const json::Value& expected) {
  const std::string& type_name = expected["type"].as_string();
  auto type = parse_type(type_name);
  if (!type) return "a value of unsupported type '" + type_name + "'";
  if (actual.type != *type) return "a value of type " + type_name;
  const json::Value* value = expected.find("value");
  if (!value) return "";  // any value of the type
  const std::string& text = value->as_string();
  if (text == "nan:canonical") return is_canonical_nan(actual) ? "" : "nan:canonical";
  if (text == "nan:arithmetic") return is_arithmetic_nan(actual) ? "" : "nan:arithmetic";
  std::string error;
  auto want = parse_script_value(expected, error);
  if (!want) return error;
  if (*type == ValType::FuncRef && text != "null") {
    // Any non-null function reference; the script cannot name a specific one.
    return actual.as_ref() != engine::kNullRef ? "" : "a non-null funcref";
  }
  return actual.bits == want->bits ? "" : want->to_string();
}

// wabt 1.0.32's wast2json leaves out the DataCount section when a module has no data segments, even
// when its code uses data.drop or memory.init; the spec's reference encoder writes one. Such a module
// is malformed rather than invalid, so assert_invalid retries it with the section the reference
// encoding has: an empty DataCount section just before the code section.
std::optional<std::vector<uint8_t>> with_empty_data_count(const std::vector<uint8_t>& bytes) {
  constexpr uint8_t kCodeSection = 10, kDataSection = 11, kDataCountSection = 12;
  size_t pos = 8;  // magic and version
  while (pos < bytes.size()) {
    uint8_t id = bytes[pos];
    if (id == kDataCountSection) return std::nullopt;
    if (id == kCodeSection || id == kDataSection) {
      std::vector<uint8_t> patched(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(pos));
      patched.insert(patched.end(), {kDataCountSection, 1, 0});
      patched.insert(patched.end(), bytes.begin() + static_cast<std::ptrdiff_t>(pos), bytes.end());
      return patched;
    }
    uint64_t size = 0;
    size_t cursor = pos + 1;
    for (int shift = 0; shift < 35; shift += 7) {
      if (cursor >= bytes.size()) return std::nullopt;
      uint8_t byte = bytes[cursor++];
      size |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) break;
    }
    if (size > bytes.size() - cursor) return std::nullopt;
    pos = cursor + size;
  }
  return std::nullopt;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

struct ActionOutcome {
  std::string error;  // the action could not be performed at all
  std::optional<engine::Trap> trap;
  std::vector<Value> results;
};

class ScriptRunner {
 public:
  ScriptRunner(std::string json_path, bool verbose)
      : json_path_(std::move(json_path)), verbose_(verbose), store_(make_limits()) {
    size_t slash = json_path_.rfind('/');
    directory_ = slash == std::string::npos ? "" : json_path_.substr(0, slash + 1);
    location_ = json_path_;
  }

  size_t passed() const { return passed_; }
  size_t failed() const { return failed_; }

  // Runs the whole script; a file that cannot be read or parsed counts as one failure.
  void run() {
    std::string error;
    auto bytes = read_file(json_path_, error);
    if (!bytes) return fail(0, error);
    std::string_view text(reinterpret_cast<const char*>(bytes->data()), bytes->size());
    auto script = json::parse(text);
    if (!script.ok()) return fail(0, "not a wast2json script: " + script.error().describe());
    const std::string& source = script.value()["source_filename"].as_string();
    if (!source.empty()) location_ = source;
    if (auto added = add_spectest_module(store_, registry_, verbose_); !added.ok())
      return fail(0, "cannot create the spectest module: " + added.error().describe());
    const json::Value& commands = script.value()["commands"];
    if (!commands.is_array()) return fail(0, "the script has no \"commands\" array");
    for (const json::Value& command : commands.as_array()) run_command(command);
  }

 private:
  static engine::StoreLimits make_limits() {
    engine::StoreLimits limits;
    limits.max_memory_pages = engine::kMaxPages;
    limits.max_call_depth = kMaxCallDepth;
    return limits;
  }

  void fail(int64_t line, const std::string& reason) {
    ++failed_;
    std::printf("%s:%lld: %s\n", location_.c_str(), static_cast<long long>(line), reason.c_str());
  }

  void pass(int64_t line, std::string_view what) {
    ++passed_;
    if (verbose_)
      std::printf("%s:%lld: ok %.*s\n", location_.c_str(), static_cast<long long>(line), static_cast<int>(what.size()),
                  what.data());
  }

  void run_command(const json::Value& command) {
    const std::string& type = command["type"].as_string();
    int64_t line = command["line"].as_int64().value_or(0);
    if (type == "module") return command_module(command, line);
    if (type == "register") return command_register(command, line);
    if (type == "action") return command_action(command, line);
    if (type == "assert_return") return command_assert_return(command, line);
    // A trapping start function is written `assert_trap (module ...)`; wabt converts it to
    // assert_uninstantiable, but other converters keep the name.
    if (type == "assert_trap" && !command.find("action") && command.find("filename"))
      return command_assert_instantiate_error(command, line, "assert_uninstantiable");
    if (type == "assert_trap" || type == "assert_exhaustion") return command_assert_trap(command, line, type);
    if (type == "assert_malformed" || type == "assert_invalid") return command_assert_load_error(command, line, type);
    if (type == "assert_unlinkable" || type == "assert_uninstantiable")
      return command_assert_instantiate_error(command, line, type);
    fail(line, "unknown command '" + type + "'");
  }

  engine::Result<std::shared_ptr<const engine::Module>> load(const json::Value& command,
                                                             bool add_missing_data_count = false) {
    const std::string& filename = command["filename"].as_string();
    std::string error;
    auto bytes = read_file(directory_ + filename, error);
    if (!bytes) {
      engine::Error failure;
      failure.kind = engine::ErrorKind::Misuse;
      failure.message = error;
      return failure;
    }
    auto module = engine::Module::load(*bytes);
    if (add_missing_data_count && !module.ok() && module.error().kind == engine::ErrorKind::Malformed &&
        module.error().message.find("data count section required") != std::string::npos) {
      if (auto patched = with_empty_data_count(*bytes)) return engine::Module::load(*patched);
    }
    return module;
  }

  engine::Result<engine::Instance*> instantiate(std::shared_ptr<const engine::Module> module) {
    auto imports = registry_.resolve(*module);
    if (!imports.ok()) return std::move(imports).error();
    return store_.instantiate(std::move(module), *imports);
  }

  void command_module(const json::Value& command, int64_t line) {
    // A module that fails leaves no current module, so the commands that use it fail too.
    current_ = nullptr;
    auto module = load(command);
    if (!module.ok()) return fail(line, "module failed to load: " + module.error().describe());
    auto instance = instantiate(*module);
    if (!instance.ok()) return fail(line, "module failed to instantiate: " + instance.error().describe());
    current_ = *instance;
    if (const json::Value* name = command.find("name")) named_[name->as_string()] = current_;
    pass(line, "module");
  }

  engine::Instance* find_instance(const json::Value& holder, std::string& error) {
    const json::Value* name = holder.find("module");
    if (!name) name = holder.find("name");
    if (!name) {
      if (!current_) error = "no current module";
      return current_;
    }
    auto found = named_.find(name->as_string());
    if (found == named_.end()) {
      error = "unknown module " + name->as_string();
      return nullptr;
    }
    return found->second;
  }

  void command_register(const json::Value& command, int64_t line) {
    std::string error;
    engine::Instance* instance = find_instance(command, error);
    if (!instance) return fail(line, "register: " + error);
    registry_.add_instance(command["as"].as_string(), *instance);
    pass(line, "register");
  }

  ActionOutcome perform(const json::Value& action) {
    ActionOutcome outcome;
    engine::Instance* instance = find_instance(action, outcome.error);
    if (!instance) return outcome;
    const std::string& type = action["type"].as_string();
    const std::string& field = action["field"].as_string();
    if (type == "get") {
      engine::Global* global = instance->exported_global(field);
      if (!global) {
        outcome.error = "no exported global '" + field + "'";
        return outcome;
      }
      outcome.results.push_back(global->get());
      return outcome;
    }
    if (type != "invoke") {
      outcome.error = "unknown action type '" + type + "'";
      return outcome;
    }
    engine::Function* function = instance->exported_function(field);
    if (!function) {
      outcome.error = "no exported function '" + field + "'";
      return outcome;
    }
    std::vector<Value> args;
    for (const json::Value& arg : action["args"].as_array()) {
      auto value = parse_script_value(arg, outcome.error);
      if (!value) return outcome;
      args.push_back(*value);
    }
    outcome.trap = store_.call(function, args, outcome.results);
    return outcome;
  }

  static std::string results_text(const std::vector<Value>& results) {
    std::string text = "(";
    for (size_t i = 0; i < results.size(); ++i) text += (i ? ", " : "") + results[i].to_string();
    return text + ")";
  }

  void command_action(const json::Value& command, int64_t line) {
    ActionOutcome outcome = perform(command["action"]);
    if (!outcome.error.empty()) return fail(line, "action: " + outcome.error);
    if (outcome.trap) return fail(line, "action trapped: " + first_line(outcome.trap->describe()));
    pass(line, "action");
  }

  void command_assert_return(const json::Value& command, int64_t line) {
    ActionOutcome outcome = perform(command["action"]);
    if (!outcome.error.empty()) return fail(line, "assert_return: " + outcome.error);
    if (outcome.trap) return fail(line, "assert_return: trapped: " + first_line(outcome.trap->describe()));
    const json::Value::Array& expected = command["expected"].as_array();
    if (outcome.results.size() != expected.size()) {
      return fail(line, "assert_return: got " + std::to_string(outcome.results.size()) + " results " +
                            results_text(outcome.results) + ", expected " + std::to_string(expected.size()));
    }
    for (size_t i = 0; i < expected.size(); ++i) {
      std::string mismatch = check_result(outcome.results[i], expected[i]);
      if (!mismatch.empty()) {
        return fail(line, "assert_return: result " + std::to_string(i) + " is " + outcome.results[i].to_string() +
                              ", expected " + mismatch);
      }
    }
    pass(line, "assert_return");
  }

  void command_assert_trap(const json::Value& command, int64_t line, const std::string& type) {
    const std::string& text = command["text"].as_string();
    std::optional<TrapKind> want = trap_kind_for(text);
    if (!want) return fail(line, type + ": unknown trap text '" + text + "'");
    ActionOutcome outcome = perform(command["action"]);
    if (!outcome.error.empty()) return fail(line, type + ": " + outcome.error);
    if (!outcome.trap)
      return fail(line, type + ": returned " + results_text(outcome.results) + ", expected trap '" + text + "'");
    if (outcome.trap->kind == *want) return pass(line, type);
    fail(line, type + ": trapped with '" + first_line(outcome.trap->describe()) + "', expected '" + text + "'");
  }

  void command_assert_load_error(const json::Value& command, int64_t line, const std::string& type) {
    bool want_malformed = type == "assert_malformed";
    const std::string& text = command["text"].as_string();
    if (command["module_type"].as_string() == "text") {
      if (want_malformed) return pass(line, type + " (text module, not read)");
      return fail(line, type + ": text modules are not supported");
    }
    auto module = load(command, /*add_missing_data_count=*/!want_malformed);
    if (module.ok()) return fail(line, type + ": module loaded, expected '" + text + "'");
    engine::ErrorKind want = want_malformed ? engine::ErrorKind::Malformed : engine::ErrorKind::Invalid;
    if (module.error().kind != want) {
      return fail(
          line, type + ": expected " + engine::to_string(want) + " ('" + text + "'), got " + module.error().describe());
    }
    if (verbose_)
      std::printf("%s:%lld: expected '%s', got %s\n", location_.c_str(), static_cast<long long>(line), text.c_str(),
                  module.error().describe().c_str());
    pass(line, type);
  }

  void command_assert_instantiate_error(const json::Value& command, int64_t line, const std::string& type) {
    bool want_link = type == "assert_unlinkable";
    const std::string& text = command["text"].as_string();
    auto module = load(command);
    if (!module.ok()) return fail(line, type + ": module failed to load: " + module.error().describe());
    auto instance = instantiate(*module);
    if (instance.ok()) return fail(line, type + ": module instantiated, expected '" + text + "'");
    const engine::Error& error = instance.error();
    if (want_link) {
      // Both texts the suite uses ("unknown import", "incompatible import type") are worded the
      // same by the runner's resolver and the engine, so they are checked too.
      if (error.kind != engine::ErrorKind::Link || error.message.find(text) == std::string::npos)
        return fail(line, type + ": expected a link error ('" + text + "'), got " + error.describe());
      if (verbose_)
        std::printf("%s:%lld: expected '%s', got %s\n", location_.c_str(), static_cast<long long>(line), text.c_str(),
                    error.describe().c_str());
      return pass(line, type);
    }
    if (error.kind != engine::ErrorKind::Instantiate)
      return fail(line, type + ": expected an instantiation trap ('" + text + "'), got " + error.describe());
    // The error carries the trap's description; accept the spec text or the engine's text for the
    // same trap kind.
    bool matches = error.message.find(text) != std::string::npos;
    if (auto kind = trap_kind_for(text); kind && error.message.find(engine::to_string(*kind)) != std::string::npos)
      matches = true;
    if (!matches) return fail(line, type + ": expected '" + text + "', got " + first_line(error.describe()));
    pass(line, type);
  }

  std::string json_path_;
  std::string directory_;
  std::string location_;  // the .wast name when the script gives it, for messages
  bool verbose_;
  engine::Store store_;
  ImportRegistry registry_;
  std::map<std::string, engine::Instance*, std::less<>> named_;
  engine::Instance* current_ = nullptr;
  size_t passed_ = 0;
  size_t failed_ = 0;
};

}  // namespace

int spectest_command(Args args) {
  bool verbose = false;
  std::vector<std::string> files;
  for (std::string_view arg : args) {
    if (arg == "--verbose" || arg == "-v") {
      verbose = true;
    } else if (arg == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (arg.substr(0, 2) == "--") {
      std::fprintf(stderr, "wasmacro spectest: unknown option '%.*s'\n%s", static_cast<int>(arg.size()), arg.data(),
                   kUsage);
      return 2;
    } else {
      files.emplace_back(arg);
    }
  }
  if (files.empty()) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  size_t passed = 0, failed = 0;
  for (const std::string& file : files) {
    ScriptRunner runner(file, verbose);
    runner.run();
    if (files.size() > 1 || verbose)
      std::printf("%s: %zu passed, %zu failed\n", file.c_str(), runner.passed(), runner.failed());
    std::fflush(stdout);
    passed += runner.passed();
    failed += runner.failed();
  }
  std::printf("%zu passed, %zu failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}

}  // namespace wasmacro::cli
