// Names of the embedder-answered host calls, as the guest imports them.
#include "abi_imports.h"

namespace wasmacro::host {

const char* to_string(HostCall call) {
  for (const detail::ImportSpec& spec : detail::kImports) {
    if (spec.forwarded == call) return spec.name.data();
  }
  return "?";
}

}  // namespace wasmacro::host
