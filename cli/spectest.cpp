#include <cstdio>

#include "commands.h"

namespace wasmacro::cli {

int spectest_command(Args) {
  std::fputs("wasmacro spectest: not built yet\n", stderr);
  return 2;
}

}  // namespace wasmacro::cli
