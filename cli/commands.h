// The subcommands of the `wasmacro` CLI. Each returns the process exit code.
#pragma once

#include <span>
#include <string_view>

namespace wasmacro::cli {

using Args = std::span<const std::string_view>;  // the arguments after the subcommand name

int run_command(Args args);       // run.cpp
int inspect_command(Args args);   // inspect.cpp
int spectest_command(Args args);  // spectest.cpp
int build_command(Args args);     // build.cpp
int package_command(Args args);   // package.cpp
int toolchain_command(Args args); // toolchain.cpp

}  // namespace wasmacro::cli
