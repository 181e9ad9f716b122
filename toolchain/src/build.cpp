// `wasmacro build`: stage, compile against the facade, optimise, add the metadata section.

#include "wasmacro/toolchain/build.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "entries.h"
#include "files.h"
#include "manifest.h"
#include "module_edit.h"
#include "process.h"
#include "wasmacro/common/json.h"

namespace fs = std::filesystem;

namespace wasmacro::toolchain {
namespace {

namespace json = common::json;

constexpr const char* kTarget = "wasm32-unknown-unknown";

std::string cargo_home() {
  if (const char* home = std::getenv("CARGO_HOME"); home != nullptr && *home != '\0') return home;
  const char* user = std::getenv("HOME");
  return std::string(user != nullptr ? user : "/root") + "/.cargo";
}

std::string canonical_or_same(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

// What cargo reported about the macro crate's own cdylib.
struct Artifact {
  std::string wasm;
  std::string package_id;
  std::vector<std::string> features;
};

Result<Artifact> find_artifact(const std::string& cargo_stdout) {
  Artifact found;
  size_t start = 0;
  while (start < cargo_stdout.size()) {
    size_t end = cargo_stdout.find('\n', start);
    if (end == std::string::npos) end = cargo_stdout.size();
    std::string_view line(cargo_stdout.data() + start, end - start);
    start = end + 1;
    if (line.empty() || line.front() != '{') continue;
    auto parsed = json::parse(line);
    if (!parsed.ok()) continue;
    const json::Value& msg = parsed.value();
    if (msg["reason"].as_string() != "compiler-artifact") continue;
    bool cdylib = false;
    for (const auto& t : msg["target"]["crate_types"].as_array()) cdylib = cdylib || t.as_string() == "cdylib";
    if (!cdylib) continue;
    for (const auto& f : msg["filenames"].as_array()) {
      if (f.as_string().size() > 5 && f.as_string().ends_with(".wasm")) found.wasm = f.as_string();
    }
    found.package_id = msg["package_id"].as_string();
    for (const auto& f : msg["features"].as_array()) found.features.push_back(f.as_string());
  }
  if (found.wasm.empty()) return Error{"cargo reported no .wasm for the macro crate"};
  std::sort(found.features.begin(), found.features.end());
  return found;
}

// "path+file:///w/stage/name#0.1.0" or "...#name@0.1.0" -> "0.1.0".
std::string version_from_package_id(const std::string& id) {
  size_t hash = id.rfind('#');
  std::string tail = hash == std::string::npos ? id : id.substr(hash + 1);
  size_t at = tail.rfind('@');
  return at == std::string::npos ? tail : tail.substr(at + 1);
}

}  // namespace

Result<BuildReport> build_macro_crate(const BuildOptions& options, const Progress& progress) {
  auto found = find_toolchain();
  if (!found.ok()) return found.error();
  const Toolchain& tc = found.value();
  std::string crate_dir = canonical_or_same(options.crate_dir);
  if (fs::path(crate_dir).filename() == "Cargo.toml") crate_dir = fs::path(crate_dir).parent_path().string();
  auto manifest_text = read_file(crate_dir + "/Cargo.toml");
  if (!manifest_text.ok()) return Error{"no Cargo.toml in " + crate_dir};
  auto manifest = stage_manifest(manifest_text.value());
  if (!manifest.ok()) return Error{crate_dir + "/Cargo.toml: " + manifest.error().message};
  const StagedManifest& staged = manifest.value();
  auto root_source = read_file(crate_dir + "/" + staged.lib_path);
  if (!root_source.ok()) return root_source.error();
  auto entries = find_entries(root_source.value());
  if (!entries.ok()) return Error{crate_dir + "/" + staged.lib_path + ": " + entries.error().message};
  if (entries.value().empty()) {
    return Error{crate_dir + "/" + staged.lib_path +
                 ": no #[proc_macro_derive], #[proc_macro_attribute] or #[proc_macro] function at the crate root"};
  }

  std::string lock_text;
  if (!options.lockfile.empty()) {
    auto lock_read = read_file(options.lockfile);
    if (!lock_read.ok()) return Error{"--lockfile: " + lock_read.error().message};
    if (lock_read.value().find("[[package]]") == std::string::npos) {
      return Error{"--lockfile " + options.lockfile + ": not a Cargo.lock (no [[package]] entry)"};
    }
    lock_text = std::move(lock_read.value());
  }

  auto sysroot = ensure_sysroot(tc, /*install=*/true, progress);
  if (!sysroot.ok()) return sysroot.error();
  auto facade = ensure_facade(tc, sysroot.value(), progress);
  if (!facade.ok()) return facade.error();

  std::string work = canonical_or_same(options.work_dir.empty() ? cache_dir() + "/build" : options.work_dir);
  std::error_code ec;
  fs::create_directories(work, ec);
  if (ec) return Error{"cannot create " + work + ": " + ec.message()};
  auto lock = FileLock::acquire(work + "/.lock", "waiting for another build using " + work);
  if (!lock.ok()) return lock.error();

  // A fixed place per package inside the work folder, whatever folder the crate came from; all
  // absolute paths are remapped below, so the work folder's own location does not matter either.
  std::string stage = work + "/stage/" + staged.package_name;
  fs::remove_all(stage, ec);
  progress("staging " + staged.package_name + " from " + crate_dir);
  Status copied = copy_crate_tree(crate_dir, stage);
  if (!copied.ok()) return copied.error();
  Status written = write_file(stage + "/Cargo.toml", staged.text);
  if (!written.ok()) return written.error();
  if (!lock_text.empty()) {
    written = write_file(stage + "/Cargo.lock", lock_text);
    if (!written.ok()) return written.error();
  }
  written = write_file(stage + "/" + staged.lib_path,
                       blank_entry_attributes(root_source.value(), entries.value()) + export_glue(entries.value()));
  if (!written.ok()) return written.error();

  std::string target_dir = work + "/target";
  std::vector<std::string> rustflags = {
      "--sysroot=" + sysroot.value(),
      "--extern=proc_macro=" + facade.value(),
      // --extern serves direct `extern crate proc_macro`; rustc finds the proc_macro a dependency
      // was built against (`extern crate proc_macro2;` before any use of proc_macro) by searching.
      "-Ldependency=" + fs::path(facade.value()).parent_path().string(),
      "-Clinker=" + tc.wasm_ld,
      // Lints never fail the build (a crate root's `#![forbid(unsafe_code)]` would reject the
      // export glue appended to it). Not `allow`: cargo reads the "unsupported crate type" warning
      // when it probes the target. Registry dependencies keep cargo's own earlier `allow`.
      "--cap-lints=warn",
      // The same flags for every package of a work folder, so that their dependencies are shared.
      "--remap-path-prefix=" + work + "/stage=/wasmacro/src",
      "--remap-path-prefix=" + target_dir + "=/wasmacro/target",
      "--remap-path-prefix=" + canonical_or_same(cargo_home()) + "=/cargo",
  };
  std::string encoded;
  for (size_t i = 0; i < rustflags.size(); ++i) encoded += (i ? "\x1f" : "") + rustflags[i];

  Command cargo{
      .argv = {tc.cargo, "build", "--release", "--lib", "--target", kTarget, "--manifest-path", stage + "/Cargo.toml",
               "--target-dir", target_dir, "--message-format=json-render-diagnostics",
               // Size and determinism: one codegen unit, fat LTO, no debuginfo, abort on panic
               // (the panic hook hands the message to the host first).
               "--config", "profile.release.opt-level=3", "--config", "profile.release.lto=\"fat\"", "--config",
               "profile.release.codegen-units=1", "--config", "profile.release.panic=\"abort\"", "--config",
               "profile.release.debug=false", "--config", "profile.release.strip=\"debuginfo\"", "--config",
               "profile.release.incremental=false", "--config", "profile.release.debug-assertions=false",
               "--config", "profile.release.overflow-checks=false"},
      .set_env = {{"RUSTC", tc.rustc}, {"CARGO_ENCODED_RUSTFLAGS", encoded}, {"CARGO_TERM_COLOR", "never"}},
      // RUSTC_BOOTSTRAP would make proc-macro2 probe for unstable proc_macro APIs; wrappers and
      // outside target settings would change what is built.
      .unset_env = {"RUSTFLAGS", "RUSTC_BOOTSTRAP", "RUSTC_WRAPPER", "RUSTC_WORKSPACE_WRAPPER", "CARGO_BUILD_TARGET",
                    "CARGO_TARGET_DIR", "CARGO_BUILD_RUSTFLAGS", "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
                    "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER", "CARGO_PROFILE_RELEASE_LTO"},
      .cwd = stage,
      .capture_stdout = true,
      .stdout_to_stderr = false,
  };
  for (const auto& f : options.features) {
    cargo.argv.emplace_back("--features");
    cargo.argv.push_back(f);
  }
  if (options.all_features) cargo.argv.emplace_back("--all-features");
  if (options.no_default_features) cargo.argv.emplace_back("--no-default-features");

  progress("cargo build: " + staged.package_name + " and its dependencies for wasm32, against the facade");
  auto ran = run(cargo);
  if (!ran.ok()) return ran.error();
  if (ran.value().exit_code != 0) {
    return Error{"cargo build failed (exit " + std::to_string(ran.value().exit_code) + "); the staged crate is in " +
                 stage};
  }
  auto artifact = find_artifact(ran.value().out);
  if (!artifact.ok()) return artifact.error();

  BuildReport report;
  report.cargo_wasm = artifact.value().wasm;
  report.crate.name = staged.package_name;
  report.crate.version = version_from_package_id(artifact.value().package_id);
  report.crate.features = artifact.value().features;
  for (const auto& e : entries.value()) report.macros.push_back(e.info);
  report.size_before_opt = static_cast<size_t>(fs::file_size(report.cargo_wasm, ec));

  std::string module_path = report.cargo_wasm;
  if (options.wasm_opt) {
    // -O3: the engine interprets, so fewer executed instructions pay off, and on these modules it is
    // also smaller than -O2. -g keeps the name section for guest backtraces.
    module_path = work + "/" + staged.package_name + ".opt.wasm";
    Command opt;
    opt.argv = {tc.wasm_opt, "-O3", "-g", report.cargo_wasm, "-o", module_path};
    opt.stdout_to_stderr = true;
    progress("wasm-opt -O3 (" + std::to_string(report.size_before_opt) + " bytes as linked)");
    auto opt_ran = run(opt);
    if (!opt_ran.ok()) return opt_ran.error();
    if (opt_ran.value().exit_code != 0) return Error{"wasm-opt failed: " + describe(opt)};
  }
  auto module_text = read_file(module_path);
  if (!module_text.ok()) return module_text.error();
  std::vector<uint8_t> module(module_text.value().begin(), module_text.value().end());
  Status trimmed = remove_exports_with_prefix(module, "__wasmacro_");
  if (!trimmed.ok()) return Error{module_path + ": " + trimmed.error().message};
  append_custom_section(module, kMetadataSection, metadata_json(report.crate, report.macros));
  std::string output = options.output;
  if (fs::path(output).has_parent_path()) fs::create_directories(fs::path(output).parent_path(), ec);
  written = write_file_atomically(output, std::string_view(reinterpret_cast<const char*>(module.data()), module.size()));
  if (!written.ok()) return written.error();
  report.size_written = module.size();
  return report;
}

}  // namespace wasmacro::toolchain
