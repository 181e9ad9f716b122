// The binary decoder and module-level validation, through Module::load: section structure, every
// section's encoding, the module rules, implementation limits, the name section and the accessors.
#include <gtest/gtest.h>

#include <initializer_list>

#include "wasmacro/engine/engine.h"
#include "wat.h"

namespace wasmacro::engine {
namespace {

using Bytes = std::vector<uint8_t>;

Bytes leb(uint64_t value) {
  Bytes out;
  do {
    uint8_t byte = value & 0x7f;
    value >>= 7;
    out.push_back(value != 0 ? (byte | 0x80) : byte);
  } while (value != 0);
  return out;
}

Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const auto& part : parts) out.insert(out.end(), part.begin(), part.end());
  return out;
}

Bytes section(uint8_t id, const Bytes& payload) { return cat({{id}, leb(payload.size()), payload}); }

Bytes module(std::initializer_list<Bytes> sections) {
  Bytes out = {0x00, 'a', 's', 'm', 0x01, 0x00, 0x00, 0x00};
  for (const auto& s : sections) out.insert(out.end(), s.begin(), s.end());
  return out;
}

// Type 0: [] -> [], one function of that type, with the given body (locals included).
Bytes one_function(const Bytes& body, std::initializer_list<Bytes> extra_before_code = {}) {
  Bytes sections = cat({section(1, {0x01, 0x60, 0x00, 0x00}), section(3, {0x01, 0x00})});
  for (const auto& s : extra_before_code) sections = cat({sections, s});
  return cat({module({}), sections, section(10, cat({{0x01}, leb(body.size()), body}))});
}

Error load_error(const Bytes& bytes, const LoadOptions& options = {}) {
  auto loaded = Module::load(bytes, options);
  EXPECT_FALSE(loaded.ok()) << "module unexpectedly loaded";
  return loaded.ok() ? Error{} : loaded.error();
}

std::shared_ptr<const Module> load_wat(std::string_view wat) {
  auto bytes = test::wat_to_wasm(wat, "--debug-names");
  EXPECT_FALSE(bytes.empty()) << "wat2wasm failed";
  auto module = Module::load(bytes);
  EXPECT_TRUE(module.ok()) << (module.ok() ? "" : module.error().describe());
  return module.ok() ? *module : nullptr;
}

Error wat_error(std::string_view wat) {
  auto bytes = test::wat_to_wasm(wat, "--debug-names --no-check");
  EXPECT_FALSE(bytes.empty()) << "wat2wasm failed";
  return load_error(bytes);
}

void expect_error(const Error& error, ErrorKind kind, std::string_view text) {
  EXPECT_EQ(error.kind, kind) << error.message;
  EXPECT_NE(error.message.find(text), std::string::npos) << "message: " << error.message;
}

TEST(Decoder, EmptyModuleLoads) {
  auto loaded = Module::load(module({}));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ((*loaded)->function_count(), 0u);
  EXPECT_EQ((*loaded)->binary_size(), 8u);
}

TEST(Decoder, PreambleErrors) {
  expect_error(load_error({}), ErrorKind::Malformed, "unexpected end");
  expect_error(load_error({0x00, 'a', 's'}), ErrorKind::Malformed, "unexpected end");
  expect_error(load_error({'a', 's', 'm', 0x00, 1, 0, 0, 0}), ErrorKind::Malformed, "magic header not detected");
  expect_error(load_error({0x00, 'a', 's', 'm', 0x01, 0x00}), ErrorKind::Malformed, "unexpected end");
  Error version = load_error({0x00, 'a', 's', 'm', 0x02, 0x00, 0x00, 0x00});
  expect_error(version, ErrorKind::Malformed, "unknown binary version");
  EXPECT_EQ(version.offset, 4u);
}

TEST(Decoder, SectionStructure) {
  expect_error(load_error(module({{0x0d, 0x00}})), ErrorKind::Malformed, "malformed section id");
  // A type section declaring more bytes than the module has.
  expect_error(load_error(module({{0x01, 0x05, 0x00}})), ErrorKind::Malformed, "length out of bounds");
  // A type section with a byte left over after its only (empty) vector.
  expect_error(load_error(module({section(1, {0x00, 0x00})})), ErrorKind::Malformed, "section size mismatch");
  // Function section before the type section, and a repeated section.
  expect_error(load_error(module({section(3, {0x00}), section(1, {0x00})})), ErrorKind::Malformed,
               "unexpected content after last section");
  expect_error(load_error(module({section(1, {0x00}), section(1, {0x00})})), ErrorKind::Malformed,
               "unexpected content after last section");
  // The data count section goes between element and code, although its id is 12.
  EXPECT_TRUE(Module::load(module({section(12, {0x00}), section(10, {0x00})})).ok());
  expect_error(load_error(module({section(10, {0x00}), section(12, {0x00})})), ErrorKind::Malformed,
               "unexpected content after last section");
}

TEST(Decoder, HugeCountsFailWithoutAllocating) {
  // 2^32 - 1 types declared in a 6-byte section: must fail on the bytes, not try to allocate.
  expect_error(load_error(module({section(1, cat({leb(0xffffffff), {0x60}}))})), ErrorKind::Malformed,
               "unexpected end");
  expect_error(load_error(module({section(1, {0x80, 0x80, 0x80, 0x80, 0x80, 0x00})})), ErrorKind::Malformed,
               "integer representation too long");
}

TEST(Decoder, FunctionAndCodeCountsMustAgree) {
  Bytes types = section(1, {0x01, 0x60, 0x00, 0x00});
  expect_error(load_error(module({types, section(3, {0x01, 0x00})})), ErrorKind::Malformed,
               "function and code section have inconsistent lengths");
  expect_error(
      load_error(module({types, section(3, {0x01, 0x00}), section(10, {0x02, 0x02, 0x00, 0x0b, 0x02, 0x00, 0x0b})})),
      ErrorKind::Malformed, "function and code section have inconsistent lengths");
}

TEST(Decoder, DataCountMustMatchDataSection) {
  expect_error(load_error(module({section(5, {0x01, 0x00, 0x01}), section(12, {0x01})})), ErrorKind::Malformed,
               "data count and data section have inconsistent lengths");
}

TEST(Decoder, BulkMemoryNeedsDataCountSection) {
  // data.drop 0 with a data section but no data count section.
  Bytes body = {0x00, 0xfc, 0x09, 0x00, 0x0b};
  Bytes bytes = cat({one_function(body, {section(5, {0x01, 0x00, 0x01})}), section(11, {0x01, 0x01, 0x00})});
  expect_error(load_error(bytes), ErrorKind::Malformed, "data count section required");
  // Without any data section too: the binary format requires the count wherever a data index occurs.
  expect_error(load_error(one_function(body)), ErrorKind::Malformed, "data count section required");
}

TEST(Decoder, MalformedSectionOrderWinsOverAnEarlierInvalidSection) {
  // A function section naming type 0 before the type section that defines it.
  Bytes bytes = module({section(3, {0x01, 0x00}), section(1, {0x01, 0x60, 0x00, 0x00})});
  expect_error(load_error(bytes), ErrorKind::Malformed, "unexpected content after last section");
  // Without the type section, the same function section is invalid.
  expect_error(load_error(module({section(3, {0x01, 0x00})})), ErrorKind::Invalid, "unknown type 0");
}

TEST(Decoder, BlockTypeIndexMustExist) {
  Error error = load_error(one_function({0x00, 0x02, 0x07, 0x0b, 0x0b}));
  EXPECT_EQ(error.kind, ErrorKind::Invalid);
  EXPECT_EQ(error.message, "unknown type 7");
  EXPECT_EQ(error.function_index, 0u);
}

TEST(Decoder, FunctionBodyBoundaries) {
  expect_error(load_error(one_function({0x00, 0x01})), ErrorKind::Malformed, "END opcode expected");
  expect_error(load_error(one_function({0x00, 0x0b, 0x01})), ErrorKind::Malformed, "section size mismatch");
}

TEST(Decoder, LocalLimits) {
  // Two groups of 2^32 - 1 locals: more than the format allows.
  Bytes overflow = cat({{0x02}, leb(0xffffffff), {0x7f}, leb(0xffffffff), {0x7f}, {0x0b}});
  expect_error(load_error(one_function(overflow)), ErrorKind::Malformed, "too many locals");
  // Within the format but beyond the configured limit: refused before anything is allocated.
  Bytes many = cat({{0x01}, leb(1'000'000), {0x7f}, {0x0b}});
  LoadOptions options;
  options.max_locals_per_function = 1000;
  expect_error(load_error(one_function(many), options), ErrorKind::Unsupported, "too many locals");
  options.max_locals_per_function = 2'000'000;
  EXPECT_TRUE(Module::load(one_function(many), options).ok());
}

TEST(Decoder, FunctionSizeLimit) {
  LoadOptions options;
  options.max_function_size = 3;
  expect_error(load_error(one_function({0x00, 0x01, 0x01, 0x0b}), options), ErrorKind::Unsupported, "limit");
  EXPECT_TRUE(Module::load(one_function({0x00, 0x01, 0x0b}), options).ok());
}

TEST(Decoder, UnsupportedProposals) {
  // v128 as a parameter type, and a SIMD instruction.
  expect_error(load_error(module({section(1, {0x01, 0x60, 0x01, 0x7b, 0x00})})), ErrorKind::Unsupported, "v128");
  expect_error(load_error(one_function({0x00, 0xfd, 0x0c, 0x0b})), ErrorKind::Unsupported, "SIMD");
}

TEST(Decoder, ModuleLevelRules) {
  expect_error(wat_error("(module (memory 1) (memory 1))"), ErrorKind::Invalid, "multiple memories");
  expect_error(wat_error("(module (import \"a\" \"m\" (memory 1)) (memory 1))"), ErrorKind::Invalid,
               "multiple memories");
  expect_error(wat_error("(module (memory 65537))"), ErrorKind::Invalid, "memory size must be at most 65536 pages");
  expect_error(wat_error("(module (memory 2 1))"), ErrorKind::Invalid, "size minimum must not be greater than maximum");
  expect_error(wat_error("(module (table 2 1 funcref))"), ErrorKind::Invalid,
               "size minimum must not be greater than maximum");
  expect_error(wat_error("(module (func) (export \"a\" (func 0)) (export \"a\" (func 0)))"), ErrorKind::Invalid,
               "duplicate export name");
  expect_error(wat_error("(module (func (param i32)) (start 0))"), ErrorKind::Invalid, "start function");
  expect_error(wat_error("(module (export \"a\" (func 3)))"), ErrorKind::Invalid, "unknown function 3");
  expect_error(wat_error("(module (type (func)) (import \"a\" \"b\" (func (type 5))))"), ErrorKind::Invalid,
               "unknown type");
}

TEST(Decoder, ConstantExpressions) {
  EXPECT_TRUE(
      load_wat("(module (import \"a\" \"g\" (global i32)) (global i32 (global.get 0)) (global f64 (f64.const 1)))"));
  expect_error(wat_error("(module (global i32 (i32.const 0)) (global i32 (global.get 0)))"), ErrorKind::Invalid,
               "unknown global 0");
  expect_error(wat_error("(module (import \"a\" \"g\" (global (mut i32))) (global i32 (global.get 0)))"),
               ErrorKind::Invalid, "constant expression required");
  expect_error(wat_error("(module (global i32 (i32.add (i32.const 1) (i32.const 2))))"), ErrorKind::Invalid,
               "constant expression required");
  expect_error(wat_error("(module (global i32 (i64.const 0)))"), ErrorKind::Invalid, "type mismatch");
  expect_error(wat_error("(module (global i32))"), ErrorKind::Invalid, "type mismatch");
  expect_error(wat_error("(module (memory 1) (data (i64.const 0) \"\"))"), ErrorKind::Invalid, "type mismatch");
}

TEST(Decoder, ElementSegmentEncodings) {
  auto module = load_wat(R"(
    (module
      (table $t0 2 funcref)
      (table $t1 2 externref)
      (func $f) (func $g)
      (elem (i32.const 0) $f $g)                              ;; flags 0
      (elem func $f)                                          ;; flags 1
      (elem (table $t0) (i32.const 0) func $g)                ;; flags 2
      (elem declare func $g)                                  ;; flags 3
      (elem (i32.const 0) funcref (ref.func $f) (ref.null func)) ;; flags 4
      (elem funcref (ref.null func))                          ;; flags 5
      (elem (table $t1) (i32.const 0) externref (ref.null extern)) ;; flags 6
      (elem declare funcref (ref.func $f)))                   ;; flags 7
  )");
  ASSERT_TRUE(module);
  EXPECT_EQ(module->function_count(), 2u);
  expect_error(wat_error("(module (table 1 externref) (func $f) (elem (i32.const 0) $f))"), ErrorKind::Invalid,
               "type mismatch");
  expect_error(wat_error("(module (func $f) (elem (i32.const 0) $f))"), ErrorKind::Invalid, "unknown table 0");
}

TEST(Decoder, DataSegmentEncodings) {
  EXPECT_TRUE(
      load_wat("(module (memory 1) (data (i32.const 0) \"a\") (data \"b\") (data (memory 0) (i32.const 1) \"c\"))"));
  expect_error(wat_error("(module (data (i32.const 0) \"a\"))"), ErrorKind::Invalid, "unknown memory 0");
}

TEST(Decoder, DeclaredFunctionReferences) {
  EXPECT_TRUE(load_wat("(module (func $f) (elem declare func $f) (func (result funcref) (ref.func $f)))"));
  EXPECT_TRUE(load_wat("(module (func $f (export \"f\")) (func (result funcref) (ref.func $f)))"));
  EXPECT_TRUE(load_wat("(module (func $f) (global funcref (ref.func $f)) (func (result funcref) (ref.func $f)))"));
  expect_error(wat_error("(module (func $f) (func (result funcref) (ref.func $f)))"), ErrorKind::Invalid,
               "undeclared function reference");
}

TEST(Decoder, Accessors) {
  auto module = load_wat(R"(
    (module
      (import "env" "log" (func $log (param i32)))
      (import "env" "mem" (memory 1 2))
      (import "env" "tab" (table 3 funcref))
      (import "env" "g" (global (mut i64)))
      (func $add (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
      (global (export "G") i32 (i32.const 7)))
  )");
  ASSERT_TRUE(module);
  ASSERT_EQ(module->imports().size(), 4u);
  EXPECT_EQ(module->imports()[0].module, "env");
  EXPECT_EQ(module->imports()[0].name, "log");
  EXPECT_EQ(module->imports()[0].kind, ExternKind::Function);
  EXPECT_EQ(module->imports()[0].function.params, std::vector<ValType>{ValType::I32});
  EXPECT_EQ(module->imports()[1].kind, ExternKind::Memory);
  EXPECT_EQ(module->imports()[1].memory.limits.min, 1u);
  EXPECT_EQ(module->imports()[1].memory.limits.max, std::optional<uint64_t>(2));
  EXPECT_EQ(module->imports()[2].table.limits.min, 3u);
  EXPECT_TRUE(module->imports()[3].global.is_mutable);
  EXPECT_EQ(module->imports()[3].global.type, ValType::I64);
  ASSERT_EQ(module->exports().size(), 2u);
  EXPECT_EQ(module->exports()[0].name, "add");
  EXPECT_EQ(module->exports()[0].index, 1u);
  EXPECT_EQ(module->exports()[1].kind, ExternKind::Global);
  EXPECT_EQ(module->function_count(), 2u);
  FuncType add = module->function_type(1);
  EXPECT_EQ(add.params, (std::vector<ValType>{ValType::I32, ValType::I32}));
  EXPECT_EQ(add.results, std::vector<ValType>{ValType::I32});
  EXPECT_EQ(module->function_name(1), "add");
  EXPECT_EQ(module->function_name(0), "log");
  EXPECT_EQ(module->translated_function_count(), 0u);
}

TEST(Decoder, CustomSections) {
  Bytes custom_a = section(0, cat({{0x01, 'a'}, {1, 2, 3}}));
  Bytes custom_b = section(0, cat({{0x01, 'b'}}));
  Bytes bytes = module({custom_a, section(1, {0x00}), custom_b});
  auto loaded = Module::load(bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const auto& customs = (*loaded)->custom_sections();
  ASSERT_EQ(customs.size(), 2u);
  EXPECT_EQ(customs[0].name, "a");
  EXPECT_EQ(customs[0].data.size(), 3u);
  EXPECT_EQ(customs[0].offset, 12u);  // 8 (preamble) + id + size + name length + name
  EXPECT_EQ(customs[0].data[2], 3);
  EXPECT_TRUE(customs[1].data.empty());
  auto found = (*loaded)->custom_section("a");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->size(), 3u);
  EXPECT_FALSE((*loaded)->custom_section("zzz").has_value());
  // A custom section name must be UTF-8.
  expect_error(load_error(module({section(0, {0x01, 0xff})})), ErrorKind::Malformed, "malformed UTF-8");
}

TEST(Decoder, MalformedNameSectionIsIgnored) {
  // A name section whose function-name subsection is cut short still lets the module load.
  Bytes name_section = section(0, cat({{0x04, 'n', 'a', 'm', 'e'}, {0x01, 0x04, 0x02, 0x00, 0x01, 'f'}}));
  auto loaded = Module::load(cat({one_function({0x00, 0x0b}), name_section}));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  EXPECT_EQ((*loaded)->function_name(0), "f");
}

TEST(Decoder, ErrorsInCodeNameTheFunction) {
  Error error = wat_error(R"(
    (module
      (func $first)
      (func $second (result i32) (f64.const 1)))
  )");
  expect_error(error, ErrorKind::Invalid, "type mismatch");
  EXPECT_EQ(error.function_index, 1u);
  EXPECT_EQ(error.function_name, "second");
  EXPECT_NE(error.offset, Error::kNoOffset);
}

TEST(Decoder, BodyDecodingErrorsNameTheFunction) {
  // Function 1's local declaration uses a bad value type; the name section comes after the code.
  Bytes code = section(10, {0x02, 0x02, 0x00, 0x0b, 0x04, 0x01, 0x01, 0x55, 0x0b});
  Bytes names = section(0, {0x04, 'n', 'a', 'm', 'e', 0x01, 0x07, 0x02, 0x00, 0x01, 'a', 0x01, 0x01, 'b'});
  Error error = load_error(module({section(1, {0x01, 0x60, 0x00, 0x00}), section(3, {0x02, 0x00, 0x00}), code, names}));
  expect_error(error, ErrorKind::Malformed, "malformed value type");
  EXPECT_EQ(error.function_index, 1u);
  EXPECT_EQ(error.function_name, "b");
}

TEST(Decoder, MalformedLaterBodyWinsOverInvalidEarlierBody) {
  // Body 0 is invalid (i32.const leaves a value), body 1 never ends: the module is malformed.
  Bytes bytes = cat({module({section(1, {0x01, 0x60, 0x00, 0x00}), section(3, {0x02, 0x00, 0x00}),
                             section(10, {0x02, 0x04, 0x00, 0x41, 0x00, 0x0b, 0x02, 0x00, 0x01})})});
  expect_error(load_error(bytes), ErrorKind::Malformed, "END opcode expected");
}

}  // namespace
}  // namespace wasmacro::engine
