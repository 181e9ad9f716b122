// Times the zero-argument exports of a module under the engine, for benchmark (d): the module is
// loaded and instantiated once, each export is called once untimed-as-execution (its first call,
// which includes lazy translation, is reported apart), then REPS more times. Prints one JSON object
// with thread CPU and wall seconds per call; bench/collect.py compares them with the native run.
//
//   wasmacro_workload_bench MODULE.wasm [--reps N] [EXPORT...]   (default: every () -> i32/i64 export)
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cpu_clock.h"
#include "wasmacro/engine/engine.h"

namespace {

using namespace wasmacro::engine;
using wasmacro::bench::thread_cpu_seconds;
using wasmacro::bench::wall_seconds;

std::vector<uint8_t> read_file(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool is_workload(const FuncType& type) {
  return type.params.empty() && type.results.size() == 1 &&
         (type.results[0] == ValType::I64 || type.results[0] == ValType::I32);
}

// The result as the native side prints it: a signed decimal.
int64_t signed_result(const Value& value) {
  if (value.type == ValType::I32) return static_cast<int32_t>(value.as_i32());
  return static_cast<int64_t>(value.as_i64());
}

void print_list(const std::vector<double>& values) {
  for (size_t i = 0; i < values.size(); ++i) std::printf("%s%.9f", i == 0 ? "" : ", ", values[i]);
}

}  // namespace

int main(int argc, char** argv) {
  const char* path = nullptr;
  int reps = 5;
  std::vector<std::string> names;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--reps") == 0 && i + 1 < argc) reps = std::atoi(argv[++i]);
    else if (path == nullptr) path = argv[i];
    else names.emplace_back(argv[i]);
  }
  if (path == nullptr || reps < 1) {
    std::fprintf(stderr, "usage: wasmacro_workload_bench MODULE.wasm [--reps N] [EXPORT...]\n");
    return 2;
  }
  std::vector<uint8_t> bytes = read_file(path);
  double load_start = thread_cpu_seconds();
  auto module = Module::load(bytes);
  if (!module) {
    std::fprintf(stderr, "wasmacro_workload_bench: %s: %s\n", path, module.error().describe().c_str());
    return 1;
  }
  Store store;
  auto instance = store.instantiate(*module, {});
  if (!instance) {
    std::fprintf(stderr, "wasmacro_workload_bench: %s: %s\n", path, instance.error().describe().c_str());
    return 1;
  }
  double load_seconds = thread_cpu_seconds() - load_start;
  if (names.empty()) {
    for (const ExportInfo& info : (*module)->exports()) {
      if (info.kind == ExternKind::Function && is_workload((*module)->function_type(info.index))) {
        names.push_back(info.name);
      }
    }
  }

  std::printf("{\n  \"module\": \"%s\",\n  \"binary_bytes\": %zu,\n  \"load_cpu_seconds\": %.9f,\n  \"workloads\": [",
              path, bytes.size(), load_seconds);
  int status = 0;
  for (size_t n = 0; n < names.size(); ++n) {
    Function* function = (*instance)->exported_function(names[n]);
    if (function == nullptr || !is_workload(function->type())) {
      std::fprintf(stderr, "wasmacro_workload_bench: %s: no export %s () -> i32/i64\n", path, names[n].c_str());
      return 1;
    }
    std::vector<Value> results;
    std::vector<double> cpu, wall;
    double first_call = 0;
    int64_t result = 0;
    for (int rep = -1; rep < reps; ++rep) {
      store.set_fuel(StoreLimits::kUnlimitedFuel);
      double cpu_start = thread_cpu_seconds(), wall_start = wall_seconds();
      auto trap = store.call(function, {}, results);
      double cpu_took = thread_cpu_seconds() - cpu_start, wall_took = wall_seconds() - wall_start;
      if (trap) {
        std::fprintf(stderr, "wasmacro_workload_bench: %s trapped: %s\n", names[n].c_str(), trap->describe().c_str());
        status = 1;
        break;
      }
      if (rep < 0) {
        first_call = cpu_took;
        result = signed_result(results[0]);
        continue;
      }
      cpu.push_back(cpu_took);
      wall.push_back(wall_took);
      if (signed_result(results[0]) != result) {
        std::fprintf(stderr, "wasmacro_workload_bench: %s is not deterministic\n", names[n].c_str());
        status = 1;
      }
    }
    std::printf("%s\n    {\"name\": \"%s\", \"result\": %" PRId64 ", \"first_call_cpu_seconds\": %.9f, \"cpu_seconds\": [",
                n == 0 ? "" : ",", names[n].c_str(), result, first_call);
    print_list(cpu);
    std::printf("], \"wall_seconds\": [");
    print_list(wall);
    std::printf("]}");
    std::fflush(stdout);
  }
  std::printf("\n  ]\n}\n");
  return status;
}
