// Finds a proc-macro crate's entry points (`#[proc_macro_derive]`, `#[proc_macro_attribute]`,
// `#[proc_macro]` at the crate root) in its root source file, so that staging can blank them out
// and generate the exports that replace them.
#pragma once

#include <string>
#include <vector>

#include "wasmacro/toolchain/metadata.h"
#include "wasmacro/toolchain/status.h"

namespace wasmacro::toolchain {

struct Entry {
  MacroInfo info;
  std::string function;     // the Rust function implementing it
  size_t attr_begin = 0;    // byte range of the `#[...]` attribute in the source
  size_t attr_end = 0;
  // The text alone cannot say what the attribute declares, or whether it is compiled in: it is inside
  // a macro_rules body (`#[proc_macro_derive($name)]`), a `cfg_attr`, or on an item under `#[cfg]`.
  // Its range is blanked; the entry itself is read from rustc's expansion of the crate.
  bool needs_expansion = false;
};

Result<std::vector<Entry>> find_entries(const std::string& source);

// The source with every entry attribute replaced by spaces (newlines kept, so lines and columns of
// everything else, and so panic locations, stay those of the original).
std::string blank_entry_attributes(const std::string& source, const std::vector<Entry>& entries);

// The module appended to the staged root file: one wasm export per entry.
std::string export_glue(const std::vector<Entry>& entries);

}  // namespace wasmacro::toolchain
