// Staging: finding the entry points in a crate root and rewriting its manifest.

#include <gtest/gtest.h>

#include <algorithm>

#include "entries.h"
#include "manifest.h"
#include "module_edit.h"

namespace wasmacro::toolchain {
namespace {

TEST(FindEntries, AllThreeKindsWithHelpersAndOtherAttributes) {
  std::string src = R"(
use proc_macro::TokenStream;
/// docs
#[proc_macro_derive(Describe, attributes(describe, note))]
pub fn derive_describe(input: TokenStream) -> TokenStream { input }

#[proc_macro_attribute]
#[allow(unused)]
pub fn trace(_a: TokenStream, i: TokenStream) -> TokenStream { i }

#[proc_macro] pub fn squares(i: TokenStream) -> TokenStream { i }
)";
  auto found = find_entries(src);
  ASSERT_TRUE(found.ok()) << found.error().message;
  const auto& e = found.value();
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].info.name, "Describe");
  EXPECT_EQ(e[0].function, "derive_describe");
  EXPECT_EQ(e[0].info.kind, MacroKind::Derive);
  EXPECT_EQ(e[0].info.attributes, (std::vector<std::string>{"describe", "note"}));
  EXPECT_EQ(e[0].info.export_name, "wasmacro_derive_Describe");
  EXPECT_EQ(e[1].info.name, "trace");
  EXPECT_EQ(e[1].info.kind, MacroKind::Attribute);
  EXPECT_EQ(e[1].info.export_name, "wasmacro_attribute_trace");
  EXPECT_EQ(e[2].info.name, "squares");
  EXPECT_EQ(e[2].info.kind, MacroKind::Function);
}

TEST(FindEntries, IgnoresLookalikesInCommentsStringsAndNestedItems) {
  std::string src = R"x(
// #[proc_macro] fn in_comment() {}
/* #[proc_macro] /* nested */ fn in_block() {} */
const S: &str = "#[proc_macro] fn in_string() {}";
const R: &str = r#"#[proc_macro] fn in_raw() {}"#;
const C: char = '#';
fn lifetimes<'a>(x: &'a str) -> &'a str { x }
mod inner {
    #[proc_macro] pub fn nested() {}
}
#[proc_macro]
pub fn r#real(i: TokenStream) -> TokenStream { i }
)x";
  auto found = find_entries(src);
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found.value().size(), 1u);
  EXPECT_EQ(found.value()[0].function, "real");
}

TEST(FindEntries, EntriesInMacroRulesAndCfgAttrAreLeftToTheExpansion) {
  std::string src = R"x(
macro_rules! make {
    ($name:ident, $f:ident) => {
        #[proc_macro_derive($name, attributes(helper))]
        pub fn $f(i: TokenStream) -> TokenStream { i }
    };
}
make!(Shown, shown);
#[cfg_attr(feature = "x", proc_macro_derive(Maybe))]
pub fn maybe(i: TokenStream) -> TokenStream { i }
fn generator() -> String { quote! { #[proc_macro] pub fn generated() {} }.to_string() }
#[cfg(test_only)]
#[proc_macro]
pub fn gated_before(i: TokenStream) -> TokenStream { i }
#[proc_macro]
#[cfg(test_only)]
pub fn gated_after(i: TokenStream) -> TokenStream { i }
#[cfg(test_only)]
fn unrelated() {}
#[proc_macro]
pub fn direct(i: TokenStream) -> TokenStream { i }
)x";
  auto found = find_entries(src);
  ASSERT_TRUE(found.ok()) << found.error().message;
  ASSERT_EQ(found.value().size(), 5u);
  EXPECT_TRUE(found.value()[0].needs_expansion);
  EXPECT_TRUE(found.value()[1].needs_expansion);
  EXPECT_TRUE(found.value()[2].needs_expansion) << "under #[cfg]";
  EXPECT_TRUE(found.value()[3].needs_expansion) << "under #[cfg]";
  EXPECT_FALSE(found.value()[4].needs_expansion);
  EXPECT_EQ(found.value()[4].function, "direct");
  std::string blank = blank_entry_attributes(src, found.value());
  EXPECT_EQ(blank.find("proc_macro_derive"), std::string::npos);
  EXPECT_NE(blank.find("quote! { #[proc_macro] pub fn generated"), std::string::npos) << "generated code is not ours";
}

TEST(FindEntries, BlankingKeepsLinesAndColumns) {
  std::string src = "#[proc_macro_derive(A,\n  attributes(b))]\npub fn a(i: TokenStream) -> TokenStream { i }\n";
  auto found = find_entries(src);
  ASSERT_TRUE(found.ok());
  std::string blank = blank_entry_attributes(src, found.value());
  EXPECT_EQ(blank.size(), src.size());
  EXPECT_EQ(blank.substr(0, blank.find("pub fn")), std::string(22, ' ') + "\n" + std::string(17, ' ') + "\n");
  EXPECT_NE(export_glue(found.value()).find("export_name = \"wasmacro_derive_A\""), std::string::npos);
}

TEST(StageManifest, ProcMacroBecomesCdylibAndOwnWorkspace) {
  auto staged = stage_manifest("[package]\nname = \"m\"\nversion = \"0.1.0\"\n\n[lib]\nproc-macro = true\n"
                               "path = \"src/m.rs\"\n\n[dependencies]\nsyn = \"2\"\n");
  ASSERT_TRUE(staged.ok()) << staged.error().message;
  EXPECT_EQ(staged.value().package_name, "m");
  EXPECT_EQ(staged.value().lib_path, "src/m.rs");
  EXPECT_EQ(staged.value().text.find("proc-macro = true\n"), std::string::npos);
  EXPECT_NE(staged.value().text.find("crate-type = [\"cdylib\"]"), std::string::npos);
  EXPECT_NE(staged.value().text.find("\n[workspace]\n"), std::string::npos);
  EXPECT_NE(staged.value().text.find("syn = \"2\""), std::string::npos);
}

TEST(StageManifest, RefusesWhatItCannotStage) {
  EXPECT_FALSE(stage_manifest("[package]\nname = \"m\"\n[lib]\n").ok());
  auto inherited = stage_manifest("[package]\nname = \"m\"\nversion.workspace = true\n[lib]\nproc-macro = true\n");
  ASSERT_FALSE(inherited.ok());
  EXPECT_NE(inherited.error().message.find("workspace"), std::string::npos);
}

}  // namespace
}  // namespace wasmacro::toolchain

namespace wasmacro::toolchain {
namespace {

TEST(RemoveExports, DropsOnlyThePrefixedOnes) {
  // (module (func) (export "keep" (func 0)) (export "__wasmacro_x" (func 0)) (export "m" (memory 0)))
  // written by hand: header, type, function, memory, export and code sections.
  std::vector<uint8_t> module = {0, 'a', 's', 'm', 1, 0, 0, 0,
                                 1, 4, 1, 0x60, 0, 0,  // type: () -> ()
                                 3, 2, 1, 0,           // function 0 of type 0
                                 5, 3, 1, 0, 1,        // memory 0: min 1
                                 7, 27, 3,             // export section, 3 entries
                                 4, 'k', 'e', 'e', 'p', 0, 0,
                                 12, '_', '_', 'w', 'a', 's', 'm', 'a', 'c', 'r', 'o', '_', 'x', 0, 0,
                                 1, 'm', 2, 0,
                                 10, 4, 1, 2, 0, 0x0b};  // code: one empty body
  ASSERT_TRUE(remove_exports_with_prefix(module, "__wasmacro_").ok());
  std::vector<uint8_t> exports = {7, 12, 2, 4, 'k', 'e', 'e', 'p', 0, 0, 1, 'm', 2, 0};
  auto at = std::search(module.begin(), module.end(), exports.begin(), exports.end());
  EXPECT_NE(at, module.end());
  EXPECT_EQ(module.size(), 8u + 6 + 4 + 5 + exports.size() + 6);
  EXPECT_EQ(module.back(), 0x0b);
}

}  // namespace
}  // namespace wasmacro::toolchain
