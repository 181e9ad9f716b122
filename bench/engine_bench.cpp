// Engine benchmarks by phase, on real modules given on the command line (rustc-built macros) and on
// synthetic ones: decode + validate throughput, cold start to the first call, snapshot restore after
// dirtying N pages. Run through scripts/bench, which builds the modules and writes JSON.
//
//   wasmacro_engine_bench --module=path/to/macro.wasm [--module=...] [--page-writer=page_writer.wasm]
//                         [google benchmark flags]
#include <benchmark/benchmark.h>

#include <cstdio>
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

std::vector<uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string base_name(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Host functions for every function import, so that any module can be instantiated: they trap.
std::vector<Extern> stub_imports(Store& store, const Module& module) {
  std::vector<Extern> imports;
  for (const ImportInfo& import : module.imports()) {
    switch (import.kind) {
      case ExternKind::Function:
        imports.emplace_back(store.create_host_function(
            import.function, [](HostContext&, std::span<const Value>, std::span<Value>) -> std::optional<Trap> {
              Trap trap;
              trap.kind = TrapKind::Host;
              return trap;
            }));
        break;
      case ExternKind::Memory: imports.emplace_back(*store.create_memory(import.memory)); break;
      case ExternKind::Table: imports.emplace_back(*store.create_table(import.table)); break;
      case ExternKind::Global: imports.emplace_back(*store.create_global(import.global, Value::zero(import.global.type))); break;
    }
  }
  return imports;
}

void decode_and_validate(benchmark::State& state, std::vector<uint8_t> bytes) {
  for (auto _ : state) {
    auto module = Module::load(bytes);
    if (!module) {
      state.SkipWithError(module.error().describe().c_str());
      return;
    }
    benchmark::DoNotOptimize(module);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}

// From bytes to the first call of an export done: decode, validate, instantiate, lazy translation
// of what the call reaches. The export called is the module's allocator, which every macro has.
// The benchmark's own time is the whole path; the counters split it by phase, in thread CPU
// milliseconds per iteration, so that scripts/bench can report each phase.
void cold_start(benchmark::State& state, std::vector<uint8_t> bytes, std::string export_name) {
  double decode_validate = 0, instantiate = 0, first_call = 0;
  uint32_t translated = 0, functions = 0;
  for (auto _ : state) {
    double start = thread_cpu_seconds();
    auto module = Module::load(bytes);
    if (!module) {
      state.SkipWithError(module.error().describe().c_str());
      return;
    }
    double loaded = thread_cpu_seconds();
    Store store;
    auto imports = stub_imports(store, **module);
    auto instance = store.instantiate(*module, imports);
    if (!instance) {
      state.SkipWithError(instance.error().describe().c_str());
      return;
    }
    Function* function = (*instance)->exported_function(export_name);
    if (function == nullptr) {
      state.SkipWithError(("no export " + export_name).c_str());
      return;
    }
    std::vector<Value> args;
    for (ValType type : function->type().params) args.push_back(Value::from_bits(type, 16));
    std::vector<Value> results;
    double instantiated = thread_cpu_seconds();
    auto trap = store.call(function, args, results);
    double called = thread_cpu_seconds();
    if (trap) {
      // A call that stopped early would make the cold start look shorter than it is.
      state.SkipWithError(("first call trapped: " + trap->describe()).c_str());
      return;
    }
    // Lazy translation at work: how much of the module the first call needed.
    translated = (*module)->translated_function_count();
    functions = (*module)->function_count();
    decode_validate += loaded - start;
    instantiate += instantiated - loaded;
    first_call += called - instantiated;
  }
  auto per_iteration_ms = [&](double seconds) {
    return benchmark::Counter(seconds * 1e3, benchmark::Counter::kAvgIterations);
  };
  state.counters["decode_validate_ms"] = per_iteration_ms(decode_validate);
  state.counters["instantiate_ms"] = per_iteration_ms(instantiate);
  state.counters["first_call_ms"] = per_iteration_ms(first_call);
  state.counters["binary_bytes"] = static_cast<double>(bytes.size());
  state.counters["functions_translated"] = translated;
  state.counters["functions"] = functions;
}

// bench/page_writer.wat, assembled by wat2wasm at build time: `touch(n)` writes one byte into each
// of n consecutive 4 KiB pages.
void restore_after_dirtying(benchmark::State& state, std::vector<uint8_t> bytes) {
  auto module = Module::load(bytes);
  Store store;
  auto instance = store.instantiate(*module, {});
  Snapshot snapshot = (*instance)->snapshot();
  Function* touch = (*instance)->exported_function("touch");
  std::vector<Value> args{Value::i32(static_cast<uint32_t>(state.range(0)))};
  std::vector<Value> results;
  Memory* memory = (*instance)->exported_memory("memory");
  size_t pages_dirtied = 0;
  for (auto _ : state) {
    state.PauseTiming();
    (void)store.call(touch, args, results);
    pages_dirtied = memory->dirty_page_count();
    state.ResumeTiming();
    (*instance)->restore(snapshot);
  }
  // Issue 5's proof that restore follows what was dirtied: the two counters must be equal.
  state.counters["pages_dirtied"] = static_cast<double>(pages_dirtied);
  state.counters["pages_copied"] = static_cast<double>(memory->pages_copied_by_last_restore());
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<char*> rest;
  std::vector<std::string> modules;
  std::string page_writer;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--module=", 9) == 0) modules.emplace_back(argv[i] + 9);
    else if (std::strncmp(argv[i], "--page-writer=", 14) == 0) page_writer = argv[i] + 14;
    else rest.push_back(argv[i]);
  }
  for (const std::string& path : modules) {
    auto bytes = read_file(path);
    if (bytes.empty()) {
      std::fprintf(stderr, "wasmacro_engine_bench: cannot read %s\n", path.c_str());
      return 2;
    }
    std::string name = base_name(path);
    benchmark::RegisterBenchmark(("decode_validate/" + name).c_str(), decode_and_validate, bytes)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("cold_start/" + name).c_str(), cold_start, bytes, std::string("wasmacro_alloc"))
        ->Unit(benchmark::kMillisecond);
  }
  if (!page_writer.empty()) {
    benchmark::RegisterBenchmark("restore_after_dirtying_pages", restore_after_dirtying, read_file(page_writer))
        ->Arg(1)->Arg(16)->Arg(256)->Unit(benchmark::kMicrosecond);
  }
  int count = static_cast<int>(rest.size());
  benchmark::Initialize(&count, rest.data());
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
