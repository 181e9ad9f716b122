#include "opcode.h"

#include <array>

namespace wasmacro::engine::detail {
namespace {

constexpr ValType type_from_char(char c) {
  switch (c) {
    case 'i': return ValType::I32;
    case 'I': return ValType::I64;
    case 'f': return ValType::F32;
    default: return ValType::F64;
  }
}

constexpr Signature parse_signature(std::string_view text) {
  Signature sig;
  if (text.empty()) return sig;
  sig.special = false;
  bool results = false;
  for (char c : text) {
    if (c == '_') {
      results = true;
    } else if (results) {
      sig.results[sig.result_count++] = type_from_char(c);
    } else {
      sig.params[sig.param_count++] = type_from_char(c);
    }
  }
  return sig;
}

constexpr std::array<OpcodeInfo, kOpcodeCount> kInfo = {{
#define WASMACRO_OPCODE(name, prefix, code, text, imm, sig, bytes) \
  {prefix, code, text, ImmediateKind::imm, parse_signature(sig), bytes},
#include "opcodes.def"
#undef WASMACRO_OPCODE
}};

struct Lookup {
  std::array<int16_t, 256> single{};
  std::array<int16_t, 32> misc{};
  constexpr Lookup() {
    single.fill(-1);
    misc.fill(-1);
    for (size_t i = 0; i < kInfo.size(); ++i) {
      if (kInfo[i].prefix == 0) single[kInfo[i].code] = static_cast<int16_t>(i);
      else misc[kInfo[i].code] = static_cast<int16_t>(i);
    }
  }
};
constexpr Lookup kLookup;

}  // namespace

const OpcodeInfo& info(Opcode op) { return kInfo[static_cast<size_t>(op)]; }

std::optional<Opcode> opcode_from_byte(uint8_t byte) {
  int16_t index = kLookup.single[byte];
  if (index < 0) return std::nullopt;
  return static_cast<Opcode>(index);
}

std::optional<Opcode> opcode_from_misc(uint32_t code) {
  if (code >= kLookup.misc.size() || kLookup.misc[code] < 0) return std::nullopt;
  return static_cast<Opcode>(kLookup.misc[code]);
}

}  // namespace wasmacro::engine::detail
