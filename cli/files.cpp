#include "files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace wasmacro::cli {

std::optional<std::vector<uint8_t>> read_file(std::string_view path, std::string& error) {
  std::string name(path);
  std::FILE* file = std::fopen(name.c_str(), "rb");
  if (!file) {
    error = name + ": " + std::strerror(errno);
    return std::nullopt;
  }
  std::vector<uint8_t> bytes;
  uint8_t buffer[1 << 16];
  size_t count;
  while ((count = std::fread(buffer, 1, sizeof buffer, file)) > 0) bytes.insert(bytes.end(), buffer, buffer + count);
  bool failed = std::ferror(file) != 0;
  int saved_errno = errno;
  std::fclose(file);
  if (failed) {
    error = name + ": " + std::strerror(saved_errno);
    return std::nullopt;
  }
  return bytes;
}

}  // namespace wasmacro::cli
