#include "std_patch.h"

#include "files.h"

namespace wasmacro::toolchain {
namespace {

struct Replacement {
  const char* file;  // under the library folder
  const char* what;  // for the error message
  const char* original;
  const char* patched;
};

// std::env::var: the same reply-buffer convention as every other host call: a length n >= 0, then
// `reply` copies the value; a negative answer means "not present" (unset, or not granted).
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

// Hashing usize and isize as 64-bit values (what every 64-bit host hashes): macros that iterate a
// HashMap with a fixed hasher (derive_more's TryInto does) then emit items in the native order.
// Derived Hash writes enum discriminants as isize and slices their length as usize.
constexpr const char* kWriteUsize = R"(    fn write_usize(&mut self, i: usize) {
        self.write(&i.to_ne_bytes())
    }
)";
constexpr const char* kWriteUsize64 = R"(    fn write_usize(&mut self, i: usize) {
        // wasmacro: as on a 64-bit host, so that hashes and HashMap orders match native macros.
        #[cfg(all(target_family = "wasm", target_pointer_width = "32"))]
        return self.write(&(i as u64).to_ne_bytes());
        #[allow(unreachable_code)]
        self.write(&i.to_ne_bytes())
    }
)";
constexpr const char* kWriteIsize = R"(    fn write_isize(&mut self, i: isize) {
        self.write_usize(i as usize)
    }
)";
constexpr const char* kWriteIsize64 = R"(    fn write_isize(&mut self, i: isize) {
        // wasmacro: as on a 64-bit host (sign-extended), like write_usize above.
        #[cfg(all(target_family = "wasm", target_pointer_width = "32"))]
        return self.write(&(i as i64).to_ne_bytes());
        #[allow(unreachable_code)]
        self.write_usize(i as usize)
    }
)";

constexpr Replacement kReplacements[] = {
    {"/std/src/sys/env/unsupported.rs", "std's getenv stub for wasm32",
     "pub fn getenv(_: &OsStr) -> Option<OsString> {\n    None\n}\n", kHostGetenv},
    {"/core/src/hash/mod.rs", "Hasher::write_usize", kWriteUsize, kWriteUsize64},
    {"/core/src/hash/mod.rs", "Hasher::write_isize", kWriteIsize, kWriteIsize64},
};

}  // namespace

Status patch_std_sources(const std::string& library_dir) {
  for (const Replacement& r : kReplacements) {
    std::string path = library_dir + r.file;
    auto text = read_file(path);
    if (!text.ok()) return text.error();
    std::string original = r.original;
    size_t at = text.value().find(original);
    if (at == std::string::npos || text.value().find(original, at + 1) != std::string::npos) {
      return Error{path + ": " + r.what + " is not written as wasmacro expects, so the guest sysroot cannot be "
                   "built; these library sources are not supported (use Debian's rust-web-src of the same "
                   "version as rustc-web)"};
    }
    std::string patched = text.value();
    patched.replace(at, original.size(), r.patched);
    Status written = write_file(path, patched);
    if (!written.ok()) return written;
  }
  return {};
}

}  // namespace wasmacro::toolchain
