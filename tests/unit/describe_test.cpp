#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "wasmacro/engine/engine.h"

namespace wasmacro::engine {
namespace {

TEST(Describe, ErrorWithEveryPart) {
  Error error;
  error.kind = ErrorKind::Malformed;
  error.message = "unexpected end";
  error.offset = 0x1234;
  error.function_index = 57;
  error.function_name = "core::panicking::panic";
  EXPECT_EQ(error.describe(),
            "malformed module at offset 0x1234 in function 57 (`core::panicking::panic`): unexpected end");
}

TEST(Describe, ErrorOmitsAbsentParts) {
  Error error;
  error.kind = ErrorKind::Invalid;
  error.message = "type mismatch";
  EXPECT_EQ(error.describe(), "invalid module: type mismatch");
  error.function_index = 3;
  EXPECT_EQ(error.describe(), "invalid module in function 3: type mismatch");
  error.kind = ErrorKind::Link;
  error.function_index = Error::kNoFunction;
  error.message = "unknown import `env`.`f`";
  EXPECT_EQ(error.describe(), "link error: unknown import `env`.`f`");
}

TEST(Describe, Types) {
  EXPECT_STREQ(to_string(ValType::I32), "i32");
  EXPECT_STREQ(to_string(ValType::F64), "f64");
  EXPECT_STREQ(to_string(ValType::FuncRef), "funcref");
  EXPECT_STREQ(to_string(ValType::ExternRef), "externref");
  EXPECT_EQ((FuncType{{ValType::I32, ValType::I64}, {ValType::F32}}).to_string(), "(i32, i64) -> (f32)");
  EXPECT_EQ(FuncType{}.to_string(), "() -> ()");
  EXPECT_STREQ(to_string(ExternKind::Function), "func");
  EXPECT_STREQ(to_string(ExternKind::Memory), "memory");
}

TEST(Describe, TrapTextsAreTheSpecTestSuites) {
  EXPECT_STREQ(to_string(TrapKind::Unreachable), "unreachable");
  EXPECT_STREQ(to_string(TrapKind::MemoryOutOfBounds), "out of bounds memory access");
  EXPECT_STREQ(to_string(TrapKind::TableOutOfBounds), "out of bounds table access");
  EXPECT_STREQ(to_string(TrapKind::IndirectCallToNull), "uninitialized element");
  EXPECT_STREQ(to_string(TrapKind::IndirectCallTypeMismatch), "indirect call type mismatch");
  EXPECT_STREQ(to_string(TrapKind::IntegerDivideByZero), "integer divide by zero");
  EXPECT_STREQ(to_string(TrapKind::IntegerOverflow), "integer overflow");
  EXPECT_STREQ(to_string(TrapKind::InvalidConversionToInteger), "invalid conversion to integer");
  EXPECT_STREQ(to_string(TrapKind::CallStackExhausted), "call stack exhausted");
  EXPECT_STREQ(kind_name(TrapKind::FuelExhausted), "FuelExhausted");
  EXPECT_STREQ(kind_name(TrapKind::MemoryOutOfBounds), "MemoryOutOfBounds");
}

TEST(Describe, TrapWithBacktrace) {
  Trap trap;
  trap.kind = TrapKind::Unreachable;
  trap.message = "panicked at src/lib.rs:3:5";
  trap.backtrace = {{12, "core::panicking::panic", 0x3f1}, {7, "", 0x200}};
  EXPECT_EQ(trap.describe(),
            "unreachable: panicked at src/lib.rs:3:5\n"
            "  #0 function 12 `core::panicking::panic` at offset 0x3f1\n"
            "  #1 function 7 at offset 0x200");
  EXPECT_EQ((Trap{TrapKind::IntegerDivideByZero, "", {}}).describe(), "integer divide by zero");
}

TEST(Describe, LongBacktracesAreElided) {
  Trap trap;
  trap.kind = TrapKind::CallStackExhausted;
  for (uint32_t i = 0; i < 1000; ++i) trap.backtrace.push_back({i, "", i});
  std::string text = trap.describe();
  EXPECT_NE(text.find("  #15 function 15 at offset 0xf\n  ... 980 frames omitted ...\n  #996 function 996"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("#16 "), std::string::npos);
  EXPECT_NE(text.find("#999 function 999 at offset 0x3e7"), std::string::npos);
}

TEST(Describe, Values) {
  EXPECT_EQ(Value::i32(42).to_string(), "i32:42");
  EXPECT_EQ(Value::i32(0xffffffffu).to_string(), "i32:-1");
  EXPECT_EQ(Value::i64(0x8000000000000000ull).to_string(), "i64:-9223372036854775808");
  EXPECT_EQ(Value::f64(3.0).to_string(), "f64:0x1.8p+1");
  EXPECT_EQ(Value::f32(-0.0f).to_string(), "f32:-0x0p+0");
  EXPECT_EQ(Value::f32(std::numeric_limits<float>::infinity()).to_string(), "f32:inf");
  EXPECT_EQ(Value::f32_bits(0x7fc00000u).to_string(), "f32:nan:0x400000");
  EXPECT_EQ(Value::f64_bits(0xfff0000000000001ull).to_string(), "f64:-nan:0x1");
  EXPECT_EQ(Value::funcref(kNullRef).to_string(), "funcref:null");
  EXPECT_EQ(Value::externref(0x10).to_string(), "externref:0x10");
}

}  // namespace
}  // namespace wasmacro::engine
