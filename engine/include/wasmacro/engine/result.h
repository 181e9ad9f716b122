// Errors are values: every fallible engine operation returns Result<T>.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "wasmacro/engine/trap.h"

namespace wasmacro::engine {

// Why a module was refused or an operation failed. Malformed and Invalid are kept apart because the
// spec's test suite asserts exactly that difference (assert_malformed vs assert_invalid).
enum class ErrorKind : uint8_t {
  Malformed,    // the bytes cannot be decoded as a module
  Invalid,      // decodes, but fails validation
  Unsupported,  // a well-formed feature the engine does not implement (SIMD, threads, ...)
  Link,         // instantiation: an import is missing or has the wrong type
  Instantiate,  // instantiation: a segment is out of bounds, start function trapped, limit exceeded
  Misuse,       // the embedding API was called incorrectly (bad argument count, wrong type, ...)
};

const char* to_string(ErrorKind kind);

struct Error {
  static constexpr uint32_t kNoFunction = UINT32_MAX;
  static constexpr uint64_t kNoOffset = UINT64_MAX;

  ErrorKind kind = ErrorKind::Misuse;
  std::string message;                 // what was wrong, and what was expected
  uint64_t offset = kNoOffset;         // byte offset in the module binary
  uint32_t function_index = kNoFunction;
  std::string function_name;           // from the name section, demangled where possible
  std::optional<Trap> trap;            // ErrorKind::Instantiate: the trap that stopped initialisation

  // One line: "invalid module at offset 0x1234 in function 57 (`name`): type mismatch ...".
  std::string describe() const;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : storage_(std::in_place_index<0>, std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Error error) : storage_(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return storage_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(storage_); }
  const T& value() const& { return std::get<0>(storage_); }
  T&& value() && { return std::get<0>(std::move(storage_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const& { return std::get<1>(storage_); }
  Error&& error() && { return std::get<1>(std::move(storage_)); }

 private:
  std::variant<T, Error> storage_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const& { return *error_; }
  Error&& error() && { return std::move(*error_); }

 private:
  std::optional<Error> error_;
};

}  // namespace wasmacro::engine

// Propagates an error from an expression returning Result<...>; the enclosing function must return a
// Result too. Used in decoders and validators where nearly every line can fail.
#define WASMACRO_TRY(expr)                                  \
  do {                                                      \
    if (auto wasmacro_try_result_ = (expr); !wasmacro_try_result_.ok()) \
      return std::move(wasmacro_try_result_).error();       \
  } while (false)
