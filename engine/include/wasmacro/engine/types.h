// WebAssembly 2.0 types, named as in the spec (https://webassembly.github.io/spec/core/syntax/types.html).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wasmacro::engine {

// Binary encodings are used as enumerator values so the decoder can cast after checking.
enum class ValType : uint8_t {
  I32 = 0x7f,
  I64 = 0x7e,
  F32 = 0x7d,
  F64 = 0x7c,
  FuncRef = 0x70,
  ExternRef = 0x6f,
};

const char* to_string(ValType type);
inline bool is_reference(ValType type) { return type == ValType::FuncRef || type == ValType::ExternRef; }
inline bool is_valtype_byte(uint8_t byte) {
  return byte == 0x7f || byte == 0x7e || byte == 0x7d || byte == 0x7c || byte == 0x70 || byte == 0x6f;
}

struct FuncType {
  std::vector<ValType> params;
  std::vector<ValType> results;

  bool operator==(const FuncType&) const = default;
  std::string to_string() const;  // "(i32, i64) -> (f32)"
};

// https://webassembly.github.io/spec/core/syntax/types.html#limits
struct Limits {
  uint64_t min = 0;
  std::optional<uint64_t> max;
};

struct TableType {
  ValType element = ValType::FuncRef;
  Limits limits;
};

struct MemoryType {
  Limits limits;  // in 64 KiB pages
};

struct GlobalType {
  ValType type = ValType::I32;
  bool is_mutable = false;
};

enum class ExternKind : uint8_t { Function = 0, Table = 1, Memory = 2, Global = 3 };
const char* to_string(ExternKind kind);

inline constexpr uint32_t kPageSize = 65536;
inline constexpr uint32_t kMaxPages = 65536;  // 4 GiB, the wasm32 address space

}  // namespace wasmacro::engine
