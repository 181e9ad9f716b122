// Rust symbol demangling: the legacy scheme (Itanium-shaped `_ZN...E`) and v0 (`_R...`, RFC 2603).
// Symbols come from a guest's name section, so every input is treated as hostile: parsing is bounded
// in depth, steps and output, and any doubt returns the symbol unchanged.
#include "demangle.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wasmacro::engine {

namespace {

constexpr size_t kMaxOutput = 1 << 16;
constexpr uint32_t kMaxDepth = 256;
constexpr uint64_t kMaxSteps = 1 << 20;

void append_utf8(std::string& out, uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xc0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3f));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xe0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (code_point & 0x3f));
  } else {
    out += static_cast<char>(0xf0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3f));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3f));
    out += static_cast<char>(0x80 | (code_point & 0x3f));
  }
}

bool is_scalar_value(uint64_t code_point) {
  return code_point <= 0x10ffff && (code_point < 0xd800 || code_point > 0xdfff);
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Returns the length of the valid UTF-8 sequence at the start of `text`, or 0.
size_t utf8_sequence_length(std::string_view text, uint32_t* code_point) {
  auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  uint8_t lead = byte(0);
  size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 0;
  if (length == 0 || length > text.size()) return 0;
  uint32_t value = length == 1 ? lead : lead & (0x7f >> length);
  for (size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xc0) != 0x80) return 0;
    value = (value << 6) | (byte(i) & 0x3f);
  }
  static constexpr uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kMinimum[length] || !is_scalar_value(value)) return 0;
  *code_point = value;
  return length;
}

// ------------------------------------------------------------------------------------------------
// Legacy mangling: `_ZN` {<length><bytes>} `E`, the last element usually `h<16 hex digits>`.
// ------------------------------------------------------------------------------------------------

bool is_legacy_hash(std::string_view element) {
  if (element.size() != 17 || element[0] != 'h') return false;
  for (char c : element.substr(1))
    if (hex_digit(c) < 0) return false;
  return true;
}

// Decodes `$LT$`-style escapes and `..` separators inside one path element.
bool decode_legacy_element(std::string_view element, std::string& out) {
  if (element.size() >= 2 && element[0] == '_' && element[1] == '$') element.remove_prefix(1);
  size_t i = 0;
  while (i < element.size()) {
    char c = element[i];
    if (c == '.') {
      if (i + 1 < element.size() && element[i + 1] == '.') {
        out += "::";
        i += 2;
      } else {
        out += '.';
        i += 1;
      }
    } else if (c == '$') {
      size_t end = element.find('$', i + 1);
      if (end == std::string_view::npos) return false;
      std::string_view escape = element.substr(i + 1, end - i - 1);
      static constexpr std::pair<std::string_view, char> kEscapes[] = {
          {"SP", '@'}, {"BP", '*'}, {"RF", '&'}, {"LT", '<'}, {"GT", '>'}, {"LP", '('}, {"RP", ')'}, {"C", ','}};
      bool found = false;
      for (const auto& [name, replacement] : kEscapes) {
        if (escape == name) {
          out += replacement;
          found = true;
        }
      }
      if (!found) {
        if (escape.size() < 2 || escape.size() > 7 || escape[0] != 'u') return false;
        uint32_t code_point = 0;
        for (char h : escape.substr(1)) {
          int digit = hex_digit(h);
          if (digit < 0) return false;
          code_point = code_point * 16 + static_cast<uint32_t>(digit);
        }
        if (!is_scalar_value(code_point) || code_point < 0x20 || code_point == 0x7f) return false;
        append_utf8(out, code_point);
      }
      i = end + 1;
    } else {
      if (static_cast<uint8_t>(c) < 0x20 || c == 0x7f) return false;
      out += c;
      i += 1;
    }
  }
  return true;
}

std::optional<std::string> demangle_legacy(std::string_view symbol) {
  std::vector<std::string_view> elements;
  size_t pos = 0;
  while (true) {
    if (pos >= symbol.size()) return std::nullopt;
    if (symbol[pos] == 'E') {
      ++pos;
      break;
    }
    uint64_t length = 0;
    if (symbol[pos] < '0' || symbol[pos] > '9') return std::nullopt;
    while (pos < symbol.size() && symbol[pos] >= '0' && symbol[pos] <= '9') {
      length = length * 10 + static_cast<uint64_t>(symbol[pos] - '0');
      if (length > symbol.size()) return std::nullopt;
      ++pos;
    }
    if (length == 0 || length > symbol.size() - pos) return std::nullopt;
    elements.push_back(symbol.substr(pos, length));
    pos += length;
  }
  if (elements.empty()) return std::nullopt;
  std::string_view suffix = symbol.substr(pos);
  if (!suffix.empty() && suffix[0] != '.') return std::nullopt;  // e.g. a C++ symbol's parameter types
  if (elements.size() > 1 && is_legacy_hash(elements.back())) elements.pop_back();

  std::string out;
  for (size_t i = 0; i < elements.size(); ++i) {
    if (i != 0) out += "::";
    if (!decode_legacy_element(elements[i], out)) return std::nullopt;
  }
  out += suffix;  // a vendor suffix such as `.0` distinguishes otherwise equal names
  return out;
}

// ------------------------------------------------------------------------------------------------
// Punycode (RFC 3492), used by v0 for non-ASCII identifiers.
// ------------------------------------------------------------------------------------------------

std::optional<std::string> decode_punycode(std::string_view ascii, std::string_view encoded) {
  constexpr uint64_t kBase = 36, kTMin = 1, kTMax = 26, kSkew = 38, kDamp = 700;
  constexpr size_t kMaxCodePoints = 1024;
  std::vector<uint32_t> output;
  for (char c : ascii) output.push_back(static_cast<uint8_t>(c));

  auto adapt = [&](uint64_t delta, uint64_t count, bool first) {
    delta = first ? delta / kDamp : delta / 2;
    delta += delta / count;
    uint64_t k = 0;
    while (delta > ((kBase - kTMin) * kTMax) / 2) {
      delta /= kBase - kTMin;
      k += kBase;
    }
    return k + (kBase - kTMin + 1) * delta / (delta + kSkew);
  };

  uint64_t n = 0x80, i = 0, bias = 72;
  size_t pos = 0;
  while (pos < encoded.size()) {
    uint64_t old_i = i, weight = 1;
    for (uint64_t k = kBase;; k += kBase) {
      if (pos >= encoded.size()) return std::nullopt;
      char c = encoded[pos++];
      uint64_t digit;
      if (c >= 'a' && c <= 'z') {
        digit = static_cast<uint64_t>(c - 'a');
      } else if (c >= '0' && c <= '9') {
        digit = static_cast<uint64_t>(c - '0') + 26;
      } else {
        return std::nullopt;
      }
      i += digit * weight;
      if (i > UINT32_MAX) return std::nullopt;
      uint64_t t = k <= bias ? kTMin : (k >= bias + kTMax ? kTMax : k - bias);
      if (digit < t) break;
      weight *= kBase - t;
      if (weight > UINT32_MAX) return std::nullopt;
    }
    uint64_t count = output.size() + 1;
    bias = adapt(i - old_i, count, old_i == 0);
    n += i / count;
    i %= count;
    if (!is_scalar_value(n) || output.size() >= kMaxCodePoints) return std::nullopt;
    output.insert(output.begin() + static_cast<std::ptrdiff_t>(i), static_cast<uint32_t>(n));
    ++i;
  }
  std::string out;
  for (uint32_t code_point : output) append_utf8(out, code_point);
  return out;
}

// ------------------------------------------------------------------------------------------------
// v0 mangling. Grammar: https://doc.rust-lang.org/rustc/symbol-mangling/v0.html
// Parsing and printing happen in one pass, as in rustc-demangle; backrefs re-parse from an earlier
// position, and are not followed at all while printing is off (their target was already checked).
// ------------------------------------------------------------------------------------------------

struct Ident {
  std::string_view ascii;
  std::string_view punycode;  // non-empty only for `u`-prefixed identifiers
};

const char* basic_type(char tag) {
  switch (tag) {
    case 'a': return "i8";
    case 'b': return "bool";
    case 'c': return "char";
    case 'd': return "f64";
    case 'e': return "str";
    case 'f': return "f32";
    case 'h': return "u8";
    case 'i': return "isize";
    case 'j': return "usize";
    case 'l': return "i32";
    case 'm': return "u32";
    case 'n': return "i128";
    case 'o': return "u128";
    case 's': return "i16";
    case 't': return "u16";
    case 'u': return "()";
    case 'v': return "...";
    case 'x': return "i64";
    case 'y': return "u64";
    case 'z': return "!";
    case 'p': return "_";
    default: return nullptr;
  }
}

class V0Demangler {
 public:
  explicit V0Demangler(std::string_view symbol) : symbol_(symbol) {}

  std::optional<std::string> run() {
    if (!symbol_.empty() && symbol_[0] >= '0' && symbol_[0] <= '9') return std::nullopt;  // encoding version
    if (!path(true)) return std::nullopt;
    if (pos_ < symbol_.size() && symbol_[pos_] >= 'A' && symbol_[pos_] <= 'Z') {
      // The instantiating crate is not part of the name.
      printing_ = false;
      if (!path(false)) return std::nullopt;
      printing_ = true;
    }
    if (pos_ != symbol_.size() || failed_) return std::nullopt;
    return std::move(out_);
  }

 private:
  // Counts recursion and total work; every recursive production takes one.
  class Guard {
   public:
    explicit Guard(V0Demangler& d) : d_(d) {
      ++d_.depth_;
      ++d_.steps_;
      if (d_.depth_ > kMaxDepth || d_.steps_ > kMaxSteps) d_.failed_ = true;
    }
    ~Guard() { --d_.depth_; }
    Guard(const Guard&) = delete;
    Guard& operator=(const Guard&) = delete;
    bool ok() const { return !d_.failed_; }

   private:
    V0Demangler& d_;
  };

  bool fail() {
    failed_ = true;
    return false;
  }
  bool at_end() const { return pos_ >= symbol_.size(); }
  char peek() const { return at_end() ? '\0' : symbol_[pos_]; }
  bool eat(char c) {
    if (at_end() || symbol_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  bool next(char& c) {
    if (at_end()) return fail();
    c = symbol_[pos_++];
    return true;
  }

  void print(std::string_view text) {
    if (!printing_) return;
    out_ += text;
    if (out_.size() > kMaxOutput) failed_ = true;
  }
  void print_number(uint64_t value) { print(std::to_string(value)); }

  // <base-62-number> = {<0-9a-zA-Z>} "_", where "_" is 0 and digits d mean d + 1.
  bool integer_62(uint64_t& value) {
    if (eat('_')) {
      value = 0;
      return true;
    }
    uint64_t x = 0;
    while (!eat('_')) {
      char c;
      if (!next(c)) return false;
      uint64_t digit;
      if (c >= '0' && c <= '9') {
        digit = static_cast<uint64_t>(c - '0');
      } else if (c >= 'a' && c <= 'z') {
        digit = static_cast<uint64_t>(c - 'a') + 10;
      } else if (c >= 'A' && c <= 'Z') {
        digit = static_cast<uint64_t>(c - 'A') + 36;
      } else {
        return fail();
      }
      if (x > (UINT64_MAX - digit) / 62) return fail();
      x = x * 62 + digit;
    }
    if (x == UINT64_MAX) return fail();
    value = x + 1;
    return true;
  }

  // [<tag> <base-62-number>], absent meaning 0.
  bool opt_integer_62(char tag, uint64_t& value) {
    value = 0;
    if (!eat(tag)) return true;
    if (!integer_62(value)) return false;
    if (value == UINT64_MAX) return fail();
    value += 1;
    return true;
  }

  bool decimal(uint64_t& value) {
    char c = peek();
    if (c < '0' || c > '9') return fail();
    if (eat('0')) {
      value = 0;
      return true;
    }
    uint64_t x = 0;
    while (peek() >= '0' && peek() <= '9') {
      uint64_t digit = static_cast<uint64_t>(symbol_[pos_++] - '0');
      if (x > (UINT64_MAX - digit) / 10) return fail();
      x = x * 10 + digit;
    }
    value = x;
    return true;
  }

  // <undisambiguated-identifier> = ["u"] <decimal-number> ["_"] <bytes>
  bool ident(Ident& id) {
    bool is_punycode = eat('u');
    uint64_t length;
    if (!decimal(length)) return false;
    eat('_');
    if (length > symbol_.size() - pos_) return fail();
    std::string_view bytes = symbol_.substr(pos_, length);
    pos_ += length;
    if (!is_punycode) {
      id = {bytes, {}};
      return true;
    }
    size_t separator = bytes.rfind('_');
    if (separator == std::string_view::npos) {
      id = {{}, bytes};
    } else {
      id = {bytes.substr(0, separator), bytes.substr(separator + 1)};
    }
    if (id.punycode.empty()) return fail();
    return true;
  }

  void print_ident(const Ident& id) {
    if (id.punycode.empty()) {
      print(id.ascii);
      return;
    }
    if (auto decoded = decode_punycode(id.ascii, id.punycode)) {
      print(*decoded);
      return;
    }
    // Undecodable: show the raw form rather than give up on the whole symbol.
    print("punycode{");
    if (!id.ascii.empty()) {
      print(id.ascii);
      print("-");
    }
    print(id.punycode);
    print("}");
  }

  // Runs `parse` at the position a backref names, then returns to just after the backref.
  template <typename Parse>
  bool backref(Parse parse) {
    size_t start = pos_ - 1;  // the 'B'
    uint64_t target;
    if (!integer_62(target)) return false;
    if (target >= start) return fail();
    if (!printing_) return true;
    Guard guard(*this);
    if (!guard.ok()) return false;
    size_t saved = pos_;
    pos_ = static_cast<size_t>(target);
    bool ok = parse();
    pos_ = saved;
    return ok;
  }

  bool print_lifetime(uint64_t index) {
    print("'");
    if (index == 0) {
      print("_");
      return true;
    }
    if (index > bound_lifetimes_) return fail();
    uint64_t depth = bound_lifetimes_ - index;
    if (depth < 26) {
      char name = static_cast<char>('a' + depth);
      print(std::string_view(&name, 1));
    } else {
      print("_");
      print_number(depth);
    }
    return true;
  }

  // <binder> = "G" <base-62-number>: introduces lifetimes for what `body` prints.
  template <typename Body>
  bool in_binder(Body body) {
    uint64_t count;
    if (!opt_integer_62('G', count)) return false;
    if (count > 1024 || bound_lifetimes_ > UINT32_MAX) return fail();
    uint64_t saved = bound_lifetimes_;
    if (count > 0) {
      print("for<");
      for (uint64_t i = 0; i < count; ++i) {
        if (i > 0) print(", ");
        ++bound_lifetimes_;
        if (!print_lifetime(1)) return false;
      }
      print("> ");
    }
    bool ok = body();
    bound_lifetimes_ = saved;
    return ok;
  }

  // Parses items until `E`, printing `separator` between them; returns the count in `count`.
  template <typename Item>
  bool list(Item item, std::string_view separator, size_t* count = nullptr) {
    size_t n = 0;
    while (!eat('E')) {
      if (at_end()) return fail();
      if (n > 0) print(separator);
      if (!item()) return false;
      ++n;
    }
    if (count) *count = n;
    return true;
  }

  bool path(bool in_value) {
    Guard guard(*this);
    if (!guard.ok()) return false;
    char tag;
    if (!next(tag)) return false;
    switch (tag) {
      case 'C': {
        uint64_t disambiguator;
        Ident name;
        if (!opt_integer_62('s', disambiguator) || !ident(name)) return false;
        print_ident(name);
        return true;
      }
      case 'N': {
        char ns;
        if (!next(ns)) return false;
        bool upper = ns >= 'A' && ns <= 'Z';
        if (!upper && !(ns >= 'a' && ns <= 'z')) return fail();
        if (!path(in_value)) return false;
        uint64_t disambiguator;
        Ident name;
        if (!opt_integer_62('s', disambiguator) || !ident(name)) return false;
        if (upper) {
          print("::{");
          if (ns == 'C') {
            print("closure");
          } else if (ns == 'S') {
            print("shim");
          } else {
            print(std::string_view(&ns, 1));
          }
          if (!name.ascii.empty() || !name.punycode.empty()) {
            print(":");
            print_ident(name);
          }
          print("#");
          print_number(disambiguator);
          print("}");
        } else if (!name.ascii.empty() || !name.punycode.empty()) {
          print("::");
          print_ident(name);
        }
        return true;
      }
      case 'M':
      case 'X':
      case 'Y': {
        if (tag != 'Y') {
          // The impl's own path only disambiguates; the name shows the self type instead.
          uint64_t disambiguator;
          if (!opt_integer_62('s', disambiguator)) return false;
          bool saved = printing_;
          printing_ = false;
          bool ok = path(false);
          printing_ = saved;
          if (!ok) return false;
        }
        print("<");
        if (!type()) return false;
        if (tag != 'M') {
          print(" as ");
          if (!path(false)) return false;
        }
        print(">");
        return true;
      }
      case 'I': {
        if (!path(in_value)) return false;
        if (in_value) print("::");
        print("<");
        if (!list([&] { return generic_arg(); }, ", ")) return false;
        print(">");
        return true;
      }
      case 'B': return backref([&] { return path(in_value); });
      default: return fail();
    }
  }

  bool generic_arg() {
    if (eat('L')) {
      uint64_t lifetime;
      return integer_62(lifetime) && print_lifetime(lifetime);
    }
    if (eat('K')) return constant(false);
    return type();
  }

  bool type() {
    Guard guard(*this);
    if (!guard.ok()) return false;
    char tag;
    if (!next(tag)) return false;
    if (const char* name = basic_type(tag)) {
      print(name);
      return true;
    }
    switch (tag) {
      case 'R':
      case 'Q': {
        print("&");
        if (eat('L')) {
          uint64_t lifetime;
          if (!integer_62(lifetime)) return false;
          if (lifetime != 0) {
            if (!print_lifetime(lifetime)) return false;
            print(" ");
          }
        }
        if (tag == 'Q') print("mut ");
        return type();
      }
      case 'P': print("*const "); return type();
      case 'O': print("*mut "); return type();
      case 'A':
        print("[");
        if (!type()) return false;
        print("; ");
        if (!constant(true)) return false;
        print("]");
        return true;
      case 'S':
        print("[");
        if (!type()) return false;
        print("]");
        return true;
      case 'T': {
        print("(");
        size_t count;
        if (!list([&] { return type(); }, ", ", &count)) return false;
        if (count == 1) print(",");
        print(")");
        return true;
      }
      case 'F': return in_binder([&] { return fn_sig(); });
      case 'D': {
        print("dyn ");
        if (!in_binder([&] { return list([&] { return dyn_trait(); }, " + "); })) return false;
        if (!eat('L')) return fail();
        uint64_t lifetime;
        if (!integer_62(lifetime)) return false;
        if (lifetime != 0) {
          print(" + ");
          return print_lifetime(lifetime);
        }
        return true;
      }
      case 'B': return backref([&] { return type(); });
      default: --pos_; return path(false);
    }
  }

  // <fn-sig> = [<binder>] ["U"] ["K" <abi>] {<type>} "E" <type>; the binder is already consumed.
  bool fn_sig() {
    bool is_unsafe = eat('U');
    std::string abi;
    if (eat('K')) {
      if (eat('C')) {
        abi = "C";
      } else {
        Ident name;
        if (!ident(name) || !name.punycode.empty()) return fail();
        abi = name.ascii;
        for (char& c : abi)
          if (c == '_') c = '-';
      }
    }
    if (is_unsafe) print("unsafe ");
    if (!abi.empty()) {
      print("extern \"");
      print(abi);
      print("\" ");
    }
    print("fn(");
    if (!list([&] { return type(); }, ", ")) return false;
    print(")");
    if (eat('u')) return true;  // unit return type is not shown
    print(" -> ");
    return type();
  }

  // Prints a trait path leaving its generic list open, so associated type bindings can join it.
  bool path_maybe_open_generics(bool& open) {
    Guard guard(*this);
    if (!guard.ok()) return false;
    if (eat('B')) {
      open = false;
      return backref([&] { return path_maybe_open_generics(open); });
    }
    if (eat('I')) {
      if (!path(false)) return false;
      print("<");
      if (!list([&] { return generic_arg(); }, ", ")) return false;
      open = true;
      return true;
    }
    open = false;
    return path(false);
  }

  bool dyn_trait() {
    bool open = false;
    if (!path_maybe_open_generics(open)) return false;
    while (eat('p')) {
      print(open ? ", " : "<");
      open = true;
      Ident name;
      if (!ident(name)) return false;
      print_ident(name);
      print(" = ");
      if (!type()) return false;
    }
    if (open) print(">");
    return true;
  }

  // <const-data> = ["n"] {<hex-digit>} "_"
  bool hex_nibbles(std::string_view& nibbles) {
    size_t start = pos_;
    while (hex_digit(peek()) >= 0) ++pos_;
    nibbles = symbol_.substr(start, pos_ - start);
    return eat('_') || fail();
  }

  void print_hex_integer(std::string_view nibbles) {
    while (!nibbles.empty() && nibbles[0] == '0') nibbles.remove_prefix(1);
    if (nibbles.size() <= 16) {
      uint64_t value = 0;
      for (char c : nibbles) value = value * 16 + static_cast<uint64_t>(hex_digit(c));
      print_number(value);
    } else {
      print("0x");
      print(nibbles);
    }
  }

  void print_quoted_char(uint32_t code_point, char quote) {
    switch (code_point) {
      case '\t': print("\\t"); return;
      case '\n': print("\\n"); return;
      case '\r': print("\\r"); return;
      case '\0': print("\\0"); return;
      case '\\': print("\\\\"); return;
      default: break;
    }
    if (code_point == static_cast<uint32_t>(quote)) {
      char escaped[2] = {'\\', quote};
      print(std::string_view(escaped, 2));
    } else if (code_point < 0x20 || code_point == 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      char escaped[] = {'\\', 'u', '{', kHex[code_point >> 4], kHex[code_point & 0xf], '}'};
      print(std::string_view(escaped, sizeof escaped));
    } else {
      std::string utf8;
      append_utf8(utf8, code_point);
      print(utf8);
    }
  }

  bool string_literal() {
    std::string_view nibbles;
    if (!hex_nibbles(nibbles) || nibbles.size() % 2 != 0) return fail();
    std::string bytes;
    for (size_t i = 0; i < nibbles.size(); i += 2)
      bytes += static_cast<char>(hex_digit(nibbles[i]) * 16 + hex_digit(nibbles[i + 1]));
    print("\"");
    std::string_view rest = bytes;
    while (!rest.empty()) {
      uint32_t code_point;
      size_t length = utf8_sequence_length(rest, &code_point);
      if (length == 0) return fail();
      print_quoted_char(code_point, '"');
      rest.remove_prefix(length);
    }
    print("\"");
    return true;
  }

  // <const> = <type> <const-data> | "p" | <backref>, plus the structural forms of newer rustc.
  // Compound constants in a generic argument list are braced, as in Rust source.
  bool constant(bool in_value) {
    Guard guard(*this);
    if (!guard.ok()) return false;
    if (eat('B')) return backref([&] { return constant(in_value); });
    char tag;
    if (!next(tag)) return false;
    std::string_view nibbles;
    switch (tag) {
      case 'p': print("_"); return true;
      case 'h':
      case 't':
      case 'm':
      case 'y':
      case 'o':
      case 'j':
        if (!hex_nibbles(nibbles)) return false;
        print_hex_integer(nibbles);
        return true;
      case 'a':
      case 's':
      case 'l':
      case 'x':
      case 'n':
      case 'i':
        if (eat('n')) print("-");
        if (!hex_nibbles(nibbles)) return false;
        print_hex_integer(nibbles);
        return true;
      case 'b':
        if (!hex_nibbles(nibbles)) return false;
        if (nibbles == "0") {
          print("false");
        } else if (nibbles == "1") {
          print("true");
        } else {
          return fail();
        }
        return true;
      case 'c': {
        if (!hex_nibbles(nibbles) || nibbles.size() > 6) return fail();
        uint64_t code_point = 0;
        for (char c : nibbles) code_point = code_point * 16 + static_cast<uint64_t>(hex_digit(c));
        if (!is_scalar_value(code_point)) return fail();
        print("'");
        print_quoted_char(static_cast<uint32_t>(code_point), '\'');
        print("'");
        return true;
      }
      default: break;
    }
    if (!in_value) print("{");
    bool ok = compound_constant(tag);
    if (!in_value) print("}");
    return ok;
  }

  bool compound_constant(char tag) {
    switch (tag) {
      case 'e': print("*"); return string_literal();
      case 'R':
      case 'Q':
        if (tag == 'R' && eat('e')) return string_literal();
        print(tag == 'R' ? "&" : "&mut ");
        return constant(true);
      case 'A':
        print("[");
        if (!list([&] { return constant(true); }, ", ")) return false;
        print("]");
        return true;
      case 'T': {
        print("(");
        size_t count;
        if (!list([&] { return constant(true); }, ", ", &count)) return false;
        if (count == 1) print(",");
        print(")");
        return true;
      }
      case 'V': {
        if (!path(true)) return false;
        char kind;
        if (!next(kind)) return false;
        if (kind == 'U') return true;
        if (kind == 'T') {
          print("(");
          if (!list([&] { return constant(true); }, ", ")) return false;
          print(")");
          return true;
        }
        if (kind == 'S') {
          print(" { ");
          bool ok = list(
              [&] {
                uint64_t disambiguator;
                Ident name;
                if (!opt_integer_62('s', disambiguator) || !ident(name)) return false;
                print_ident(name);
                print(": ");
                return constant(true);
              },
              ", ");
          if (!ok) return false;
          print(" }");
          return true;
        }
        return fail();
      }
      default: return fail();
    }
  }

  std::string_view symbol_;
  size_t pos_ = 0;
  std::string out_;
  bool printing_ = true;
  bool failed_ = false;
  uint32_t depth_ = 0;
  uint64_t steps_ = 0;
  uint64_t bound_lifetimes_ = 0;
};

// LLVM appends `.llvm.<hash>` to symbols it renames while optimising; it is noise for a reader.
std::string_view strip_llvm_suffix(std::string_view symbol) {
  size_t llvm = symbol.find(".llvm.");
  if (llvm != std::string_view::npos) {
    bool all_hex = true;
    for (char c : symbol.substr(llvm + 6))
      if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || c == '@')) all_hex = false;
    if (all_hex) symbol = symbol.substr(0, llvm);
  }
  return symbol;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

}  // namespace

std::string demangle_rust(std::string_view symbol) {
  std::string_view body = strip_llvm_suffix(symbol);

  std::string_view legacy;
  if (starts_with(body, "_ZN")) {
    legacy = body.substr(3);
  } else if (starts_with(body, "__ZN")) {
    legacy = body.substr(4);
  } else if (starts_with(body, "ZN")) {
    legacy = body.substr(2);
  }
  if (!legacy.empty()) {
    if (auto out = demangle_legacy(legacy)) return *out;
    return std::string(symbol);
  }

  std::string_view v0;
  if (starts_with(body, "_R")) {
    v0 = body.substr(2);
  } else if (starts_with(body, "__R")) {
    v0 = body.substr(3);
  }
  if (v0.empty()) return std::string(symbol);
  // v0 symbols use only [A-Za-z0-9_]; anything after that is a vendor suffix such as `.0`, kept as is.
  size_t end = 0;
  while (end < v0.size()) {
    char c = v0[end];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) break;
    ++end;
  }
  std::string_view vendor_suffix = v0.substr(end);
  if (!vendor_suffix.empty() && vendor_suffix[0] != '.' && vendor_suffix[0] != '$') return std::string(symbol);
  V0Demangler demangler(v0.substr(0, end));
  if (auto out = demangler.run()) return *out + std::string(vendor_suffix);
  return std::string(symbol);
}

}  // namespace wasmacro::engine
