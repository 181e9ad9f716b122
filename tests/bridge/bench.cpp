// Bridge micro-benchmarks through the C API (docs/bridge.md, "Overhead"), on the parity_macros guest:
//   empty     the fixed cost of one expansion: restore the snapshot, copy the input in, run the
//             facade's decode + encode of an empty stream, copy the output out;
//   identity  100k input tokens decoded by the facade, returned as the pristine handle;
//   rebuild   the same tokens copied and encoded back inline by the facade.
// usage: wasmacro_bridge_bench PARITY_MACROS.wasm [--json]
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "wasmacro.h"

namespace {

void put_u32(std::vector<uint8_t>& out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

void put_str(std::vector<uint8_t>& out, const char* s) {
  put_u32(out, static_cast<uint32_t>(std::strlen(s)));
  out.insert(out.end(), s, s + std::strlen(s));
}

// `count` trees: groups of (ident punct literal ident punct literal ident punct literal) in parentheses,
// so about one tree in ten is a group. Every stream carries a host handle, as the shim sends them.
std::vector<uint8_t> input_message(uint32_t count, uint32_t* trees_out) {
  std::vector<uint8_t> out;
  put_u32(out, 1);
  put_u32(out, 0);
  put_u32(out, 1);
  put_u32(out, 1);
  uint32_t handle = 1, span = 2, trees = 0;
  uint32_t groups = count / 10;
  put_u32(out, handle++);
  put_u32(out, groups);
  for (uint32_t g = 0; g < groups; ++g) {
    out.push_back(0);
    out.push_back(0);
    put_u32(out, span++);
    put_u32(out, span++);
    put_u32(out, span++);
    put_u32(out, handle++);
    put_u32(out, 9);
    ++trees;
    for (int i = 0; i < 3; ++i) {
      out.push_back(1);
      out.push_back(0);
      put_u32(out, span++);
      put_str(out, "alpha");
      out.push_back(2);
      out.push_back(',');
      out.push_back(0);
      put_u32(out, span++);
      out.push_back(3);
      put_u32(out, span++);
      put_str(out, "12345");
      trees += 3;
    }
  }
  *trees_out = trees;
  return out;
}

int64_t no_host_calls(void*, uint32_t, uint32_t, uint32_t, const uint8_t*, size_t, wasmacro_reply*) { return -1; }

uint64_t last_fuel = 0;

double time_us(wasmacro_expander* e, const char* export_name, const std::vector<uint8_t>& input, int n) {
  wasmacro_result result;
  for (int i = 0; i < 3; ++i) wasmacro_expand(e, export_name, std::strlen(export_name), input.data(), input.size(), no_host_calls, nullptr, &result);
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) {
    if (wasmacro_expand(e, export_name, std::strlen(export_name), input.data(), input.size(), no_host_calls, nullptr,
                        &result) != WASMACRO_OK) {
      std::fprintf(stderr, "bench: %s failed: %s\n", export_name, result.message);
      std::exit(1);
    }
  }
  last_fuel = result.fuel_used;
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / n;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs("usage: wasmacro_bridge_bench PARITY_MACROS.wasm [--json]\n", stderr);
    return 2;
  }
  bool json = argc > 2 && std::strcmp(argv[2], "--json") == 0;
  std::ifstream file(argv[1], std::ios::binary);
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  wasmacro_module* module;
  wasmacro_expander* expander;
  char* error;
  if (wasmacro_module_load(bytes.data(), bytes.size(), &module, &error) != 0 ||
      wasmacro_expander_new(module, &expander, &error) != 0) {
    std::fprintf(stderr, "bench: %s\n", error);
    return 1;
  }
  uint32_t trees = 0;
  std::vector<uint8_t> empty = input_message(0, &trees);
  std::vector<uint8_t> big = input_message(100'000, &trees);
  double empty_us = time_us(expander, "wasmacro_function_empty", empty, 20'000);
  uint64_t empty_fuel = last_fuel;
  double identity_us = time_us(expander, "wasmacro_function_identity", big, 20);
  double rebuild_us = time_us(expander, "wasmacro_function_rebuild", big, 20);
  double decode_mtps = trees / (identity_us - empty_us);            // trees per µs = M/s
  double encode_mtps = trees / (rebuild_us - identity_us);
  if (json) {
    std::printf("{\"empty_fuel\":%llu,\"empty_us\":%.2f,\"identity_100k_us\":%.1f,\"rebuild_100k_us\":%.1f,\"trees\":%u,"
                "\"facade_decode_mtokens_s\":%.2f,\"facade_encode_mtokens_s\":%.2f,\"wire_bytes\":%zu}\n",
                static_cast<unsigned long long>(empty_fuel), empty_us, identity_us, rebuild_us, trees, decode_mtps, encode_mtps, big.size());
  } else {
    std::printf("empty macro, per expansion (fresh state, wire in and out): %.2f us, %llu instructions\n", empty_us,
                static_cast<unsigned long long>(empty_fuel));
    std::printf("identity, %u trees (%zu wire bytes): %.1f us -> facade decode %.2f M tokens/s\n", trees, big.size(),
                identity_us, decode_mtps);
    std::printf("rebuild, %u trees: %.1f us -> facade encode %.2f M tokens/s\n", trees, rebuild_us, encode_mtps);
  }
  wasmacro_expander_free(expander);
  wasmacro_module_release(module);
  return 0;
}
