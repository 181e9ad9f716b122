// File helpers for staging and caching.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "wasmacro/toolchain/status.h"

namespace wasmacro::toolchain {

Result<std::string> read_file(const std::string& path);
Status write_file(const std::string& path, std::string_view contents);
Status write_file_atomically(const std::string& path, std::string_view contents);

// Copies a crate's folder, leaving out target/ and .git/ at its top.
Status copy_crate_tree(const std::string& from, const std::string& to);

// A stable 64-bit FNV-1a hash, printed as 16 hex digits: cache keys, not security.
std::string hash_hex(std::string_view data);

// An exclusive advisory lock held for this object's lifetime (flock), so that concurrent builds
// sharing a folder wait for each other.
class FileLock {
 public:
  static Result<FileLock> acquire(const std::string& path, const std::string& waiting_message);
  FileLock(FileLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  FileLock& operator=(FileLock&&) = delete;
  FileLock(const FileLock&) = delete;
  ~FileLock();

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace wasmacro::toolchain
