// Human-readable text for the engine's public value types: errors, traps, types and values.
#include <bit>
#include <cinttypes>
#include <cstdio>
#include <string>

#include "wasmacro/engine/engine.h"

namespace wasmacro::engine {

namespace {

std::string hex(uint64_t value) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "0x%" PRIx64, value);
  return buffer;
}

// %a keeps every bit of a finite float, which %g would round away.
std::string float_text(double value) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%a", value);
  return buffer;
}

std::string nan_text(bool negative, uint64_t payload) {
  std::string text = negative ? "-nan:" : "nan:";
  return text + hex(payload);
}

}  // namespace

const char* to_string(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::Malformed: return "malformed module";
    case ErrorKind::Invalid: return "invalid module";
    case ErrorKind::Unsupported: return "unsupported module";
    case ErrorKind::Link: return "link error";
    case ErrorKind::Instantiate: return "instantiation failed";
    case ErrorKind::Misuse: return "API misuse";
  }
  return "unknown error";
}

std::string Error::describe() const {
  std::string text = to_string(kind);
  if (offset != kNoOffset) text += " at offset " + hex(offset);
  if (function_index != kNoFunction) text += " in function " + std::to_string(function_index);
  if (!function_name.empty()) text += " (`" + function_name + "`)";
  if (!message.empty()) text += ": " + message;
  return text;
}

const char* to_string(ValType type) {
  switch (type) {
    case ValType::I32: return "i32";
    case ValType::I64: return "i64";
    case ValType::F32: return "f32";
    case ValType::F64: return "f64";
    case ValType::FuncRef: return "funcref";
    case ValType::ExternRef: return "externref";
  }
  return "<unknown type>";
}

std::string FuncType::to_string() const {
  auto list = [](const std::vector<ValType>& types) {
    std::string text = "(";
    for (size_t i = 0; i < types.size(); ++i) {
      if (i != 0) text += ", ";
      text += engine::to_string(types[i]);
    }
    return text + ")";
  };
  return list(params) + " -> " + list(results);
}

const char* to_string(ExternKind kind) {
  switch (kind) {
    case ExternKind::Function: return "func";
    case ExternKind::Table: return "table";
    case ExternKind::Memory: return "memory";
    case ExternKind::Global: return "global";
  }
  return "<unknown kind>";
}

// The spec's own texts, so that a test runner can compare assert_trap expectations verbatim.
const char* to_string(TrapKind kind) {
  switch (kind) {
    case TrapKind::Unreachable: return "unreachable";
    case TrapKind::MemoryOutOfBounds: return "out of bounds memory access";
    case TrapKind::TableOutOfBounds: return "out of bounds table access";
    case TrapKind::IndirectCallToNull: return "uninitialized element";
    case TrapKind::IndirectCallTypeMismatch: return "indirect call type mismatch";
    case TrapKind::IntegerDivideByZero: return "integer divide by zero";
    case TrapKind::IntegerOverflow: return "integer overflow";
    case TrapKind::InvalidConversionToInteger: return "invalid conversion to integer";
    case TrapKind::CallStackExhausted: return "call stack exhausted";
    case TrapKind::FuelExhausted: return "fuel exhausted";
    case TrapKind::DeadlineExceeded: return "deadline exceeded";
    case TrapKind::MemoryLimitExceeded: return "memory limit exceeded";
    case TrapKind::TableLimitExceeded: return "table limit exceeded";
    case TrapKind::Host: return "host function trapped";
    case TrapKind::InvalidArguments: return "invalid call arguments";
  }
  return "unknown trap";
}

const char* kind_name(TrapKind kind) {
  switch (kind) {
    case TrapKind::Unreachable: return "Unreachable";
    case TrapKind::MemoryOutOfBounds: return "MemoryOutOfBounds";
    case TrapKind::TableOutOfBounds: return "TableOutOfBounds";
    case TrapKind::IndirectCallToNull: return "IndirectCallToNull";
    case TrapKind::IndirectCallTypeMismatch: return "IndirectCallTypeMismatch";
    case TrapKind::IntegerDivideByZero: return "IntegerDivideByZero";
    case TrapKind::IntegerOverflow: return "IntegerOverflow";
    case TrapKind::InvalidConversionToInteger: return "InvalidConversionToInteger";
    case TrapKind::CallStackExhausted: return "CallStackExhausted";
    case TrapKind::FuelExhausted: return "FuelExhausted";
    case TrapKind::DeadlineExceeded: return "DeadlineExceeded";
    case TrapKind::MemoryLimitExceeded: return "MemoryLimitExceeded";
    case TrapKind::TableLimitExceeded: return "TableLimitExceeded";
    case TrapKind::Host: return "Host";
    case TrapKind::InvalidArguments: return "InvalidArguments";
  }
  return "Unknown";
}

std::string Trap::describe() const {
  // Runaway recursion leaves thousands of identical frames; the innermost and outermost few say
  // where it started and where it ended.
  constexpr size_t kHead = 16, kTail = 4;
  std::string text = to_string(kind);
  if (!message.empty()) text += ": " + message;
  for (size_t i = 0; i < backtrace.size(); ++i) {
    if (backtrace.size() > kHead + kTail + 1 && i == kHead) {
      size_t omitted = backtrace.size() - kHead - kTail;
      text += "\n  ... " + std::to_string(omitted) + " frames omitted ...";
      i += omitted - 1;
      continue;
    }
    const TraceFrame& frame = backtrace[i];
    text += "\n  #" + std::to_string(i) + " function " + std::to_string(frame.function_index);
    if (!frame.function_name.empty()) text += " `" + frame.function_name + "`";
    text += " at offset " + hex(frame.code_offset);
  }
  return text;
}

std::string Value::to_string() const {
  std::string text = std::string(engine::to_string(type)) + ":";
  switch (type) {
    case ValType::I32: return text + std::to_string(static_cast<int32_t>(as_i32()));
    case ValType::I64: return text + std::to_string(static_cast<int64_t>(as_i64()));
    case ValType::F32: {
      uint32_t raw = as_i32();
      if ((raw & 0x7f800000u) == 0x7f800000u && (raw & 0x007fffffu) != 0)
        return text + nan_text(raw >> 31, raw & 0x007fffffu);
      return text + float_text(as_f32());
    }
    case ValType::F64: {
      if ((bits & 0x7ff0000000000000ull) == 0x7ff0000000000000ull && (bits & 0x000fffffffffffffull) != 0)
        return text + nan_text(bits >> 63, bits & 0x000fffffffffffffull);
      return text + float_text(as_f64());
    }
    case ValType::FuncRef:
    case ValType::ExternRef: return text + (as_ref() == kNullRef ? std::string("null") : hex(as_ref()));
  }
  return text + hex(bits);
}

}  // namespace wasmacro::engine
