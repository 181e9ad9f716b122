// Whole-file reads for the CLI commands.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wasmacro::cli {

// The file's bytes, or nullopt with `error` set to "PATH: <reason>".
std::optional<std::vector<uint8_t>> read_file(std::string_view path, std::string& error);

}  // namespace wasmacro::cli
