// The C API over the host. Every entry point catches everything: no exception crosses into C or Rust.
#include "wasmacro.h"

#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>

#include "wasmacro/host/host.h"

using namespace wasmacro;

struct wasmacro_module {
  std::shared_ptr<const host::MacroModule> module;
};

struct wasmacro_expander {
  std::unique_ptr<host::Expander> expander;
  host::Limits limits;
  host::Expansion last;
};

struct wasmacro_reply {
  std::string* buffer;
};

namespace {

char* copy_string(const std::string& text) {
  char* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (out != nullptr) std::memcpy(out, text.c_str(), text.size() + 1);
  return out;
}

void set_error(char** error, const std::string& text) {
  if (error != nullptr) *error = copy_string(text);
}

class CallbackHostCalls final : public host::HostCalls {
 public:
  CallbackHostCalls(wasmacro_host_call_fn fn, void* user) : fn_(fn), user_(user) {}
  int64_t call(host::HostCall call, uint32_t a, uint32_t b, std::span<const uint8_t> data, std::string& reply) override {
    if (fn_ == nullptr) {
      reply = "the embedder answers no host calls";
      return -1;
    }
    wasmacro_reply handle{&reply};
    return fn_(user_, static_cast<uint32_t>(call), a, b, data.data(), data.size(), &handle);
  }

 private:
  wasmacro_host_call_fn fn_;
  void* user_;
};

}  // namespace

extern "C" {

uint32_t wasmacro_api_version(void) { return WASMACRO_API_VERSION; }
uint32_t wasmacro_abi_version(void) { return host::kAbiVersion; }

void wasmacro_string_free(char* string) { std::free(string); }

int wasmacro_module_load(const uint8_t* bytes, size_t len, wasmacro_module** module, char** error) {
  try {
    *module = nullptr;
    auto loaded = host::MacroModule::load({bytes, len});
    if (!loaded.ok()) {
      set_error(error, loaded.error().message);
      return 1;
    }
    *module = new wasmacro_module{std::move(loaded).value()};
    return 0;
  } catch (const std::bad_alloc&) {
    set_error(error, "out of memory while loading the module");
  } catch (...) {
    set_error(error, "internal error while loading the module");
  }
  return 1;
}

void wasmacro_module_release(wasmacro_module* module) { delete module; }

const char* wasmacro_module_metadata(const wasmacro_module* module, size_t* len) {
  const std::string& json = module->module->metadata().json;
  if (len != nullptr) *len = json.size();
  return json.c_str();
}

int wasmacro_expander_new(wasmacro_module* module, wasmacro_expander** expander, char** error) {
  try {
    *expander = nullptr;
    auto limits = host::Limits::from_environment();
    if (!limits.ok()) {
      set_error(error, limits.error().message);
      return 1;
    }
    auto created = host::Expander::create(module->module, limits.value());
    if (!created.ok()) {
      set_error(error, created.error().message);
      return 1;
    }
    *expander = new wasmacro_expander{std::move(created).value(), limits.value(), {}};
    return 0;
  } catch (const std::bad_alloc&) {
    set_error(error, "out of memory while instantiating the module");
  } catch (...) {
    set_error(error, "internal error while instantiating the module");
  }
  return 1;
}

void wasmacro_expander_free(wasmacro_expander* expander) { delete expander; }

uint32_t wasmacro_expander_max_output_depth(const wasmacro_expander* expander) {
  return expander->limits.max_output_depth;
}

void wasmacro_reply_set(wasmacro_reply* reply, const uint8_t* data, size_t len) {
  reply->buffer->assign(reinterpret_cast<const char*>(data), len);
}

wasmacro_status wasmacro_expand(wasmacro_expander* expander, const char* export_name, size_t export_len,
                                const uint8_t* input, size_t input_len, wasmacro_host_call_fn host_call,
                                void* user, wasmacro_result* result) {
  host::Expansion& last = expander->last;
  try {
    CallbackHostCalls calls(host_call, user);
    last = expander->expander->expand({export_name, export_len}, {input, input_len}, calls);
  } catch (const std::bad_alloc&) {
    last = host::Expansion{host::Outcome::Error, {}, "the host ran out of memory during the expansion", {}, 0};
  } catch (...) {
    last = host::Expansion{host::Outcome::Error, {}, "internal error in the host during the expansion", {}, 0};
  }
  result->status = static_cast<wasmacro_status>(last.outcome);
  result->output = last.output.data();
  result->output_len = last.output.size();
  result->message = last.message.c_str();
  result->message_len = last.message.size();
  result->setting = last.setting.c_str();
  result->fuel_used = last.fuel_used;
  return result->status;
}

}  // extern "C"
