// Running the tools (cargo, rustc, wasm-opt) as child processes, without a shell.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "wasmacro/toolchain/status.h"

namespace wasmacro::toolchain {

struct Command {
  std::vector<std::string> argv;  // argv[0] is the program's path
  std::vector<std::pair<std::string, std::string>> set_env;
  std::vector<std::string> unset_env;
  std::string cwd;               // empty: the current directory
  bool capture_stdout = false;   // otherwise stdout goes where ours goes
  bool stdout_to_stderr = false; // keeps our stdout clean (for --print-sysroot)
};

struct Finished {
  int exit_code = -1;  // 128 + signal when killed by one
  std::string out;     // captured stdout
};

// Fails only when the program cannot be started; a non-zero exit is in Finished.
Result<Finished> run(const Command& command);

// "prog arg1 'arg two'": for messages.
std::string describe(const Command& command);

}  // namespace wasmacro::toolchain
