// Function body validation: the operand and control stacks, the unreachable (polymorphic) stack, and
// the rules of each instruction family that the opcode table's signatures do not cover.
#include <gtest/gtest.h>

#include "wasmacro/engine/engine.h"
#include "wat.h"

namespace wasmacro::engine {
namespace {

bool valid(std::string_view wat) {
  auto bytes = test::wat_to_wasm(wat, "--no-check");
  EXPECT_FALSE(bytes.empty()) << "wat2wasm failed";
  auto module = Module::load(bytes);
  EXPECT_TRUE(module.ok()) << module.error().describe();
  return module.ok();
}

Error invalid(std::string_view wat, const LoadOptions& options = {}) {
  auto bytes = test::wat_to_wasm(wat, "--no-check --debug-names");
  EXPECT_FALSE(bytes.empty()) << "wat2wasm failed";
  auto module = Module::load(bytes, options);
  EXPECT_FALSE(module.ok()) << "module unexpectedly valid";
  return module.ok() ? Error{} : module.error();
}

void expect_invalid(std::string_view wat, std::string_view text, ErrorKind kind = ErrorKind::Invalid) {
  Error error = invalid(wat);
  EXPECT_EQ(error.kind, kind) << error.message;
  EXPECT_NE(error.message.find(text), std::string::npos) << "message: " << error.message;
}

TEST(Validator, TypeMismatchSaysWhatAndWhere) {
  auto bytes =
      test::wat_to_wasm("(module (func $ok) (func $bad (result i32) (f64.const 0)))", "--no-check --debug-names");
  auto module = Module::load(bytes);
  ASSERT_FALSE(module.ok());
  const Error& error = module.error();
  EXPECT_EQ(error.kind, ErrorKind::Invalid);
  EXPECT_EQ(error.message, "type mismatch: expected i32 but found f64");
  EXPECT_EQ(error.function_index, 1u);
  EXPECT_EQ(error.function_name, "bad");
  // The offset points at the function's `end`, the last byte of the body.
  ASSERT_LT(error.offset, bytes.size());
  EXPECT_EQ(bytes[error.offset], 0x0b);
}

TEST(Validator, OperandStack) {
  EXPECT_TRUE(valid("(module (func (result i32) (i32.add (i32.const 1) (i32.const 2))))"));
  expect_invalid("(module (func (result i32) (i32.add (i32.const 1) (i64.const 2))))", "expected i32 but found i64");
  expect_invalid("(module (func (i32.add (i32.const 1)) drop))", "type mismatch");
  expect_invalid("(module (func (i32.const 1)))", "type mismatch");
  expect_invalid("(module (func (result i32)))", "type mismatch");
  // Values of an enclosing block are out of reach.
  expect_invalid("(module (func (i32.const 1) (block (drop)) (drop)))", "type mismatch");
}

TEST(Validator, UnreachableStackIsPolymorphic) {
  EXPECT_TRUE(valid("(module (func (result i32) unreachable))"));
  EXPECT_TRUE(valid("(module (func (result i32) unreachable i32.add))"));
  EXPECT_TRUE(valid("(module (func (result f64) (unreachable) (select)))"));
  EXPECT_TRUE(valid("(module (func (block (result i32) (br 0 (i32.const 1)) (i32.add)) drop))"));
  expect_invalid("(module (func (block (result i32) (br 0 (i32.const 1)) (i64.add)) drop))",
                 "expected i32 but found i64");
  EXPECT_TRUE(valid("(module (func (result i32) (return (i32.const 1)) (drop) (drop) (i32.const 2)))"));
  // Known operands still have to match.
  expect_invalid("(module (func (result i32) unreachable (i64.const 0) i32.add))", "expected i32 but found i64");
  expect_invalid("(module (func unreachable (i32.const 0) (f32.const 0) (select) (drop)))", "type mismatch");
}

TEST(Validator, Locals) {
  EXPECT_TRUE(valid("(module (func (param i32) (local f64) (local.set 1 (f64.convert_i32_s (local.get 0)))))"));
  expect_invalid("(module (func (param i32) (local i64) (drop (local.get 5))))", "unknown local 5");
  expect_invalid("(module (func (param i32) (local.set 0 (i64.const 1))))", "expected i32 but found i64");
  expect_invalid("(module (func (local i32) (local.tee 0 (f32.const 1)) drop))", "type mismatch");
}

TEST(Validator, Globals) {
  EXPECT_TRUE(valid("(module (global (mut i64) (i64.const 0)) (func (global.set 0 (i64.const 1))))"));
  expect_invalid("(module (global i64 (i64.const 0)) (func (global.set 0 (i64.const 1))))", "global is immutable");
  expect_invalid("(module (func (drop (global.get 3))))", "unknown global 3");
}

TEST(Validator, BlocksAndMultiValue) {
  EXPECT_TRUE(valid(R"(
    (module
      (type $pair (func (param i32) (result i32 i64)))
      (func (result i32 i64)
        (i32.const 1)
        (block (type $pair) (i64.const 2))))
  )"));
  EXPECT_TRUE(
      valid("(module (func (param i32) (result i32) (local.get 0) (loop (param i32) (result i32) (br_if 0 (local.get "
            "0)))))"));
  EXPECT_TRUE(
      valid("(module (func (param i32) (result i32) (if (result i32) (local.get 0) (then (i32.const 1)) (else "
            "(i32.const 2)))))"));
  // An if without else must turn its parameters into its results.
  EXPECT_TRUE(valid("(module (func (result i32) (i32.const 1) (if (param i32) (result i32) (i32.const 0) (then))))"));
  expect_invalid("(module (func (result i32) (if (result i32) (i32.const 0) (then (i32.const 1)))))", "type mismatch");
  expect_invalid("(module (func (block (result i32) (nop)) drop))", "type mismatch");
}

TEST(Validator, Branches) {
  EXPECT_TRUE(valid("(module (func (result i32) (block (result i32) (br_table 0 0 (i32.const 1) (i32.const 0)))))"));
  expect_invalid("(module (func (br 1)))", "unknown label 1");
  expect_invalid("(module (func (block (result i32) (br_if 0 (i32.const 1))) drop))", "type mismatch");
  expect_invalid(R"(
    (module (func
      (block (result i32)
        (block (result i64)
          (br_table 0 1 (i32.const 1) (i32.const 0))))
      drop))
  )",
                 "type mismatch");
  expect_invalid("(module (func (block (result i32) (block (br_table 0 1 (i32.const 0)))) drop))", "type mismatch");
}

TEST(Validator, Calls) {
  EXPECT_TRUE(valid(R"(
    (module
      (type $t (func (param i32) (result i32)))
      (table 1 funcref)
      (func $f (type $t) (local.get 0))
      (func (result i32) (call $f (i32.const 1)))
      (func (result i32) (call_indirect (type $t) (i32.const 1) (i32.const 0))))
  )"));
  expect_invalid("(module (func (call 9)))", "unknown function 9");
  expect_invalid("(module (func $f (param i64)) (func (call $f (i32.const 0))))", "expected i64 but found i32");
  expect_invalid("(module (type (func)) (func (call_indirect (type 0) (i32.const 0))))", "unknown table 0");
  expect_invalid("(module (type (func)) (table 1 externref) (func (call_indirect (type 0) (i32.const 0))))",
                 "type mismatch");
}

TEST(Validator, SelectAndReferences) {
  EXPECT_TRUE(valid(
      "(module (func (result funcref) (select (result funcref) (ref.null func) (ref.null func) (i32.const 1))))"));
  expect_invalid("(module (func (drop (select (ref.null func) (ref.null func) (i32.const 1)))))", "type mismatch");
  expect_invalid("(module (func (drop (select (i32.const 0) (i64.const 0) (i32.const 1)))))", "type mismatch");
  EXPECT_TRUE(valid("(module (func (result i32) (ref.is_null (ref.null extern))))"));
  expect_invalid("(module (func (result i32) (ref.is_null (i32.const 0))))", "type mismatch");
  expect_invalid("(module (func (result funcref) (ref.func 4)))", "unknown function 4");
}

TEST(Validator, Memory) {
  EXPECT_TRUE(
      valid("(module (memory 1) (func (i64.store offset=8 align=8 (i32.const 0) (i64.load8_u (i32.const 0)))))"));
  expect_invalid("(module (func (drop (i32.load (i32.const 0)))))", "unknown memory 0");
  expect_invalid("(module (memory 1) (func (drop (i32.load16_s align=4 (i32.const 0)))))",
                 "alignment must not be larger than natural");
  expect_invalid("(module (func (drop (memory.size))))", "unknown memory 0");
  expect_invalid("(module (memory 1) (func (memory.fill (i32.const 0) (i32.const 0) (i64.const 0))))", "type mismatch");
  EXPECT_TRUE(
      valid("(module (memory 1) (data \"x\") (func (memory.init 0 (i32.const 0) (i32.const 0) (i32.const 1)) "
            "(data.drop 0)))"));
  expect_invalid("(module (memory 1) (data \"x\") (func (data.drop 1)))", "unknown data segment 1");
}

TEST(Validator, Tables) {
  EXPECT_TRUE(valid(R"(
    (module
      (table $f 1 funcref) (table $e 1 externref)
      (elem $seg funcref (ref.null func))
      (func (param externref)
        (table.set $e (i32.const 0) (local.get 0))
        (drop (table.get $f (i32.const 0)))
        (drop (table.grow $e (local.get 0) (i32.const 1)))
        (table.fill $e (i32.const 0) (local.get 0) (i32.const 1))
        (drop (table.size $f))
        (table.init $f $seg (i32.const 0) (i32.const 0) (i32.const 0))
        (table.copy $f $f (i32.const 0) (i32.const 0) (i32.const 0))
        (elem.drop $seg)))
  )"));
  expect_invalid("(module (table 1 funcref) (func (table.set 0 (i32.const 0) (ref.null extern))))", "type mismatch");
  expect_invalid("(module (func (drop (table.size 2))))", "unknown table 2");
  expect_invalid(
      "(module (table 1 funcref) (table 1 externref) (func (table.copy 0 1 (i32.const 0) (i32.const 0) (i32.const "
      "0))))",
      "type mismatch");
  expect_invalid(
      "(module (table 1 externref) (elem funcref (ref.null func)) (func (table.init 0 0 (i32.const 0) (i32.const 0) "
      "(i32.const 0))))",
      "type mismatch");
  expect_invalid("(module (func (elem.drop 0)))", "unknown elem segment 0");
}

TEST(Validator, ControlDepthLimit) {
  std::string wat = "(module (func";
  for (int i = 0; i < 20; ++i) wat += " (block";
  for (int i = 0; i < 20; ++i) wat += ")";
  wat += "))";
  LoadOptions options;
  options.max_control_depth = 10;
  Error error = invalid(wat, options);
  EXPECT_EQ(error.kind, ErrorKind::Unsupported);
  options.max_control_depth = 20;
  auto bytes = test::wat_to_wasm(wat);
  EXPECT_TRUE(Module::load(bytes, options).ok());
}

TEST(Validator, ManyModulesReuseTheStacks) {
  // The validator keeps its stacks per thread; a failure must not leak into the next function.
  for (int i = 0; i < 3; ++i) {
    expect_invalid("(module (func (block (block (i32.const 1)))))", "type mismatch");
    EXPECT_TRUE(valid("(module (func (result i32) (block (result i32) (i32.const 1))))"));
  }
}

}  // namespace
}  // namespace wasmacro::engine
