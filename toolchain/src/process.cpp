#include "process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <utility>

extern char** environ;

namespace wasmacro::toolchain {
namespace {

std::vector<std::string> child_environment(const Command& command) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string_view entry(*e);
    std::string_view key = entry.substr(0, entry.find('='));
    bool dropped = false;
    for (const auto& name : command.unset_env) dropped = dropped || key == name;
    for (const auto& [name, value] : command.set_env) dropped = dropped || key == name;
    if (!dropped) env.emplace_back(entry);
  }
  for (const auto& [name, value] : command.set_env) {
    std::string entry = name;
    entry += '=';
    entry += value;
    env.push_back(std::move(entry));
  }
  return env;
}

}  // namespace

std::string describe(const Command& command) {
  std::string out;
  for (const auto& arg : command.argv) {
    if (!out.empty()) out += ' ';
    bool plain = !arg.empty() && arg.find_first_of(" \t\n'\"\\$`") == std::string::npos;
    out += plain ? arg : "'" + arg + "'";
  }
  return out;
}

Result<Finished> run(const Command& command) {
  if (command.argv.empty()) return Error{"internal error: empty command"};
  std::vector<std::string> env = child_environment(command);
  std::vector<char*> argv_ptrs;
  argv_ptrs.reserve(command.argv.size() + 1);
  for (const auto& a : command.argv) argv_ptrs.push_back(const_cast<char*>(a.c_str()));
  argv_ptrs.push_back(nullptr);
  std::vector<char*> env_ptrs;
  env_ptrs.reserve(env.size() + 1);
  for (const auto& e : env) env_ptrs.push_back(const_cast<char*>(e.c_str()));
  env_ptrs.push_back(nullptr);

  int out_pipe[2] = {-1, -1};
  if (command.capture_stdout && pipe2(out_pipe, O_CLOEXEC) != 0) {
    return Error{std::string("cannot create a pipe: ") + std::strerror(errno)};
  }
  // Reports exec failure from the child through a close-on-exec pipe.
  int exec_pipe[2];
  if (pipe2(exec_pipe, O_CLOEXEC) != 0) return Error{std::string("cannot create a pipe: ") + std::strerror(errno)};

  pid_t pid = fork();
  if (pid < 0) return Error{std::string("cannot fork: ") + std::strerror(errno)};
  if (pid == 0) {
    if (command.capture_stdout) dup2(out_pipe[1], STDOUT_FILENO);
    else if (command.stdout_to_stderr) dup2(STDERR_FILENO, STDOUT_FILENO);
    if (!command.cwd.empty() && chdir(command.cwd.c_str()) != 0) {
      int err = errno;
      (void)!write(exec_pipe[1], &err, sizeof err);
      _exit(127);
    }
    execve(argv_ptrs[0], argv_ptrs.data(), env_ptrs.data());
    int err = errno;
    (void)!write(exec_pipe[1], &err, sizeof err);
    _exit(127);
  }
  close(exec_pipe[1]);
  Finished finished;
  if (command.capture_stdout) {
    close(out_pipe[1]);
    char buf[65536];
    for (;;) {
      ssize_t n = read(out_pipe[0], buf, sizeof buf);
      if (n > 0) finished.out.append(buf, static_cast<size_t>(n));
      else if (n == 0 || errno != EINTR) break;
    }
    close(out_pipe[0]);
  }
  int exec_errno = 0;
  ssize_t got = read(exec_pipe[0], &exec_errno, sizeof exec_errno);
  close(exec_pipe[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (got == static_cast<ssize_t>(sizeof exec_errno)) {
    return Error{"cannot run " + command.argv[0] + ": " + std::strerror(exec_errno)};
  }
  if (WIFEXITED(status)) finished.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status)) finished.exit_code = 128 + WTERMSIG(status);
  return finished;
}

}  // namespace wasmacro::toolchain
