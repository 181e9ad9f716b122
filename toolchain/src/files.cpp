#include "files.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace wasmacro::toolchain {

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot read " + path + ": " + std::strerror(errno)};
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

Status write_file(const std::string& path, std::string_view contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Error{"cannot write " + path + ": " + std::strerror(errno)};
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  out.close();
  if (!out) return Error{"cannot write " + path};
  return {};
}

Status write_file_atomically(const std::string& path, std::string_view contents) {
  std::string tmp = path + ".tmp" + std::to_string(getpid());
  Status written = write_file(tmp, contents);
  if (!written.ok()) return written;
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return Error{"cannot write " + path + ": " + ec.message()};
  return {};
}

Status copy_crate_tree(const std::string& from, const std::string& to) {
  std::error_code ec;
  fs::create_directories(to, ec);
  if (ec) return Error{"cannot create " + to + ": " + ec.message()};
  for (const auto& entry : fs::directory_iterator(from, ec)) {
    std::string name = entry.path().filename().string();
    if (name == "target" || name == ".git") continue;
    fs::copy(entry.path(), fs::path(to) / name,
             fs::copy_options::recursive | fs::copy_options::copy_symlinks, ec);
    if (ec) return Error{"cannot copy " + entry.path().string() + ": " + ec.message()};
  }
  if (ec) return Error{"cannot list " + from + ": " + ec.message()};
  return {};
}

std::string hash_hex(std::string_view data) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

Result<FileLock> FileLock::acquire(const std::string& path, const std::string& waiting_message) {
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Error{"cannot open lock file " + path + ": " + std::strerror(errno)};
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    std::fprintf(stderr, "wasmacro: %s\n", waiting_message.c_str());
    while (flock(fd, LOCK_EX) != 0) {
      if (errno != EINTR) {
        int err = errno;
        close(fd);
        return Error{"cannot lock " + path + ": " + std::strerror(err)};
      }
    }
  }
  return FileLock(fd);
}

FileLock::~FileLock() {
  if (fd_ >= 0) close(fd_);
}

}  // namespace wasmacro::toolchain
