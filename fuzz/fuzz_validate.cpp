// Arbitrary bytes as one function body (locals and code) inside a fixed module that has something
// of every kind to refer to: several function types (multi-value included), two tables, a memory,
// globals, passive and declarative segments. Random bytes thus reach deep into the validator rather
// than stopping at the module header. A body that validates is then run under small limits.
//
// Input: byte 0 picks the function's type, the rest is the body (without its size prefix).
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <vector>

#include "fuzz_support.h"

namespace {

using Bytes = std::vector<uint8_t>;

void put_u32(Bytes& out, uint32_t value) {
  do {
    uint8_t byte = value & 0x7f;
    value >>= 7;
    if (value != 0) byte |= 0x80;
    out.push_back(byte);
  } while (value != 0);
}

void put_section(Bytes& module, uint8_t id, const Bytes& payload) {
  module.push_back(id);
  put_u32(module, static_cast<uint32_t>(payload.size()));
  module.insert(module.end(), payload.begin(), payload.end());
}

void append(Bytes& out, std::initializer_list<uint8_t> bytes) { out.insert(out.end(), bytes); }

constexpr uint8_t I32 = 0x7f, I64 = 0x7e, F32 = 0x7d, F64 = 0x7c, FUNCREF = 0x70, EXTERNREF = 0x6f;

// Types 0..7; the fuzzed function is function 0 of type (selector % 8), function 1 is a helper.
const Bytes kTypes = [] {
  Bytes s;
  put_u32(s, 8);
  append(s, {0x60, 0, 0});                                 // 0: [] -> []
  append(s, {0x60, 1, I32, 1, I32});                       // 1: [i32] -> [i32]
  append(s, {0x60, 2, I32, I32, 1, I32});                  // 2: [i32 i32] -> [i32]
  append(s, {0x60, 3, I64, F32, F64, 1, I64});             // 3: [i64 f32 f64] -> [i64]
  append(s, {0x60, 0, 2, I32, I64});                       // 4: [] -> [i32 i64]
  append(s, {0x60, 2, FUNCREF, EXTERNREF, 1, EXTERNREF});  // 5: [funcref externref] -> [externref]
  append(s, {0x60, 1, F64, 2, F32, F64});                  // 6: [f64] -> [f32 f64]
  append(s, {0x60, 4, I32, I64, F32, F64, 0});             // 7: [i32 i64 f32 f64] -> []
  return s;
}();

Bytes build_module(uint8_t type_selector, std::span<const uint8_t> body) {
  Bytes module = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  put_section(module, 1, kTypes);
  put_section(module, 3, {2, static_cast<uint8_t>(type_selector % 8), 1});
  put_section(module, 4, {2, FUNCREF, 0x01, 4, 16, EXTERNREF, 0x00, 2});  // tables
  put_section(module, 5, {1, 0x01, 1, 2});                                // memory 1..2 pages
  Bytes globals = {5};
  append(globals, {I32, 1, 0x41, 0, 0x0b});  // mutable i32
  append(globals, {I64, 0, 0x42, 7, 0x0b});  // immutable i64
  append(globals, {F32, 1, 0x43, 0, 0, 0x80, 0x3f, 0x0b});
  append(globals, {F64, 1, 0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 0x0b});
  append(globals, {FUNCREF, 1, 0xd0, FUNCREF, 0x0b});  // mutable funcref
  put_section(module, 6, globals);
  Bytes elements = {3};
  append(elements, {0x00, 0x41, 0, 0x0b, 2, 0, 1});  // active, table 0, offset 0: functions 0 1
  append(elements, {0x01, 0x00, 1, 1});              // passive: function 1
  append(elements, {0x03, 0x00, 2, 0, 1});           // declarative: functions 0 1 (for ref.func)
  put_section(module, 9, elements);
  put_section(module, 12, {2});  // data count

  Bytes code = {2};
  put_u32(code, static_cast<uint32_t>(body.size()));
  code.insert(code.end(), body.begin(), body.end());
  append(code, {4, 0, 0x20, 0, 0x0b});  // helper: (local.get 0)
  put_section(module, 10, code);

  Bytes data = {2};
  append(data, {0x00, 0x41, 0, 0x0b, 4, 'a', 'b', 'c', 'd'});  // active at 0
  append(data, {0x01, 3, 'x', 'y', 'z'});                      // passive
  put_section(module, 11, data);
  return module;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wasmacro;
  if (size == 0) return 0;
  Bytes module_bytes = build_module(data[0], std::span<const uint8_t>(data + 1, size - 1));
  auto module = engine::Module::load(module_bytes);
  if (!module.ok()) {
    (void)module.error().describe();
    return 0;
  }
  engine::Store store(fuzz::small_limits());
  auto instance = store.instantiate(*module, {});
  if (!instance.ok()) return 0;
  fuzz::call_with_zeros(store, (*instance)->function(0));
  return 0;
}
