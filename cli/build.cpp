#include <cstdio>

#include "commands.h"

namespace wasmacro::cli {

int build_command(Args) {
  std::fputs("wasmacro build: not built yet\n", stderr);
  return 2;
}

}  // namespace wasmacro::cli
