#include <cstdio>

#include "commands.h"

namespace wasmacro::cli {

int run_command(Args) {
  std::fputs("wasmacro run: not built yet\n", stderr);
  return 2;
}

}  // namespace wasmacro::cli
