// Limits from the environment: each WASMACRO_* variable overrides one default.
#include <cerrno>
#include <cstdlib>
#include <string>

#include "wasmacro/host/host.h"

namespace wasmacro::host {
namespace {

// Accepts plain decimal digits only, so that "1e9" or "-1" is an error rather than a surprise.
std::optional<Error> read_u64(const char* name, uint64_t& out) {
  const char* text = std::getenv(name);
  if (text == nullptr || *text == '\0') return std::nullopt;
  uint64_t value = 0;
  for (const char* p = text; *p != '\0'; ++p) {
    if (*p < '0' || *p > '9' || value > (UINT64_MAX - 9) / 10) {
      return Error{std::string(name) + "=\"" + text + "\" is not a decimal number"};
    }
    value = value * 10 + static_cast<uint64_t>(*p - '0');
  }
  out = value;
  return std::nullopt;
}

}  // namespace

Result<Limits> Limits::from_environment() {
  Limits limits;
  uint64_t depth = limits.max_call_depth;
  uint64_t output_depth = limits.max_output_depth;
  for (auto [name, slot] : {std::pair<const char*, uint64_t*>{"WASMACRO_FUEL", &limits.fuel},
                            {"WASMACRO_MAX_MEMORY_MB", &limits.max_memory_mb},
                            {"WASMACRO_MAX_CALL_DEPTH", &depth},
                            {"WASMACRO_MAX_STACK_MB", &limits.max_stack_mb},
                            {"WASMACRO_MAX_OUTPUT_MB", &limits.max_output_mb},
                            {"WASMACRO_MAX_OUTPUT_DEPTH", &output_depth},
                            {"WASMACRO_TIMEOUT_MS", &limits.timeout_ms}}) {
    if (auto error = read_u64(name, *slot)) return *error;
  }
  if (depth == 0 || depth > UINT32_MAX) return Error{"WASMACRO_MAX_CALL_DEPTH must be between 1 and 4294967295"};
  if (output_depth == 0 || output_depth > UINT32_MAX) {
    return Error{"WASMACRO_MAX_OUTPUT_DEPTH must be between 1 and 4294967295"};
  }
  if (limits.max_memory_mb == 0 || limits.max_memory_mb > 4096) {
    return Error{"WASMACRO_MAX_MEMORY_MB must be between 1 and 4096"};
  }
  if (const char* grants = std::getenv("WASMACRO_ALLOW_ENV"); grants != nullptr) {
    std::string_view rest = grants;
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      std::string_view item = rest.substr(0, comma);
      rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      if (item.empty()) continue;
      size_t star = item.find('*');
      if (item.find('=') != std::string_view::npos || (star != std::string_view::npos && star != item.size() - 1) ||
          item == "*") {
        return Error{"WASMACRO_ALLOW_ENV: `" + std::string(item) +
                     "` is not a variable name or a prefix ending in `*` (for example MY_VAR,MY_PREFIX_*)"};
      }
      limits.allowed_env.emplace_back(item);
    }
  }
  limits.max_call_depth = static_cast<uint32_t>(depth);
  limits.max_output_depth = static_cast<uint32_t>(output_depth);
  return limits;
}

bool Limits::env_allowed(std::string_view name) const {
  for (const std::string& grant : allowed_env) {
    if (!grant.empty() && grant.back() == '*') {
      if (name.substr(0, grant.size() - 1) == std::string_view(grant).substr(0, grant.size() - 1)) return true;
    } else if (name == grant) {
      return true;
    }
  }
  return false;
}

}  // namespace wasmacro::host
