// The runtime through the public API: calls, host functions, limits, traps, snapshots, determinism.
#include <gtest/gtest.h>

#include "wasmacro/engine/engine.h"
#include "wat.h"

namespace wasmacro::engine {
namespace {

std::shared_ptr<const Module> load(std::string_view wat) {
  auto bytes = test::wat_to_wasm(wat, "--debug-names");
  EXPECT_FALSE(bytes.empty()) << "wat2wasm failed";
  auto module = Module::load(bytes);
  EXPECT_TRUE(module.ok()) << (module.ok() ? "" : module.error().describe());
  return module.ok() ? *module : nullptr;
}

Instance* instantiate(Store& store, const std::shared_ptr<const Module>& module, std::vector<Extern> imports = {}) {
  auto instance = store.instantiate(module, imports);
  EXPECT_TRUE(instance.ok()) << (instance.ok() ? "" : instance.error().describe());
  return instance.ok() ? *instance : nullptr;
}

constexpr std::string_view kFactorial = R"(
  (module
    (func $fac (export "fac") (param i64) (result i64)
      (if (result i64) (i64.eqz (local.get 0))
        (then (i64.const 1))
        (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
    (func (export "loop") (param i32) (result i32) (local i32)
      (block (loop
        (br_if 1 (i32.eqz (local.get 0)))
        (local.set 1 (i32.add (local.get 1) (local.get 0)))
        (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
        (br 0)))
      (local.get 1))
    (func (export "unused") (result i32) (i32.const 7)))
)";

TEST(Runtime, CallsRecursiveAndLoopingFunctions) {
  auto module = load(kFactorial);
  ASSERT_TRUE(module);
  Store store;
  Instance* instance = instantiate(store, module);
  ASSERT_NE(instance, nullptr);
  std::vector<Value> results;
  ASSERT_FALSE(store.call(instance->exported_function("fac"), std::vector{Value::i64(20)}, results));
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].as_i64(), 2432902008176640000ull);
  ASSERT_FALSE(store.call(instance->exported_function("loop"), std::vector{Value::i32(100)}, results));
  EXPECT_EQ(results[0].as_i32(), 5050u);
}

TEST(Runtime, TranslatesLazily) {
  auto module = load(kFactorial);
  ASSERT_TRUE(module);
  EXPECT_EQ(module->translated_function_count(), 0u);
  Store store;
  Instance* instance = instantiate(store, module);
  EXPECT_EQ(module->translated_function_count(), 0u);
  std::vector<Value> results;
  ASSERT_FALSE(store.call(instance->exported_function("loop"), std::vector{Value::i32(3)}, results));
  EXPECT_EQ(module->translated_function_count(), 1u);
}

TEST(Runtime, ArgumentMisuseIsATrapNotACrash) {
  auto module = load(kFactorial);
  Store store;
  Instance* instance = instantiate(store, module);
  std::vector<Value> results;
  auto trap = store.call(instance->exported_function("fac"), std::vector{Value::i32(1)}, results);
  ASSERT_TRUE(trap);
  EXPECT_EQ(trap->kind, TrapKind::InvalidArguments);
  trap = store.call(instance->exported_function("fac"), {}, results);
  ASSERT_TRUE(trap);
  EXPECT_EQ(trap->kind, TrapKind::InvalidArguments);
  trap = store.call(nullptr, {}, results);
  ASSERT_TRUE(trap);
}

TEST(Runtime, FuelStopsAnInfiniteLoopAndIsDeterministic) {
  auto module = load(R"((module (func (export "spin") (loop (br 0)))))");
  uint64_t consumed[2] = {};
  for (uint64_t& used : consumed) {
    StoreLimits limits;
    limits.fuel = 1'000'000;
    Store store(limits);
    Instance* instance = instantiate(store, module);
    std::vector<Value> results;
    CallStats stats;
    auto trap = store.call(instance->exported_function("spin"), {}, results, &stats);
    ASSERT_TRUE(trap);
    EXPECT_EQ(trap->kind, TrapKind::FuelExhausted);
    ASSERT_FALSE(trap->backtrace.empty());
    used = stats.fuel_consumed;
    // Refilling lets the same store run again.
    store.set_fuel(10);
    trap = store.call(instance->exported_function("spin"), {}, results);
    ASSERT_TRUE(trap);
    EXPECT_EQ(trap->kind, TrapKind::FuelExhausted);
  }
  EXPECT_EQ(consumed[0], consumed[1]);
  EXPECT_GT(consumed[0], 999'000u);
}

TEST(Runtime, SameInputsConsumeTheSameFuel) {
  auto module = load(kFactorial);
  uint64_t first = 0;
  for (int run = 0; run < 2; ++run) {
    StoreLimits limits;
    limits.fuel = 1u << 30;
    Store store(limits);
    Instance* instance = instantiate(store, module);
    std::vector<Value> results;
    CallStats stats;
    ASSERT_FALSE(store.call(instance->exported_function("loop"), std::vector{Value::i32(1000)}, results, &stats));
    EXPECT_EQ(results[0].as_i32(), 500500u);
    if (run == 0) first = stats.fuel_consumed;
    else EXPECT_EQ(stats.fuel_consumed, first);
  }
  EXPECT_GT(first, 1000u);
}

TEST(Runtime, DeepRecursionIsACallStackTrapNotANativeOverflow) {
  auto module = load(R"((module (func $f (export "f") (param i32) (result i32)
      (i32.add (i32.const 1) (call $f (local.get 0))))))");
  StoreLimits limits;
  limits.max_call_depth = 50'000;
  Store store(limits);
  Instance* instance = instantiate(store, module);
  std::vector<Value> results;
  auto trap = store.call(instance->exported_function("f"), std::vector{Value::i32(0)}, results);
  ASSERT_TRUE(trap);
  EXPECT_EQ(trap->kind, TrapKind::CallStackExhausted);
  EXPECT_EQ(trap->backtrace.size(), 50'001u);
}

TEST(Runtime, ValueStackLimitIsACallStackTrap) {
  auto module = load(R"((module (func $f (export "f") (param i64 i64 i64 i64) (result i64)
      (call $f (local.get 0) (local.get 1) (local.get 2) (local.get 3)))))");
  StoreLimits limits;
  limits.max_stack_slots = 4096;
  Store store(limits);
  Instance* instance = instantiate(store, module);
  std::vector<Value> results;
  auto trap = store.call(instance->exported_function("f"),
                         std::vector{Value::i64(1), Value::i64(2), Value::i64(3), Value::i64(4)}, results);
  ASSERT_TRUE(trap);
  EXPECT_EQ(trap->kind, TrapKind::CallStackExhausted);
}

TEST(Runtime, MemoryGrowPastTheCapTrapsWithItsOwnKind) {
  auto module = load(R"((module (memory 1)
      (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))))");
  StoreLimits limits;
  limits.max_memory_pages = 16;
  Store store(limits);
  Instance* instance = instantiate(store, module);
  std::vector<Value> results;
  ASSERT_FALSE(store.call(instance->exported_function("grow"), std::vector{Value::i32(15)}, results));
  EXPECT_EQ(results[0].as_i32(), 1u);
  auto trap = store.call(instance->exported_function("grow"), std::vector{Value::i32(1)}, results);
  ASSERT_TRUE(trap);
  EXPECT_EQ(trap->kind, TrapKind::MemoryLimitExceeded);
  // Past the wasm32 maximum the spec's answer, -1, still applies.
  ASSERT_FALSE(store.call(instance->exported_function("grow"), std::vector{Value::i32(70000)}, results));
  EXPECT_EQ(results[0].as_i32(), UINT32_MAX);
}

TEST(Runtime, DeadlineStopsALoop) {
  auto module = load(R"((module (func (export "spin") (loop (br 0)))))");
  StoreLimits limits;
  limits.deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(20);
  Store store(limits);
  Instance* instance = instantiate(store, module);
  std::vector<Value> results;
  auto trap = store.call(instance->exported_function("spin"), {}, results);
  ASSERT_TRUE(trap);
  EXPECT_EQ(trap->kind, TrapKind::DeadlineExceeded);
}

TEST(Runtime, HostFunctionsReceiveArgumentsAndCanTrap) {
  auto module = load(R"((module
      (import "env" "add" (func $add (param i32 i32) (result i32)))
      (import "env" "fail" (func $fail))
      (memory (export "memory") 1)
      (func (export "run") (param i32) (result i32) (call $add (local.get 0) (i32.const 10)))
      (func (export "boom") (call $fail))))");
  Store store;
  Memory* seen_memory = nullptr;
  Function* add = store.create_host_function(
      FuncType{{ValType::I32, ValType::I32}, {ValType::I32}},
      [&](HostContext& context, std::span<const Value> args, std::span<Value> results) -> std::optional<Trap> {
        seen_memory = context.caller_memory();
        results[0] = Value::i32(args[0].as_i32() + args[1].as_i32());
        return std::nullopt;
      },
      "add");
  Function* fail = store.create_host_function(
      FuncType{}, [](HostContext&, std::span<const Value>, std::span<Value>) -> std::optional<Trap> {
        Trap trap;
        trap.kind = TrapKind::Host;
        trap.message = "refused";
        return trap;
      });
  Instance* instance = instantiate(store, module, {add, fail});
  ASSERT_NE(instance, nullptr);
  std::vector<Value> results;
  ASSERT_FALSE(store.call(instance->exported_function("run"), std::vector{Value::i32(5)}, results));
  EXPECT_EQ(results[0].as_i32(), 15u);
  EXPECT_EQ(seen_memory, instance->exported_memory("memory"));
  auto trap = store.call(instance->exported_function("boom"), {}, results);
  ASSERT_TRUE(trap);
  EXPECT_EQ(trap->kind, TrapKind::Host);
  EXPECT_EQ(trap->message, "refused");
}

TEST(Runtime, ImportsOfTheWrongTypeAreLinkErrors) {
  auto module = load(R"((module (import "env" "f" (func (param i32)))))");
  Store store;
  Function* wrong = store.create_host_function(FuncType{{ValType::I64}, {}}, nullptr);
  std::vector<Extern> imports = {wrong};
  auto instance = store.instantiate(module, imports);
  ASSERT_FALSE(instance.ok());
  EXPECT_EQ(instance.error().kind, ErrorKind::Link);
  EXPECT_NE(instance.error().message.find("env"), std::string::npos);
  auto missing = store.instantiate(module, {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, ErrorKind::Link);
}

TEST(Runtime, SnapshotRestoresMemoryGlobalsAndTablesExactly) {
  auto module = load(R"((module
      (memory (export "memory") 1)
      (global $g (export "g") (mut i64) (i64.const 7))
      (table $t (export "t") 2 funcref)
      (func $f)
      (elem declare func $f)
      (data (i32.const 16) "initial")
      (func (export "dirty") (param i32)
        (i32.store (local.get 0) (i32.const 0xdeadbeef))
        (global.set $g (i64.const -1))
        (table.set $t (i32.const 1) (ref.func $f))
        (drop (memory.grow (i32.const 3))))))");
  Store store;
  Instance* instance = instantiate(store, module);
  Memory* memory = instance->exported_memory("memory");
  Snapshot snapshot = instance->snapshot();
  auto initial = memory->view(0, memory->size_bytes());
  std::vector<uint8_t> before(initial->begin(), initial->end());

  std::vector<Value> results;
  for (uint32_t address : {0u, 16u, 65532u}) {
    ASSERT_FALSE(store.call(instance->exported_function("dirty"), std::vector{Value::i32(address)}, results));
  }
  EXPECT_EQ(memory->pages(), 10u);
  EXPECT_NE(instance->exported_table("t")->get(1).value(), kNullRef);

  instance->restore(snapshot);
  EXPECT_EQ(memory->pages(), 1u);
  auto after = memory->view(0, memory->size_bytes());
  ASSERT_TRUE(after);
  EXPECT_TRUE(std::equal(before.begin(), before.end(), after->begin(), after->end()));
  EXPECT_EQ(instance->exported_global("g")->get().as_i64(), 7u);
  EXPECT_EQ(instance->exported_table("t")->get(1).value(), kNullRef);
  // Pages past the restored size are inaccessible again, to the API as to the guest.
  EXPECT_FALSE(memory->view(65536, 1));
}

constexpr std::string_view kPageWriter = R"((module
    (memory (export "memory") 4)
    (func (export "touch") (param $first i32) (param $count i32) (param $value i32)
      (loop $next
        (if (local.get $count) (then
          (i32.store8 (i32.mul (local.get $first) (i32.const 4096)) (local.get $value))
          (local.set $first (i32.add (local.get $first) (i32.const 1)))
          (local.set $count (i32.sub (local.get $count) (i32.const 1)))
          (br $next)))))
    (func (export "fill") (param i32 i32 i32) (memory.fill (local.get 0) (local.get 1) (local.get 2)))))";

std::vector<uint8_t> contents(const Memory& memory) {
  auto all = memory.view(0, memory.size_bytes());
  return std::vector<uint8_t>(all->begin(), all->end());
}

TEST(Runtime, RestoreCopiesOnlyThePagesTheGuestDirtied) {
  auto module = load(kPageWriter);
  Store store;
  Instance* instance = instantiate(store, module);
  Memory* memory = instance->exported_memory("memory");
  Snapshot snapshot = instance->snapshot();
  auto original = contents(*memory);
  std::vector<Value> results;
  for (uint32_t dirtied : {1u, 16u, 64u}) {
    ASSERT_FALSE(store.call(instance->exported_function("touch"),
                            std::vector{Value::i32(0), Value::i32(dirtied), Value::i32(0xab)}, results));
    EXPECT_EQ(memory->dirty_page_count(), dirtied);
    instance->restore(snapshot);
    EXPECT_EQ(memory->pages_copied_by_last_restore(), dirtied);
    EXPECT_EQ(memory->dirty_page_count(), 0u);
    EXPECT_EQ(contents(*memory), original);
  }
  // A bulk fill across a page boundary dirties both pages; the API's writable span dirties too.
  ASSERT_FALSE(store.call(instance->exported_function("fill"),
                          std::vector{Value::i32(4090), Value::i32(1), Value::i32(10)}, results));
  EXPECT_EQ(memory->dirty_page_count(), 2u);
  (*memory->span(3 * 4096, 1))[0] = 7;
  EXPECT_EQ(memory->dirty_page_count(), 3u);
  instance->restore(snapshot);
  EXPECT_EQ(memory->pages_copied_by_last_restore(), 3u);
  EXPECT_EQ(contents(*memory), original);
}

TEST(Runtime, RestoringAnOlderSnapshotAfterANewerOneIsExact) {
  auto module = load(kPageWriter);
  Store store;
  Instance* instance = instantiate(store, module);
  Memory* memory = instance->exported_memory("memory");
  Snapshot first = instance->snapshot();
  auto original = contents(*memory);
  std::vector<Value> results;
  ASSERT_FALSE(store.call(instance->exported_function("touch"),
                          std::vector{Value::i32(1), Value::i32(2), Value::i32(1)}, results));
  Snapshot second = instance->snapshot();
  auto later = contents(*memory);
  ASSERT_FALSE(store.call(instance->exported_function("touch"),
                          std::vector{Value::i32(0), Value::i32(1), Value::i32(2)}, results));
  instance->restore(first);
  EXPECT_EQ(contents(*memory), original);
  instance->restore(second);
  EXPECT_EQ(contents(*memory), later);
  instance->restore(first);
  EXPECT_EQ(contents(*memory), original);
}

TEST(Runtime, TrapsCarryABacktraceWithNames) {
  auto module = load(R"((module
      (func $inner (export "inner") (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
      (func $outer (export "outer") (result i32) (call $inner (i32.const 0)))))");
  Store store;
  Instance* instance = instantiate(store, module);
  std::vector<Value> results;
  auto trap = store.call(instance->exported_function("outer"), {}, results);
  ASSERT_TRUE(trap);
  EXPECT_EQ(trap->kind, TrapKind::IntegerDivideByZero);
  ASSERT_EQ(trap->backtrace.size(), 2u);
  EXPECT_EQ(trap->backtrace[0].function_index, 0u);
  EXPECT_EQ(trap->backtrace[0].function_name, "inner");
  EXPECT_EQ(trap->backtrace[1].function_name, "outer");
  EXPECT_GT(trap->backtrace[0].code_offset, 0u);
}

TEST(Runtime, ArithmeticNansAreCanonicalAndSignOpsKeepPayloads) {
  auto module = load(R"((module
      (func (export "add") (param f32 f32) (result f32) (f32.add (local.get 0) (local.get 1)))
      (func (export "neg") (param f64) (result f64) (f64.neg (local.get 0)))))");
  Store store;
  Instance* instance = instantiate(store, module);
  std::vector<Value> results;
  ASSERT_FALSE(store.call(instance->exported_function("add"),
                          std::vector{Value::f32_bits(0xffa00001u), Value::f32(1.0f)}, results));
  EXPECT_EQ(results[0].bits, 0x7fc00000u);
  ASSERT_FALSE(store.call(instance->exported_function("neg"), std::vector{Value::f64_bits(0x7ff4000000000123ull)}, results));
  EXPECT_EQ(results[0].bits, 0xfff4000000000123ull);
}

}  // namespace
}  // namespace wasmacro::engine
