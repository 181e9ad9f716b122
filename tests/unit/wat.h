// Test support: turns WebAssembly text into a binary with Debian wabt's wat2wasm at test time, so
// that no binary is committed.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace wasmacro::test {

inline std::vector<uint8_t> wat_to_wasm(std::string_view wat, std::string_view extra_flags = "") {
  char dir_template[] = "/tmp/wasmacro-wat-XXXXXX";
  const char* dir = mkdtemp(dir_template);
  if (dir == nullptr) return {};
  std::string wat_path = std::string(dir) + "/module.wat";
  std::string wasm_path = std::string(dir) + "/module.wasm";
  {
    std::ofstream out(wat_path);
    out << wat;
  }
  std::string command = "wat2wasm " + std::string(extra_flags) + " " + wat_path + " -o " +
                        wasm_path + " 2>&1";
  int status = std::system(command.c_str());
  std::vector<uint8_t> bytes;
  if (status == 0) {
    std::ifstream in(wasm_path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::remove(wat_path.c_str());
  std::remove(wasm_path.c_str());
  rmdir(dir);
  return bytes;
}

}  // namespace wasmacro::test
