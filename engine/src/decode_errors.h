// Error constructors shared by the decoder and the validator. Malformed errors come from
// BinaryReader::malformed_at; these are the other two kinds a module can be refused with.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "wasmacro/engine/result.h"
#include "wasmacro/engine/types.h"

namespace wasmacro::engine::detail {

[[gnu::cold]] inline Error invalid_at(uint64_t offset, std::string message) {
  Error error;
  error.kind = ErrorKind::Invalid;
  error.offset = offset;
  error.message = std::move(message);
  return error;
}

[[gnu::cold]] inline Error unsupported_at(uint64_t offset, std::string message) {
  Error error;
  error.kind = ErrorKind::Unsupported;
  error.offset = offset;
  error.message = std::move(message);
  return error;
}

inline std::string hex_string(uint64_t value) {
  char buffer[24];
  std::snprintf(buffer, sizeof buffer, "0x%llx", static_cast<unsigned long long>(value));
  return buffer;
}

}  // namespace wasmacro::engine::detail
