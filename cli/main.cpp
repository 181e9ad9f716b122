#include <cstdio>
#include <cstring>
#include <string_view>
#include <vector>

#include "commands.h"

namespace {

constexpr const char* kUsage =
    "usage: wasmacro <command> [args...]\n"
    "\n"
    "commands:\n"
    "  run MODULE.wasm EXPORT [ARGS...]   call an export with i32/i64/f32/f64 arguments\n"
    "  inspect MODULE.wasm [--json]       imports, exports, custom sections, sizes, macro metadata\n"
    "  spectest FILE.json...              run wast2json scripts against the engine\n"
    "  build PATH -o OUT.wasm [options]   build a proc-macro crate to one .wasm\n"
    "  package MODULE.wasm -o DIR          write a proc-macro shim crate that runs the module\n"
    "  toolchain [--install] [--print-sysroot]  the wasm32 toolchain and its sysroot\n"
    "\n"
    "`wasmacro <command> --help` describes each command.\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  std::vector<std::string_view> args(argv + 2, argv + argc);
  std::string_view command = argv[1];
  using namespace wasmacro::cli;
  if (command == "run") return run_command(args);
  if (command == "inspect") return inspect_command(args);
  if (command == "spectest") return spectest_command(args);
  if (command == "build") return build_command(args);
  if (command == "package") return package_command(args);
  if (command == "toolchain") return toolchain_command(args);
  std::fprintf(stderr, "wasmacro: unknown command '%.*s'\n\n%s", static_cast<int>(command.size()), command.data(), kUsage);
  return 2;
}
