// Decodes a binary module into ModuleIR and checks the module-level validation rules; function
// bodies are checked by validate_function (validator.cpp) once every section is known.
// https://webassembly.github.io/spec/core/binary/modules.html
#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "binary_reader.h"
#include "decode_errors.h"
#include "demangle.h"
#include "instruction_reader.h"
#include "module_ir.h"
#include "name_section.h"
#include "try_assign.h"

namespace wasmacro::engine::detail {
namespace {

// https://webassembly.github.io/spec/core/binary/modules.html#sections
enum SectionId : uint8_t {
  kCustom = 0,
  kType = 1,
  kImport = 2,
  kFunction = 3,
  kTable = 4,
  kMemory = 5,
  kGlobal = 6,
  kExport = 7,
  kStart = 8,
  kElement = 9,
  kCode = 10,
  kData = 11,
  kDataCount = 12,
};

// Position of each non-custom section in the required order; the data count section sits between
// the element and code sections although its id is the largest.
int section_rank(uint8_t id) {
  static constexpr int kRank[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 10};
  return kRank[id];
}

const char* section_name(uint8_t id) {
  static constexpr const char* kNames[] = {"custom", "type",  "import",  "function", "table", "memory",    "global",
                                           "export", "start", "element", "code",     "data",  "data count"};
  return kNames[id];
}

std::string index_message(const char* what, uint64_t index) { return std::string(what) + " " + std::to_string(index); }

class Decoder {
 public:
  Decoder(ModuleIR& ir, const LoadOptions& options) : ir_(ir), options_(options) {}

  Result<void> decode();

 private:
  Result<void> section(uint8_t id, BinaryReader& r);
  Result<void> type_section(BinaryReader& r);
  Result<void> import_section(BinaryReader& r);
  Result<void> function_section(BinaryReader& r);
  Result<void> table_section(BinaryReader& r);
  Result<void> memory_section(BinaryReader& r);
  Result<void> global_section(BinaryReader& r);
  Result<void> export_section(BinaryReader& r);
  Result<void> start_section(BinaryReader& r);
  Result<void> element_section(BinaryReader& r);
  Result<void> element_segment(BinaryReader& r, ElementSegment& segment);
  Result<void> code_section(BinaryReader& r);
  Result<void> function_body(BinaryReader& r, FunctionBody& body);
  Result<void> data_section(BinaryReader& r);
  Result<void> data_count_section(BinaryReader& r);
  Result<void> custom_section(BinaryReader& r);

  Result<uint32_t> count(BinaryReader& r, size_t min_entry_bytes, size_t& reservable);
  Result<ValType> value_type(BinaryReader& r);
  Result<ValType> reference_type(BinaryReader& r);
  Result<Limits> limits(BinaryReader& r);
  Result<TableType> table_type(BinaryReader& r);
  Result<MemoryType> memory_type(BinaryReader& r);
  Result<GlobalType> global_type(BinaryReader& r);
  Result<ConstExpr> const_expr(BinaryReader& r, ValType expected);
  Result<void> check_memory_count(uint64_t offset) const;

  uint32_t function_count() const { return static_cast<uint32_t>(ir_.function_types.size()); }
  void compute_declared_refs();

  ModuleIR& ir_;
  const LoadOptions& options_;
  uint32_t defined_functions_ = 0;  // entries of the function section
  bool saw_code_ = false;
};

Result<void> Decoder::decode() {
  BinaryReader r(ir_.bytes);
  // https://webassembly.github.io/spec/core/binary/modules.html#binary-module
  if (r.remaining() < 4) return r.malformed("unexpected end: a module starts with the 4-byte magic \\0asm");
  WASMACRO_TRY_ASSIGN(magic, r.bytes(4));
  if (magic[0] != 0x00 || magic[1] != 'a' || magic[2] != 's' || magic[3] != 'm')
    return BinaryReader::malformed_at(0, "magic header not detected");
  if (r.remaining() < 4) return r.malformed("unexpected end: the binary version is missing");
  WASMACRO_TRY_ASSIGN(version, r.bytes(4));
  if (version[0] != 1 || version[1] != 0 || version[2] != 0 || version[3] != 0)
    return BinaryReader::malformed_at(4, "unknown binary version");

  int last_rank = 0;
  uint8_t last_id = 0;
  std::optional<Error> invalid_section;
  while (!r.at_end()) {
    uint64_t section_offset = r.offset();
    WASMACRO_TRY_ASSIGN(id, r.u8());
    if (id > kDataCount)
      return BinaryReader::malformed_at(section_offset, "malformed section id " + std::to_string(id));
    WASMACRO_TRY_ASSIGN(size, r.u32());
    if (size > r.remaining()) {
      return r.malformed("length out of bounds: " + std::string(section_name(id)) + " section declares " +
                         std::to_string(size) + " bytes but only " + std::to_string(r.remaining()) + " remain");
    }
    if (id != kCustom) {
      int rank = section_rank(id);
      if (rank <= last_rank) {
        return BinaryReader::malformed_at(section_offset, std::string("unexpected content after last section: ") +
                                                              section_name(id) + " section after the " +
                                                              section_name(last_id) + " section");
      }
      last_rank = rank;
      last_id = id;
    }
    uint64_t payload_offset = r.offset();
    BinaryReader payload(r.bytes().subspan(r.position(), size), payload_offset);
    r.seek(r.position() + size);
    // After a section turned out invalid, the rest is only checked for the framing errors above: a
    // malformed module must be reported as malformed even where an invalid section comes first.
    if (invalid_section) continue;
    auto decoded = id == kCustom ? custom_section(payload) : section(id, payload);
    if (!decoded.ok()) {
      if (decoded.error().kind != ErrorKind::Invalid) return decoded;
      invalid_section = std::move(decoded).error();
      continue;
    }
    if (id != kCustom && !payload.at_end()) {
      return payload.malformed("section size mismatch: " + std::to_string(payload.remaining()) +
                               " bytes left over in the " + section_name(id) + " section");
    }
  }
  if (invalid_section) return std::move(*invalid_section);

  // https://webassembly.github.io/spec/core/binary/modules.html#binary-module (the n = m rules)
  if (defined_functions_ != 0 && !saw_code_) {
    return r.malformed("function and code section have inconsistent lengths: " + std::to_string(defined_functions_) +
                       " functions declared but there is no code section");
  }
  if (ir_.data_count && *ir_.data_count != ir_.data.size()) {
    return r.malformed("data count and data section have inconsistent lengths: data count " +
                       std::to_string(*ir_.data_count) + ", " + std::to_string(ir_.data.size()) + " data segments");
  }

  for (const auto& custom : ir_.customs) {
    if (custom.name == "name") {
      parse_name_section(custom.data, ir_.module_name, ir_.function_names);
      break;
    }
  }
  compute_declared_refs();

  for (uint32_t i = 0; i < ir_.bodies.size(); ++i) {
    uint32_t function_index = ir_.imported_functions + i;
    auto valid = validate_function(ir_, function_index, options_);
    if (valid.ok()) continue;
    if (valid.error().kind != ErrorKind::Malformed) WASMACRO_TRY(check_code_decodes(ir_, function_index));
    return valid;
  }

  ir_.compiled = std::make_unique<std::atomic<CompiledFunction*>[]>(ir_.bodies.size());
  // Explicitly null: std::atomic's default constructor only value-initializes from C++20 on.
  for (size_t i = 0; i < ir_.bodies.size(); ++i) ir_.compiled[i].store(nullptr, std::memory_order_relaxed);
  return {};
}

Result<void> Decoder::section(uint8_t id, BinaryReader& r) {
  switch (id) {
    case kType: return type_section(r);
    case kImport: return import_section(r);
    case kFunction: return function_section(r);
    case kTable: return table_section(r);
    case kMemory: return memory_section(r);
    case kGlobal: return global_section(r);
    case kExport: return export_section(r);
    case kStart: return start_section(r);
    case kElement: return element_section(r);
    case kCode: return code_section(r);
    case kData: return data_section(r);
    case kDataCount: return data_count_section(r);
    default: return {};
  }
}

// A vector's length. Nothing is reserved from it directly: every entry takes at least
// `min_entry_bytes`, so reservations are capped by the bytes left, and a dishonest count fails where
// the entries run out, as the spec's decoder reports it.
Result<uint32_t> Decoder::count(BinaryReader& r, size_t min_entry_bytes, size_t& reservable) {
  WASMACRO_TRY_ASSIGN(n, r.u32());
  reservable = std::min<size_t>(n, r.remaining() / min_entry_bytes);
  return n;
}

// https://webassembly.github.io/spec/core/binary/types.html#value-types
Result<ValType> Decoder::value_type(BinaryReader& r) {
  uint64_t at = r.offset();
  WASMACRO_TRY_ASSIGN(byte, r.u8());
  if (is_valtype_byte(byte)) return static_cast<ValType>(byte);
  if (byte == 0x7b) return unsupported_at(at, "value type v128 (SIMD) is not supported");
  return BinaryReader::malformed_at(at, "malformed value type " + hex_string(byte));
}

// https://webassembly.github.io/spec/core/binary/types.html#reference-types
Result<ValType> Decoder::reference_type(BinaryReader& r) {
  uint64_t at = r.offset();
  WASMACRO_TRY_ASSIGN(byte, r.u8());
  if (byte == 0x70 || byte == 0x6f) return static_cast<ValType>(byte);
  return BinaryReader::malformed_at(at, "malformed reference type " + hex_string(byte));
}

// https://webassembly.github.io/spec/core/binary/types.html#limits
Result<Limits> Decoder::limits(BinaryReader& r) {
  uint64_t at = r.offset();
  WASMACRO_TRY_ASSIGN(flags, r.u8());
  Limits result;
  if (flags > 1) {
    // 2 and 3 mean a shared memory in the threads proposal, which WebAssembly 2.0 does not have.
    return BinaryReader::malformed_at(
        at, std::string((flags & 0x80) != 0 ? "integer representation too long" : "integer too large") +
                ": limits flags " + hex_string(flags) + " (only 0 and 1 are defined)");
  }
  WASMACRO_TRY_ASSIGN(min, r.u32());
  result.min = min;
  if (flags == 1) {
    WASMACRO_TRY_ASSIGN(max, r.u32());
    result.max = max;
  }
  return result;
}

// https://webassembly.github.io/spec/core/valid/types.html#table-types
Result<TableType> Decoder::table_type(BinaryReader& r) {
  TableType type;
  WASMACRO_TRY_ASSIGN(element, reference_type(r));
  uint64_t at = r.offset();
  WASMACRO_TRY_ASSIGN(table_limits, limits(r));
  if (table_limits.max && table_limits.min > *table_limits.max) {
    return invalid_at(at, "size minimum must not be greater than maximum (" + std::to_string(table_limits.min) + " > " +
                              std::to_string(*table_limits.max) + ")");
  }
  type.element = element;
  type.limits = table_limits;
  return type;
}

// https://webassembly.github.io/spec/core/valid/types.html#memory-types
Result<MemoryType> Decoder::memory_type(BinaryReader& r) {
  uint64_t at = r.offset();
  WASMACRO_TRY_ASSIGN(memory_limits, limits(r));
  if (memory_limits.min > kMaxPages || (memory_limits.max && *memory_limits.max > kMaxPages)) {
    return invalid_at(at, "memory size must be at most 65536 pages (4GiB)");
  }
  if (memory_limits.max && memory_limits.min > *memory_limits.max) {
    return invalid_at(at, "size minimum must not be greater than maximum (" + std::to_string(memory_limits.min) +
                              " > " + std::to_string(*memory_limits.max) + ")");
  }
  MemoryType type;
  type.limits = memory_limits;
  return type;
}

// https://webassembly.github.io/spec/core/binary/types.html#global-types
Result<GlobalType> Decoder::global_type(BinaryReader& r) {
  GlobalType type;
  WASMACRO_TRY_ASSIGN(value, value_type(r));
  uint64_t at = r.offset();
  WASMACRO_TRY_ASSIGN(mutability, r.u8());
  if (mutability > 1) return BinaryReader::malformed_at(at, "malformed mutability " + hex_string(mutability));
  type.type = value;
  type.is_mutable = mutability == 1;
  return type;
}

// https://webassembly.github.io/spec/core/valid/instructions.html#constant-expressions
// Only imported immutable globals may be read: that is the 2.0 rule for every constant expression.
Result<ConstExpr> Decoder::const_expr(BinaryReader& r, ValType expected) {
  InstructionReader reader(r);
  uint64_t start = r.offset();
  ConstExpr expr;
  uint32_t produced = 0;
  for (;;) {
    WASMACRO_TRY_ASSIGN(in, reader.next());
    if (in.op == Opcode::End) break;
    ValType type = ValType::I32;
    switch (in.op) {
      case Opcode::I32Const:
        type = ValType::I32;
        expr.value = in.value;
        break;
      case Opcode::I64Const:
        type = ValType::I64;
        expr.value = in.value;
        break;
      case Opcode::F32Const:
        type = ValType::F32;
        expr.value = in.value;
        break;
      case Opcode::F64Const:
        type = ValType::F64;
        expr.value = in.value;
        break;
      case Opcode::RefNull:
        type = in.type;
        expr.value = 0;
        break;
      case Opcode::RefFunc:
        if (in.index >= function_count()) return invalid_at(in.offset, index_message("unknown function", in.index));
        type = ValType::FuncRef;
        expr.value = in.index;
        break;
      case Opcode::GlobalGet:
        if (in.index >= ir_.imported_globals) {
          return invalid_at(in.offset, index_message("unknown global", in.index) +
                                           " (constant expressions may only read imported globals)");
        }
        if (ir_.globals[in.index].is_mutable) {
          return invalid_at(in.offset,
                            "constant expression required: global " + std::to_string(in.index) + " is mutable");
        }
        type = ir_.globals[in.index].type;
        expr.value = in.index;
        break;
      default:
        return invalid_at(
            in.offset, "constant expression required: " + std::string(text(in.op)) + " is not a constant instruction");
    }
    expr.op = in.op;
    expr.type = type;
    ++produced;
  }
  if (produced != 1 || expr.type != expected) {
    std::string found = produced == 0  ? "nothing"
                        : produced > 1 ? std::to_string(produced) + " values"
                                       : to_string(expr.type);
    return invalid_at(start, std::string("type mismatch: constant expression must produce one ") + to_string(expected) +
                                 " but produces " + found);
  }
  return expr;
}

Result<void> Decoder::check_memory_count(uint64_t offset) const {
  // https://webassembly.github.io/spec/core/valid/modules.html#valid-module (|C.mems| <= 1)
  if (ir_.memories.size() > 1) return invalid_at(offset, "multiple memories are not allowed in WebAssembly 2.0");
  return {};
}

// https://webassembly.github.io/spec/core/binary/modules.html#type-section
Result<void> Decoder::type_section(BinaryReader& r) {
  size_t n_reservable = 0;
  WASMACRO_TRY_ASSIGN(n, count(r, 3, n_reservable));
  ir_.types.reserve(n_reservable);
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t at = r.offset();
    WASMACRO_TRY_ASSIGN(form, r.u8());
    if (form != 0x60) {
      // The spec's decoder reads the form as a signed LEB128, hence its wording for a continuation bit.
      return BinaryReader::malformed_at(
          at, std::string((form & 0x80) != 0 ? "integer representation too long" : "malformed function type") +
                  ": function type form " + hex_string(form) + " instead of 0x60");
    }
    FuncType type;
    size_t params_reservable = 0;
    WASMACRO_TRY_ASSIGN(params, count(r, 1, params_reservable));
    type.params.reserve(params_reservable);
    for (uint32_t p = 0; p < params; ++p) {
      WASMACRO_TRY_ASSIGN(t, value_type(r));
      type.params.push_back(t);
    }
    size_t results_reservable = 0;
    WASMACRO_TRY_ASSIGN(results, count(r, 1, results_reservable));
    type.results.reserve(results_reservable);
    for (uint32_t p = 0; p < results; ++p) {
      WASMACRO_TRY_ASSIGN(t, value_type(r));
      type.results.push_back(t);
    }
    ir_.types.push_back(std::move(type));
  }
  return {};
}

// https://webassembly.github.io/spec/core/binary/modules.html#import-section
Result<void> Decoder::import_section(BinaryReader& r) {
  size_t n_reservable = 0;
  WASMACRO_TRY_ASSIGN(n, count(r, 4, n_reservable));
  ir_.imports.reserve(n_reservable);
  for (uint32_t i = 0; i < n; ++i) {
    ImportInfo import;
    WASMACRO_TRY_ASSIGN(module, r.name());
    WASMACRO_TRY_ASSIGN(name, r.name());
    import.module = std::string(module);
    import.name = std::string(name);
    uint64_t kind_at = r.offset();
    WASMACRO_TRY_ASSIGN(kind, r.u8());
    switch (kind) {
      case 0: {
        uint64_t at = r.offset();
        WASMACRO_TRY_ASSIGN(type_index, r.u32());
        if (type_index >= ir_.types.size()) return invalid_at(at, index_message("unknown type", type_index));
        import.kind = ExternKind::Function;
        import.function = ir_.types[type_index];
        ir_.function_types.push_back(type_index);
        ++ir_.imported_functions;
        break;
      }
      case 1: {
        WASMACRO_TRY_ASSIGN(type, table_type(r));
        import.kind = ExternKind::Table;
        import.table = type;
        ir_.tables.push_back(type);
        ++ir_.imported_tables;
        break;
      }
      case 2: {
        WASMACRO_TRY_ASSIGN(type, memory_type(r));
        import.kind = ExternKind::Memory;
        import.memory = type;
        ir_.memories.push_back(type);
        ++ir_.imported_memories;
        WASMACRO_TRY(check_memory_count(kind_at));
        break;
      }
      case 3: {
        WASMACRO_TRY_ASSIGN(type, global_type(r));
        import.kind = ExternKind::Global;
        import.global = type;
        ir_.globals.push_back(type);
        ++ir_.imported_globals;
        break;
      }
      default: return BinaryReader::malformed_at(kind_at, "malformed import kind " + hex_string(kind));
    }
    ir_.imports.push_back(std::move(import));
  }
  return {};
}

// https://webassembly.github.io/spec/core/binary/modules.html#function-section
Result<void> Decoder::function_section(BinaryReader& r) {
  size_t n_reservable = 0;
  WASMACRO_TRY_ASSIGN(n, count(r, 1, n_reservable));
  defined_functions_ = n;
  ir_.function_types.reserve(ir_.function_types.size() + n_reservable);
  ir_.bodies.reserve(n_reservable);
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t at = r.offset();
    WASMACRO_TRY_ASSIGN(type_index, r.u32());
    if (type_index >= ir_.types.size()) return invalid_at(at, index_message("unknown type", type_index));
    ir_.function_types.push_back(type_index);
    FunctionBody body;
    body.type_index = type_index;
    ir_.bodies.push_back(std::move(body));
  }
  return {};
}

// https://webassembly.github.io/spec/core/binary/modules.html#table-section
Result<void> Decoder::table_section(BinaryReader& r) {
  size_t n_reservable = 0;
  WASMACRO_TRY_ASSIGN(n, count(r, 3, n_reservable));
  for (uint32_t i = 0; i < n; ++i) {
    WASMACRO_TRY_ASSIGN(type, table_type(r));
    ir_.tables.push_back(type);
  }
  return {};
}

// https://webassembly.github.io/spec/core/binary/modules.html#memory-section
Result<void> Decoder::memory_section(BinaryReader& r) {
  size_t n_reservable = 0;
  WASMACRO_TRY_ASSIGN(n, count(r, 2, n_reservable));
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t at = r.offset();
    WASMACRO_TRY_ASSIGN(type, memory_type(r));
    ir_.memories.push_back(type);
    WASMACRO_TRY(check_memory_count(at));
  }
  return {};
}

// https://webassembly.github.io/spec/core/binary/modules.html#global-section
Result<void> Decoder::global_section(BinaryReader& r) {
  size_t n_reservable = 0;
  WASMACRO_TRY_ASSIGN(n, count(r, 3, n_reservable));
  ir_.globals.reserve(ir_.globals.size() + n_reservable);
  ir_.global_inits.reserve(n_reservable);
  for (uint32_t i = 0; i < n; ++i) {
    WASMACRO_TRY_ASSIGN(type, global_type(r));
    WASMACRO_TRY_ASSIGN(init, const_expr(r, type.type));
    ir_.globals.push_back(type);
    ir_.global_inits.push_back(init);
  }
  return {};
}

// https://webassembly.github.io/spec/core/binary/modules.html#export-section
// https://webassembly.github.io/spec/core/valid/modules.html#valid-module (export names are distinct)
Result<void> Decoder::export_section(BinaryReader& r) {
  size_t n_reservable = 0;
  WASMACRO_TRY_ASSIGN(n, count(r, 3, n_reservable));
  ir_.exports.reserve(n_reservable);
  std::unordered_set<std::string_view> names;
  names.reserve(n_reservable);
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t name_at = r.offset();
    WASMACRO_TRY_ASSIGN(name, r.name());
    uint64_t kind_at = r.offset();
    WASMACRO_TRY_ASSIGN(kind, r.u8());
    uint64_t index_at = r.offset();
    WASMACRO_TRY_ASSIGN(index, r.u32());
    ExportInfo info;
    switch (kind) {
      case 0:
        if (index >= function_count()) return invalid_at(index_at, index_message("unknown function", index));
        info.kind = ExternKind::Function;
        break;
      case 1:
        if (index >= ir_.tables.size()) return invalid_at(index_at, index_message("unknown table", index));
        info.kind = ExternKind::Table;
        break;
      case 2:
        if (index >= ir_.memories.size()) return invalid_at(index_at, index_message("unknown memory", index));
        info.kind = ExternKind::Memory;
        break;
      case 3:
        if (index >= ir_.globals.size()) return invalid_at(index_at, index_message("unknown global", index));
        info.kind = ExternKind::Global;
        break;
      default: return BinaryReader::malformed_at(kind_at, "malformed export kind " + hex_string(kind));
    }
    if (!names.insert(name).second) return invalid_at(name_at, "duplicate export name \"" + std::string(name) + "\"");
    info.name = std::string(name);
    info.index = index;
    ir_.exports.push_back(std::move(info));
  }
  return {};
}

// https://webassembly.github.io/spec/core/valid/modules.html#start-function
Result<void> Decoder::start_section(BinaryReader& r) {
  uint64_t at = r.offset();
  WASMACRO_TRY_ASSIGN(index, r.u32());
  if (index >= function_count()) return invalid_at(at, index_message("unknown function", index));
  const FuncType& type = ir_.function_type(index);
  if (!type.params.empty() || !type.results.empty()) {
    return invalid_at(at, "start function must have type [] -> [], but function " + std::to_string(index) +
                              " has type " + type.to_string());
  }
  ir_.start = index;
  return {};
}

// https://webassembly.github.io/spec/core/binary/modules.html#element-section
Result<void> Decoder::element_section(BinaryReader& r) {
  size_t n_reservable = 0;
  WASMACRO_TRY_ASSIGN(n, count(r, 2, n_reservable));
  ir_.elements.reserve(n_reservable);
  for (uint32_t i = 0; i < n; ++i) {
    ElementSegment segment;
    WASMACRO_TRY(element_segment(r, segment));
    ir_.elements.push_back(std::move(segment));
  }
  return {};
}

// The flags' bits: 0 = passive or declarative (else active), 1 = explicit table index (active) or
// declarative (otherwise), 2 = items are expressions rather than function indices.
// https://webassembly.github.io/spec/core/valid/modules.html#element-segments
Result<void> Decoder::element_segment(BinaryReader& r, ElementSegment& segment) {
  uint64_t at = r.offset();
  WASMACRO_TRY_ASSIGN(flags, r.u32());
  if (flags > 7) return BinaryReader::malformed_at(at, "malformed elements segment kind " + std::to_string(flags));
  bool not_active = (flags & 1) != 0;
  bool explicit_index_or_declarative = (flags & 2) != 0;
  bool expressions = (flags & 4) != 0;

  if (not_active) {
    segment.mode = explicit_index_or_declarative ? SegmentMode::Declarative : SegmentMode::Passive;
  } else {
    segment.mode = SegmentMode::Active;
    uint64_t table_at = r.offset();
    if (explicit_index_or_declarative) {
      WASMACRO_TRY_ASSIGN(table, r.u32());
      segment.table_index = table;
    }
    if (segment.table_index >= ir_.tables.size())
      return invalid_at(table_at, index_message("unknown table", segment.table_index));
    WASMACRO_TRY_ASSIGN(offset, const_expr(r, ValType::I32));
    segment.offset = offset;
  }

  // Flags 0 and 4 imply funcref; the others spell out an element kind or a reference type.
  segment.type = ValType::FuncRef;
  if (flags != 0 && flags != 4) {
    if (expressions) {
      WASMACRO_TRY_ASSIGN(type, reference_type(r));
      segment.type = type;
    } else {
      uint64_t kind_at = r.offset();
      WASMACRO_TRY_ASSIGN(kind, r.u8());
      if (kind != 0x00) return BinaryReader::malformed_at(kind_at, "malformed element kind " + hex_string(kind));
    }
  }

  size_t n_reservable = 0;
  WASMACRO_TRY_ASSIGN(n, count(r, 1, n_reservable));
  segment.items.reserve(n_reservable);
  for (uint32_t i = 0; i < n; ++i) {
    if (expressions) {
      WASMACRO_TRY_ASSIGN(item, const_expr(r, segment.type));
      segment.items.push_back(item);
    } else {
      uint64_t index_at = r.offset();
      WASMACRO_TRY_ASSIGN(index, r.u32());
      if (index >= function_count()) return invalid_at(index_at, index_message("unknown function", index));
      ConstExpr item;
      item.op = Opcode::RefFunc;
      item.value = index;
      item.type = ValType::FuncRef;
      segment.items.push_back(item);
    }
  }

  if (segment.mode == SegmentMode::Active && ir_.tables[segment.table_index].element != segment.type) {
    return invalid_at(at, std::string("type mismatch: element segment of type ") + to_string(segment.type) +
                              " for table " + std::to_string(segment.table_index) + " of type " +
                              to_string(ir_.tables[segment.table_index].element));
  }
  return {};
}

// https://webassembly.github.io/spec/core/binary/modules.html#code-section
Result<void> Decoder::code_section(BinaryReader& r) {
  uint64_t at = r.offset();
  WASMACRO_TRY_ASSIGN(n, r.u32());
  saw_code_ = true;
  if (n != defined_functions_) {
    return BinaryReader::malformed_at(
        at, "function and code section have inconsistent lengths: " + std::to_string(defined_functions_) +
                " functions declared, " + std::to_string(n) + " bodies given");
  }
  for (uint32_t i = 0; i < n; ++i) {
    auto body = function_body(r, ir_.bodies[i]);
    if (!body.ok()) {
      Error error = std::move(body).error();
      error.function_index = ir_.imported_functions + i;
      return error;
    }
  }
  return {};
}

Result<void> Decoder::function_body(BinaryReader& r, FunctionBody& body) {
  body.body_offset = r.offset();
  WASMACRO_TRY_ASSIGN(size, r.u32());
  if (size > r.remaining()) {
    return r.malformed("unexpected end of section or function: function body of " + std::to_string(size) +
                       " bytes but only " + std::to_string(r.remaining()) + " left");
  }
  if (size > options_.max_function_size) {
    return unsupported_at(body.body_offset, "function body of " + std::to_string(size) +
                                                " bytes exceeds the limit of " +
                                                std::to_string(options_.max_function_size));
  }
  BinaryReader b(r.bytes().subspan(r.position(), size), r.offset());
  r.seek(r.position() + size);

  // https://webassembly.github.io/spec/core/binary/modules.html#binary-local
  size_t params = ir_.types[body.type_index].params.size();
  size_t groups_reservable = 0;
  WASMACRO_TRY_ASSIGN(groups, count(b, 2, groups_reservable));
  size_t groups_start = b.position();
  uint64_t total = 0;
  for (uint32_t g = 0; g < groups; ++g) {
    uint64_t group_at = b.offset();
    WASMACRO_TRY_ASSIGN(n, b.u32());
    WASMACRO_TRY(value_type(b));
    total += n;
    if (total > UINT32_MAX) return BinaryReader::malformed_at(group_at, "too many locals: more than 2^32 declared");
  }
  if (total + params > options_.max_locals_per_function) {
    return unsupported_at(body.body_offset, "too many locals: " + std::to_string(total + params) +
                                                " (parameters included) exceed the limit of " +
                                                std::to_string(options_.max_locals_per_function));
  }
  // Second pass, now that the total is known to be within the limit.
  b.seek(groups_start);
  body.locals.reserve(total);
  for (uint32_t g = 0; g < groups; ++g) {
    WASMACRO_TRY_ASSIGN(n, b.u32());
    WASMACRO_TRY_ASSIGN(type, value_type(b));
    body.locals.insert(body.locals.end(), n, type);
  }
  body.code_offset = b.offset();
  body.code_end = b.offset() + b.remaining();
  return {};
}

// https://webassembly.github.io/spec/core/binary/modules.html#data-section
Result<void> Decoder::data_section(BinaryReader& r) {
  size_t n_reservable = 0;
  WASMACRO_TRY_ASSIGN(n, count(r, 2, n_reservable));
  ir_.data.reserve(n_reservable);
  for (uint32_t i = 0; i < n; ++i) {
    DataSegment segment;
    uint64_t at = r.offset();
    WASMACRO_TRY_ASSIGN(flags, r.u32());
    if (flags > 2) return BinaryReader::malformed_at(at, "malformed data segment kind " + std::to_string(flags));
    if (flags == 1) {
      segment.mode = SegmentMode::Passive;
    } else {
      segment.mode = SegmentMode::Active;
      uint64_t memory_at = r.offset();
      if (flags == 2) {
        WASMACRO_TRY_ASSIGN(memory, r.u32());
        segment.memory_index = memory;
      }
      // https://webassembly.github.io/spec/core/valid/modules.html#data-segments
      if (segment.memory_index >= ir_.memories.size()) {
        return invalid_at(memory_at, index_message("unknown memory", segment.memory_index));
      }
      WASMACRO_TRY_ASSIGN(offset, const_expr(r, ValType::I32));
      segment.offset = offset;
    }
    WASMACRO_TRY_ASSIGN(size, r.u32());
    segment.data_offset = r.offset();
    WASMACRO_TRY(r.bytes(size));
    segment.size = size;
    ir_.data.push_back(segment);
  }
  return {};
}

// https://webassembly.github.io/spec/core/binary/modules.html#data-count-section
Result<void> Decoder::data_count_section(BinaryReader& r) {
  WASMACRO_TRY_ASSIGN(n, r.u32());
  ir_.data_count = n;
  return {};
}

// https://webassembly.github.io/spec/core/binary/modules.html#custom-section
Result<void> Decoder::custom_section(BinaryReader& r) {
  WASMACRO_TRY_ASSIGN(name, r.name());
  CustomSection custom;
  custom.name = std::string(name);
  custom.offset = r.offset();
  custom.data = r.bytes().subspan(r.position());
  r.seek(r.bytes().size());
  ir_.customs.push_back(std::move(custom));
  return {};
}

// C.refs: https://webassembly.github.io/spec/core/valid/modules.html#valid-module
void Decoder::compute_declared_refs() {
  ir_.declared_refs.assign(function_count(), false);
  auto mark = [&](const ConstExpr& expr) {
    if (expr.op == Opcode::RefFunc) ir_.declared_refs[expr.value] = true;
  };
  for (const auto& segment : ir_.elements)
    for (const auto& item : segment.items) mark(item);
  for (const auto& init : ir_.global_inits) mark(init);
  for (const auto& e : ir_.exports)
    if (e.kind == ExternKind::Function) ir_.declared_refs[e.index] = true;
}

// An error in a function body found before the name section was parsed (it follows the code) still
// gets the function's name: look for the section on this cold path, trusting only what decodes.
void name_function_in_error(const ModuleIR& ir, Error& error) {
  if (error.function_index == Error::kNoFunction || !error.function_name.empty()) return;
  BinaryReader r(ir.bytes);
  if (!r.bytes(8).ok()) return;
  while (!r.at_end()) {
    auto id = r.u8();
    if (!id) return;
    auto size = r.u32();
    if (!size || *size > r.remaining()) return;
    BinaryReader payload(r.bytes().subspan(r.position(), *size));
    r.seek(r.position() + *size);
    if (*id != kCustom) continue;
    auto name = payload.name();
    if (!name || *name != "name") continue;
    std::string module_name;
    std::unordered_map<uint32_t, std::string> names;
    parse_name_section(payload.bytes().subspan(payload.position()), module_name, names);
    if (auto it = names.find(error.function_index); it != names.end()) error.function_name = demangle_rust(it->second);
    return;
  }
}

}  // namespace

Result<void> decode_module(ModuleIR& ir, const LoadOptions& options) {
  Decoder decoder(ir, options);
  auto result = decoder.decode();
  if (result.ok()) return result;
  Error error = std::move(result).error();
  name_function_in_error(ir, error);
  return error;
}

}  // namespace wasmacro::engine::detail
