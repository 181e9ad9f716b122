// The decoded form of a module, shared by the validator, the translator and instantiation.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "opcode.h"
#include "wasmacro/engine/engine.h"

namespace wasmacro::engine::detail {

// A constant expression. WebAssembly 2.0 allows exactly one instruction before `end`.
// https://webassembly.github.io/spec/core/valid/instructions.html#constant-expressions
struct ConstExpr {
  Opcode op = Opcode::I32Const;  // I32Const, I64Const, F32Const, F64Const, RefNull, RefFunc, GlobalGet
  uint64_t value = 0;            // constant bits, or the function or global index
  ValType type = ValType::I32;   // RefNull: the reference type
};

struct FunctionBody {
  uint32_t type_index = 0;
  std::vector<ValType> locals;  // declared locals, after the parameters, expanded
  uint64_t code_offset = 0;     // absolute offset of the first instruction
  uint64_t code_end = 0;        // absolute offset just past the final `end`
  uint64_t body_offset = 0;     // absolute offset of the body's size field, for error messages
};

enum class SegmentMode : uint8_t { Active, Passive, Declarative };

struct ElementSegment {
  SegmentMode mode = SegmentMode::Active;
  uint32_t table_index = 0;
  ConstExpr offset;
  ValType type = ValType::FuncRef;
  std::vector<ConstExpr> items;  // RefFunc / RefNull / GlobalGet
};

struct DataSegment {
  SegmentMode mode = SegmentMode::Active;
  uint32_t memory_index = 0;
  ConstExpr offset;
  uint64_t data_offset = 0;  // absolute offset of the bytes in the binary
  uint32_t size = 0;
};

struct CompiledFunction;  // the translator's output, defined in translator.h

struct ModuleIR {
  std::vector<uint8_t> bytes;

  std::vector<FuncType> types;
  std::vector<ImportInfo> imports;
  std::vector<ExportInfo> exports;
  std::vector<CustomSection> customs;

  // Index spaces, imports first (https://webassembly.github.io/spec/core/syntax/modules.html#indices).
  std::vector<uint32_t> function_types;  // type index of every function
  std::vector<TableType> tables;
  std::vector<MemoryType> memories;
  std::vector<GlobalType> globals;
  uint32_t imported_functions = 0;
  uint32_t imported_tables = 0;
  uint32_t imported_memories = 0;
  uint32_t imported_globals = 0;

  std::vector<ConstExpr> global_inits;  // for defined globals only
  std::vector<FunctionBody> bodies;     // for defined functions only
  std::vector<ElementSegment> elements;
  std::vector<DataSegment> data;
  std::optional<uint32_t> data_count;
  std::optional<uint32_t> start;

  // Functions that may appear in ref.func inside function bodies: those referenced from element
  // segments, exports and global initialisers (the spec's C.refs).
  std::vector<bool> declared_refs;

  // From the name section; absent names are simply missing. Parsing errors there are ignored.
  std::string module_name;
  std::unordered_map<uint32_t, std::string> function_names;

  // Lazy translation: one slot per defined function, filled at its first call.
  mutable std::unique_ptr<std::atomic<CompiledFunction*>[]> compiled;
  mutable std::vector<std::unique_ptr<CompiledFunction>> compiled_storage;
  mutable std::mutex translate_mutex;
  mutable std::atomic<uint32_t> translated_count{0};

  ~ModuleIR();

  const FuncType& function_type(uint32_t function_index) const { return types[function_types[function_index]]; }
  const FunctionBody& body(uint32_t function_index) const { return bodies[function_index - imported_functions]; }
};

// Decodes and validates `bytes` into `ir` (the bytes are already copied into ir.bytes).
// Implemented in decoder.cpp; calls validate_function() for every body.
Result<void> decode_module(ModuleIR& ir, const LoadOptions& options);

// Validates one function body. Implemented in validator.cpp.
Result<void> validate_function(const ModuleIR& ir, uint32_t function_index, const LoadOptions& options);

// Decodes, without validating, the bodies of functions from `first_function_index` on: a module with
// an invalid body but a malformed later one is malformed, as the spec decodes before it validates.
// Implemented in validator.cpp.
Result<void> check_code_decodes(const ModuleIR& ir, uint32_t first_function_index);

struct ModuleAccess {
  static const ModuleIR& ir(const Module& module) { return *module.ir_; }
};

}  // namespace wasmacro::engine::detail
