#include <gtest/gtest.h>

#include "wasmacro/engine/engine.h"
#include "wat.h"

namespace wasmacro::engine {
namespace {

TEST(Printer, DisassemblesEveryImmediateKindInTextSyntax) {
  auto bytes = test::wat_to_wasm(R"((module
      (type $t (func (param i32) (result i32)))
      (memory 1) (table 2 funcref) (data "x") (elem func $f)
      (func $f (type $t) (param i32) (result i32) (local i64)
        (block (result i32)
          (br_table 0 0 (i32.const 1) (i32.const 0)))
        (drop)
        (i64.store offset=8 align=4 (i32.const 0) (i64.const -5))
        (memory.init 0 (i32.const 0) (i32.const 0) (i32.const 1))
        (table.init 0 (i32.const 0) (i32.const 0) (i32.const 1))
        (call_indirect (type $t) (f32.const 1.5) (drop) (local.get 0) (i32.const 0)))))",
                                 "--debug-names");
  ASSERT_FALSE(bytes.empty());
  auto module = Module::load(bytes);
  ASSERT_TRUE(module.ok()) << module.error().describe();
  auto text = (*module)->disassemble(0);
  ASSERT_TRUE(text.ok()) << text.error().describe();
  for (const char* expected : {"func 0 `f` (i32) -> (i32)", "(local i64)", "block (result i32)", "br_table 0 0",
                               "i64.store offset=8 align=4", "i64.const -5", "memory.init 0", "table.init 0 0",
                               "f32.const 0x1.8p+0", "call_indirect 0 (type 0)"}) {
    EXPECT_NE(text->find(expected), std::string::npos) << "missing `" << expected << "` in\n" << *text;
  }
  EXPECT_FALSE((*module)->disassemble(1).ok());
}

}  // namespace
}  // namespace wasmacro::engine
