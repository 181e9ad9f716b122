// Load, instantiate, then call every exported function with zero arguments under fuel, memory and
// call-depth limits. A snapshot taken after instantiation is restored between calls, so restore gets
// fuzzed too.
#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wasmacro;
  engine::Store store(fuzz::small_limits());
  engine::Instance* instance = fuzz::instantiate(store, std::span<const uint8_t>(data, size));
  if (instance == nullptr) return 0;
  engine::Snapshot snapshot = instance->snapshot();
  int calls = 0;
  for (const engine::ExportInfo& export_info : instance->module().exports()) {
    if (export_info.kind != engine::ExternKind::Function) continue;
    if (++calls > 32) break;
    fuzz::call_with_zeros(store, instance->exported_function(export_info.name));
    instance->restore(snapshot);
  }
  return 0;
}
