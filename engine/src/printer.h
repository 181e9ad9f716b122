// Prints instructions in the text format's syntax, from the opcode table.
#pragma once

#include <string>

#include "instruction_reader.h"

namespace wasmacro::engine::detail {

// "i32.load offset=8 align=4", "br_table 0 1 2", "call 12"
std::string print_instruction(const Instruction& instruction);

}  // namespace wasmacro::engine::detail
