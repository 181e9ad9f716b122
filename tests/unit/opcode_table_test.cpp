#include <gtest/gtest.h>

#include "opcode.h"

TEST(Opcode, TableRoundTrips) {
  using namespace wasmacro::engine::detail;
  EXPECT_EQ(opcode_from_byte(0x6a), Opcode::I32Add);
  EXPECT_EQ(text(Opcode::I32Add), "i32.add");
  EXPECT_EQ(opcode_from_misc(17), Opcode::TableFill);
  EXPECT_FALSE(opcode_from_byte(0xfd).has_value());
}
