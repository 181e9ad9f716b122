#include "std_patch.h"

#include "files.h"

namespace wasmacro::toolchain {
namespace {

constexpr const char* kStubFile = "/std/src/sys/env/unsupported.rs";
constexpr const char* kStub = "pub fn getenv(_: &OsStr) -> Option<OsString> {\n    None\n}\n";

// The same reply-buffer convention as every other host call: a length n >= 0, then `reply` copies
// the value; a negative answer means "not present" (unset, or not granted).
constexpr const char* kHostGetenv = R"(pub fn getenv(key: &OsStr) -> Option<OsString> {
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    {
        // wasmacro: the macro's host answers, for the variables the user grants (docs/abi.md).
        #[link(wasm_import_module = "wasmacro")]
        unsafe extern "C" {
            #[link_name = "env_var"]
            fn wasmacro_env_var(ptr: *const u8, len: usize) -> i32;
            #[link_name = "reply"]
            fn wasmacro_reply(dst: *mut u8);
        }
        let name = key.as_encoded_bytes();
        let n = unsafe { wasmacro_env_var(name.as_ptr(), name.len()) };
        if n < 0 {
            return None;
        }
        let mut value = Vec::<u8>::with_capacity(n as usize);
        // SAFETY: the host writes exactly n bytes; on this target any bytes are a valid OsString.
        unsafe {
            wasmacro_reply(value.as_mut_ptr());
            value.set_len(n as usize);
            return Some(OsString::from_encoded_bytes_unchecked(value));
        }
    }
    #[allow(unreachable_code)]
    None
}
)";

}  // namespace

Status patch_std_sources(const std::string& library_dir) {
  std::string path = library_dir + kStubFile;
  auto text = read_file(path);
  if (!text.ok()) return text.error();
  size_t at = text.value().find(kStub);
  if (at == std::string::npos) {
    return Error{path + ": std's getenv stub for wasm32 is not where wasmacro expects it, so guests could not "
                        "read environment variables; this rustc's library sources are not supported (use Debian's "
                        "rust-web-src of the same version as rustc-web)"};
  }
  std::string patched = text.value();
  patched.replace(at, std::string(kStub).size(), kHostGetenv);
  return write_file(path, patched);
}

}  // namespace wasmacro::toolchain
