// Unit tests of the host's pieces that need no rustc: metadata, limits from the environment, and the
// import check at load. The expansion path is tested end to end by parity.py and hostile.py.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "wasmacro.h"
#include "wasmacro/host/host.h"

namespace wasmacro::host {
namespace {

std::span<const uint8_t> bytes_of(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

TEST(Metadata, ReadsWhatWasmacroBuildWrites) {
  std::string json =
      R"({"abi":2,"crate":{"features":["default","sum"],"name":"squares_fn","version":"0.2.0"},)"
      R"("macros":[{"attributes":["describe","note"],"export":"wasmacro_derive_Describe","kind":"derive","name":"Describe"},)"
      R"({"attributes":[],"export":"wasmacro_function_squares","kind":"function","name":"squares"}]})";
  auto parsed = parse_metadata(bytes_of(json));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  const Metadata& m = parsed.value();
  EXPECT_EQ(m.crate_name, "squares_fn");
  EXPECT_EQ(m.crate_version, "0.2.0");
  EXPECT_EQ(m.features, (std::vector<std::string>{"default", "sum"}));
  ASSERT_EQ(m.macros.size(), 2u);
  EXPECT_EQ(m.macros[0].kind, MacroKind::Derive);
  EXPECT_EQ(m.macros[0].attributes, (std::vector<std::string>{"describe", "note"}));
  EXPECT_EQ(m.macros[1].export_name, "wasmacro_function_squares");
}

TEST(Metadata, RefusesAnotherAbiVersionNamingBoth) {
  auto parsed = parse_metadata(bytes_of(R"({"abi":1,"macros":[]})"));
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message.find("version 1"), std::string::npos);
  EXPECT_NE(parsed.error().message.find("version 2"), std::string::npos);
}

TEST(Metadata, RefusesMalformedSections) {
  EXPECT_FALSE(parse_metadata(bytes_of("{")).ok());
  EXPECT_FALSE(parse_metadata(bytes_of(R"({"abi":2})")).ok());
  EXPECT_FALSE(parse_metadata(bytes_of(R"({"abi":2,"macros":[{"kind":"weird","name":"x"}]})")).ok());
}

TEST(Limits, DefaultsAndOverrides) {
  unsetenv("WASMACRO_FUEL");
  auto defaults = Limits::from_environment();
  ASSERT_TRUE(defaults.ok());
  EXPECT_EQ(defaults.value().fuel, Limits{}.fuel);
  setenv("WASMACRO_FUEL", "1234", 1);
  setenv("WASMACRO_MAX_OUTPUT_DEPTH", "77", 1);
  auto set = Limits::from_environment();
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set.value().fuel, 1234u);
  EXPECT_EQ(set.value().max_output_depth, 77u);
  setenv("WASMACRO_FUEL", "1e9", 1);
  auto bad = Limits::from_environment();
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("WASMACRO_FUEL"), std::string::npos);
  unsetenv("WASMACRO_FUEL");
  unsetenv("WASMACRO_MAX_OUTPUT_DEPTH");
}

TEST(Limits, EnvironmentGrants) {
  unsetenv("WASMACRO_ALLOW_ENV");
  auto defaults = Limits::from_environment();
  ASSERT_TRUE(defaults.ok());
  EXPECT_TRUE(defaults.value().env_allowed("CARGO_PKG_VERSION"));
  EXPECT_TRUE(defaults.value().env_allowed("CARGO_CRATE_NAME"));
  EXPECT_FALSE(defaults.value().env_allowed("CARGO_MANIFEST_DIR")) << "an absolute host path";
  EXPECT_FALSE(defaults.value().env_allowed("HOME"));
  EXPECT_FALSE(defaults.value().env_allowed("CARGO_CRATE_NAME_X"));
  setenv("WASMACRO_ALLOW_ENV", " MY_VAR , BUILD_* ,", 1);
  auto granted = Limits::from_environment();
  ASSERT_TRUE(granted.ok()) << granted.error().message;
  EXPECT_TRUE(granted.value().env_allowed("MY_VAR"));
  EXPECT_FALSE(granted.value().env_allowed("MY_VAR2"));
  EXPECT_TRUE(granted.value().env_allowed("BUILD_PROFILE"));
  EXPECT_TRUE(granted.value().env_allowed("CARGO_PKG_NAME")) << "grants add to the defaults";
  for (const char* bad : {"*", "A*B", "X=1"}) {
    setenv("WASMACRO_ALLOW_ENV", bad, 1);
    auto refused = Limits::from_environment();
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_NE(refused.error().message.find("WASMACRO_ALLOW_ENV"), std::string::npos);
  }
  unsetenv("WASMACRO_ALLOW_ENV");
}

// (module (import "env" "open" (func)) ...): the smallest module with a forbidden import.
const std::vector<uint8_t> kForbiddenImport = {
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,              // header
    0x01, 0x04, 0x01, 0x60, 0x00, 0x00,                          // type: () -> ()
    0x02, 0x0c, 0x01, 0x03, 'e', 'n', 'v', 0x04, 'o', 'p', 'e', 'n', 0x00, 0x00,  // import env.open
};

TEST(Load, RefusesImportsOutsideTheAbiNamingThem) {
  auto loaded = MacroModule::load(kForbiddenImport);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("`env`.`open`"), std::string::npos) << loaded.error().message;
  EXPECT_NE(loaded.error().message.find("span_line"), std::string::npos) << "lists what is allowed";
}

TEST(Load, RefusesModulesWithoutMetadata) {
  const std::vector<uint8_t> empty = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
  auto loaded = MacroModule::load(empty);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error().message.find("wasmacro.macros"), std::string::npos);
}

TEST(CApi, ReportsVersionsAndErrorsAsValues) {
  EXPECT_EQ(wasmacro_api_version(), static_cast<uint32_t>(WASMACRO_API_VERSION));
  EXPECT_EQ(wasmacro_abi_version(), kAbiVersion);
  wasmacro_module* module = nullptr;
  char* error = nullptr;
  const uint8_t junk[] = {1, 2, 3};
  EXPECT_NE(wasmacro_module_load(junk, sizeof junk, &module, &error), 0);
  ASSERT_NE(error, nullptr);
  EXPECT_NE(std::string(error).find("not a valid WebAssembly module"), std::string::npos);
  wasmacro_string_free(error);
  EXPECT_EQ(module, nullptr);
}

}  // namespace
}  // namespace wasmacro::host
