#include <cstdio>

#include "commands.h"

namespace wasmacro::cli {

int inspect_command(Args) {
  std::fputs("wasmacro inspect: not built yet\n", stderr);
  return 2;
}

}  // namespace wasmacro::cli
