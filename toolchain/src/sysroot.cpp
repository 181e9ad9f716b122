// The wasm32 sysroot (std via build-std, built once per rustc) and the proc_macro facade (built per
// facade source hash), both cached under cache_dir().

#include <algorithm>
#include <filesystem>
#include <unistd.h>

#include "files.h"
#include "process.h"
#include "std_patch.h"
#include "wasmacro/toolchain/toolchain.h"

namespace fs = std::filesystem;

namespace wasmacro::toolchain {
namespace {

constexpr const char* kTarget = "wasm32-unknown-unknown";
constexpr const char* kCompleteMarker = ".wasmacro-complete";

std::string short_commit(const Toolchain& tc) { return tc.commit_hash.substr(0, 12); }

std::string encoded_flags(const std::vector<std::string>& flags) {
  std::string out;
  for (size_t i = 0; i < flags.size(); ++i) out += (i ? "\x1f" : "") + flags[i];
  return out;
}

// std's sources appear in panic messages; name them as rustup's std does, whatever the local path
// (the patched copy the sysroot is built from included).
std::vector<std::string> std_remaps(const Toolchain& tc, const std::string& library_copy) {
  std::string virtual_library = "/rustc/" + tc.commit_hash + "/library";
  std::vector<std::string> flags = {"--remap-path-prefix=" + tc.library_src + "=" + virtual_library,
                                    "--remap-path-prefix=" + library_copy + "=" + virtual_library};
  // cargo may name the library through the sysroot's symlink instead of its target.
  std::error_code ec;
  std::string rustc_root = fs::path(tc.rustc).parent_path().parent_path().string();
  flags.push_back("--remap-path-prefix=" + rustc_root + "/lib/rustlib/src/rust/library=" + virtual_library);
  return flags;
}

Status build_sysroot(const Toolchain& tc, const std::string& final_dir, const Progress& progress) {
  std::string cache = cache_dir();
  std::string work = cache + "/sysroot-build-" + tc.release;
  std::error_code ec;
  fs::remove_all(work, ec);
  fs::create_directories(work + "/src", ec);
  if (ec) return Error{"cannot create " + work + ": " + ec.message()};
  Status s = write_file(work + "/Cargo.toml",
                        "[package]\nname = \"wasmacro-sysroot\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n"
                        "[lib]\npath = \"src/lib.rs\"\n\n[workspace]\n");
  if (!s.ok()) return s;
  s = write_file(work + "/src/lib.rs", "#![no_std]\n");
  if (!s.ok()) return s;
  // build-std compiles the library sources it is pointed at; a copy carries wasmacro's one change.
  std::string library = work + "/library";
  fs::copy(tc.library_src, library, fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
  if (ec) return Error{"cannot copy the library sources " + tc.library_src + " to " + library + ": " + ec.message()};
  s = patch_std_sources(library);
  if (!s.ok()) return s;

  std::vector<std::string> rustflags = {"-Cembed-bitcode=yes", "-Cdebuginfo=0"};
  for (auto& f : std_remaps(tc, library)) rustflags.push_back(f);
  Command cargo{
      .argv = {tc.cargo, "build", "--release", "--offline", "-Zbuild-std=std,panic_abort", "--target", kTarget,
               "--target-dir", work + "/target", "--config", "source.crates-io.replace-with=\"wasmacro-vendored\"",
               "--config", "source.wasmacro-vendored.directory=\"" + library + "/vendor\"", "--config",
               "profile.release.opt-level=3", "--config", "profile.release.panic=\"abort\"", "--config",
               "profile.release.debug=false"},
      .set_env = {{"RUSTC", tc.rustc},
                  {"RUSTC_BOOTSTRAP", "1"},
                  // cargo's way to point build-std at library sources other than the sysroot's.
                  {"__CARGO_TESTS_ONLY_SRC_ROOT", library},
                  {"CARGO_ENCODED_RUSTFLAGS", encoded_flags(rustflags)},
                  {"CARGO_TERM_COLOR", "never"}},
      .unset_env = {"RUSTFLAGS", "RUSTC_WRAPPER", "RUSTC_WORKSPACE_WRAPPER", "CARGO_BUILD_TARGET", "CARGO_TARGET_DIR"},
      .cwd = work,
      .capture_stdout = false,
      .stdout_to_stderr = true,
  };
  progress("building the wasm32 sysroot for rustc " + tc.release +
           " from the vendored library sources (once per rustc; about half a minute)");
  auto ran = run(cargo);
  if (!ran.ok()) return ran.error();
  if (ran.value().exit_code != 0) {
    return Error{"building the wasm32 sysroot failed (exit " + std::to_string(ran.value().exit_code) +
                 "): " + describe(cargo)};
  }
  std::string staging = final_dir + ".tmp" + std::to_string(getpid());
  fs::remove_all(staging, ec);
  std::string lib_dir = staging + "/lib/rustlib/" + kTarget + "/lib";
  fs::create_directories(lib_dir, ec);
  if (ec) return Error{"cannot create " + lib_dir + ": " + ec.message()};
  std::string deps = work + "/target/" + kTarget + "/release/deps";
  size_t copied = 0;
  for (const auto& entry : fs::directory_iterator(deps, ec)) {
    std::string name = entry.path().filename().string();
    if (entry.path().extension() != ".rlib") continue;
    // proc_macro stays out: guest builds get the facade instead, and a second candidate is E0464.
    if (name.rfind("libproc_macro-", 0) == 0 || name.rfind("libwasmacro_sysroot-", 0) == 0) continue;
    fs::copy_file(entry.path(), fs::path(lib_dir) / name, ec);
    if (ec) return Error{"cannot copy " + entry.path().string() + ": " + ec.message()};
    ++copied;
  }
  if (copied == 0) return Error{"the sysroot build produced no libraries in " + deps};
  s = write_file(staging + "/" + kCompleteMarker, tc.release + " " + tc.commit_hash + "\n");
  if (!s.ok()) return s;
  fs::remove_all(final_dir, ec);
  fs::rename(staging, final_dir, ec);
  if (ec) return Error{"cannot move the sysroot into " + final_dir + ": " + ec.message()};
  fs::remove_all(work, ec);
  return {};
}

}  // namespace

std::string sysroot_path(const Toolchain& tc) {
  return cache_dir() + "/sysroot-" + tc.release + "-" + short_commit(tc) + "-" + kStdRevision;
}

bool sysroot_installed(const Toolchain& tc) { return fs::exists(sysroot_path(tc) + "/" + kCompleteMarker); }

Result<std::string> ensure_sysroot(const Toolchain& tc, bool install, const Progress& progress) {
  std::string dir = sysroot_path(tc);
  if (sysroot_installed(tc)) return dir;
  if (!install) return Error{"the wasm32 sysroot is not installed; run `wasmacro toolchain --install`"};
  std::error_code ec;
  fs::create_directories(cache_dir(), ec);
  if (ec) return Error{"cannot create " + cache_dir() + ": " + ec.message()};
  auto lock = FileLock::acquire(cache_dir() + "/sysroot.lock", "waiting for another process building the sysroot");
  if (!lock.ok()) return lock.error();
  if (sysroot_installed(tc)) return dir;
  Status built = build_sysroot(tc, dir, progress);
  if (!built.ok()) return built.error();
  return dir;
}

Result<std::string> ensure_facade(const Toolchain& tc, const std::string& sysroot, const Progress& progress) {
  std::string source_dir = guest_dir() + "/proc_macro";
  std::error_code ec;
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(source_dir + "/src", ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".rs") files.push_back(entry.path().string());
  }
  if (ec || files.empty()) {
    return Error{"the proc_macro facade sources are missing from " + source_dir + "/src (set WASMACRO_GUEST_DIR)"};
  }
  std::sort(files.begin(), files.end());
  // Built against the sysroot's std, so it changes with it.
  std::string key = tc.commit_hash + "\n" + kStdRevision + "\n";
  for (const auto& file : files) {
    auto text = read_file(file);
    if (!text.ok()) return text.error();
    key += fs::relative(file, source_dir).string() + "\n" + text.value() + "\n";
  }
  std::string dir = cache_dir() + "/facade-" + tc.release + "-" + hash_hex(key);
  std::string rlib = dir + "/libproc_macro.rlib";
  if (fs::exists(rlib)) return rlib;
  fs::create_directories(dir, ec);
  if (ec) return Error{"cannot create " + dir + ": " + ec.message()};
  std::string tmp_dir = dir + "/tmp" + std::to_string(getpid());
  fs::create_directories(tmp_dir, ec);
  Command rustc{.argv = {tc.rustc, "--crate-name", "proc_macro", "--crate-type", "rlib", "--edition", "2021",
                         "--target", kTarget, "--sysroot", sysroot, "-Copt-level=3", "-Cembed-bitcode=yes",
                         "-Ccodegen-units=1", "-Cpanic=abort", "-Cdebuginfo=0", "-Cmetadata=wasmacro-facade",
                         "--remap-path-prefix=" + source_dir + "=/wasmacro/proc_macro", "--out-dir", tmp_dir,
                         source_dir + "/src/lib.rs"},
                .set_env = {},
                .unset_env = {"RUSTC_BOOTSTRAP"},
                // rustc records its working directory, and it feeds the crate's hashes: run it where
                // the remapping above hides the path.
                .cwd = source_dir,
                .capture_stdout = false,
                .stdout_to_stderr = true};
  progress("compiling the proc_macro facade for wasm32");
  auto ran = run(rustc);
  if (!ran.ok()) return ran.error();
  if (ran.value().exit_code != 0) return Error{"compiling the proc_macro facade failed: " + describe(rustc)};
  fs::rename(tmp_dir + "/libproc_macro.rlib", rlib, ec);
  if (ec) return Error{"cannot move the facade into " + rlib + ": " + ec.message()};
  fs::remove_all(tmp_dir, ec);
  return rlib;
}

}  // namespace wasmacro::toolchain
