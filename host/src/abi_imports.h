// The closed list of imports a guest may use, all under the module "wasmacro" (docs/abi.md,
// "Imports"). The loader refuses anything else; the expander binds exactly these.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "wasmacro/host/host.h"

namespace wasmacro::host::detail {

enum class Import : uint8_t {
  Reply,
  PanicMessage,
  StreamFromStr,
  LiteralFromStr,
  StreamToString,
  IdentNormalize,
  SpanDebug,
  SpanSourceText,
  SpanFile,
  SpanLocalFile,
  SpanLine,
  SpanColumn,
  SpanStart,
  SpanEnd,
  SpanResolvedAt,
  EnvVar,
};

struct ImportSpec {
  std::string_view name;
  Import id;
  uint8_t params;   // all i32
  uint8_t results;  // 0 or 1 i32
  std::optional<HostCall> forwarded;  // answered by the embedder
  bool takes_bytes;                   // (ptr, len) arguments
};

inline constexpr std::array<ImportSpec, 16> kImports = {{
    {"reply", Import::Reply, 1, 0, std::nullopt, false},
    {"panic_message", Import::PanicMessage, 2, 0, std::nullopt, true},
    {"stream_from_str", Import::StreamFromStr, 2, 1, HostCall::StreamFromStr, true},
    {"literal_from_str", Import::LiteralFromStr, 2, 1, HostCall::LiteralFromStr, true},
    {"stream_to_string", Import::StreamToString, 2, 1, HostCall::StreamToString, true},
    {"ident_normalize", Import::IdentNormalize, 2, 1, HostCall::IdentNormalize, true},
    {"span_debug", Import::SpanDebug, 1, 1, HostCall::SpanDebug, false},
    {"span_source_text", Import::SpanSourceText, 1, 1, HostCall::SpanSourceText, false},
    {"span_file", Import::SpanFile, 1, 1, HostCall::SpanFile, false},
    {"span_local_file", Import::SpanLocalFile, 1, 1, HostCall::SpanLocalFile, false},
    {"span_line", Import::SpanLine, 1, 1, HostCall::SpanLine, false},
    {"span_column", Import::SpanColumn, 1, 1, HostCall::SpanColumn, false},
    {"span_start", Import::SpanStart, 1, 1, HostCall::SpanStart, false},
    {"span_end", Import::SpanEnd, 1, 1, HostCall::SpanEnd, false},
    {"span_resolved_at", Import::SpanResolvedAt, 2, 1, HostCall::SpanResolvedAt, false},
    // std::env::var in the guest's std (the sysroot `wasmacro build` makes); answered by the host.
    {"env_var", Import::EnvVar, 2, 1, std::nullopt, true},
}};

inline const ImportSpec* find_import(std::string_view name) {
  for (const ImportSpec& spec : kImports) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

// Calls whose answer is bytes in the reply buffer (the rest answer with a number).
inline bool answers_with_bytes(HostCall call) {
  switch (call) {
    case HostCall::SpanLine:
    case HostCall::SpanColumn:
    case HostCall::SpanStart:
    case HostCall::SpanEnd:
    case HostCall::SpanResolvedAt: return false;
    default: return true;
  }
}

}  // namespace wasmacro::host::detail
