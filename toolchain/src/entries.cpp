#include "entries.h"

#include <algorithm>
#include <cstdint>

namespace wasmacro::toolchain {
namespace {

enum class Tok { Ident, Punct, Literal, Lifetime, End };

struct Token {
  Tok kind = Tok::End;
  std::string text;  // identifiers and punctuation; empty for literals
  size_t begin = 0;
  size_t end = 0;
};

bool ident_start(unsigned char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80; }
bool ident_continue(unsigned char c) { return ident_start(c) || (c >= '0' && c <= '9'); }

// Just enough of Rust's lexer to step over comments, strings and chars without being fooled by
// what they contain.
class Lexer {
 public:
  explicit Lexer(const std::string& s) : s_(s) {}

  Result<Token> next() {
    skip_trivia();
    if (!error_.empty()) return Error{error_};
    Token t;
    t.begin = pos_;
    if (pos_ >= s_.size()) return t;
    unsigned char c = s_[pos_];
    if (raw_string_start()) {
      if (!skip_raw_string()) return Error{"unterminated raw string at byte " + std::to_string(t.begin)};
      t.kind = Tok::Literal;
    } else if ((c == 'b' || c == 'c') && peek(1) == '"') {
      pos_ += 1;
      if (!skip_quoted('"')) return Error{"unterminated string at byte " + std::to_string(t.begin)};
      t.kind = Tok::Literal;
    } else if (c == 'b' && peek(1) == '\'') {
      pos_ += 1;
      if (!skip_quoted('\'')) return Error{"unterminated byte literal at byte " + std::to_string(t.begin)};
      t.kind = Tok::Literal;
    } else if (ident_start(c)) {
      while (pos_ < s_.size() && ident_continue(s_[pos_])) ++pos_;
      t.kind = Tok::Ident;
      t.text = s_.substr(t.begin, pos_ - t.begin);
      if (t.text == "r" && peek(0) == '#' && pos_ + 1 < s_.size() && ident_start(s_[pos_ + 1])) {
        ++pos_;  // raw identifier r#name
        size_t name = pos_;
        while (pos_ < s_.size() && ident_continue(s_[pos_])) ++pos_;
        t.text = s_.substr(name, pos_ - name);
      }
    } else if (c >= '0' && c <= '9') {
      while (pos_ < s_.size() && (ident_continue(s_[pos_]) || (s_[pos_] == '.' && peek(1) >= '0' && peek(1) <= '9'))) ++pos_;
      t.kind = Tok::Literal;
    } else if (c == '"') {
      if (!skip_quoted('"')) return Error{"unterminated string at byte " + std::to_string(t.begin)};
      t.kind = Tok::Literal;
    } else if (c == '\'') {
      // 'x' and '\n' are chars; 'a (not closed right after one char) is a lifetime or label.
      if (peek(1) == '\\' || (peek(1) != '\0' && char_closes_after_one())) {
        if (!skip_quoted('\'')) return Error{"unterminated char at byte " + std::to_string(t.begin)};
        t.kind = Tok::Literal;
      } else {
        ++pos_;
        while (pos_ < s_.size() && ident_continue(s_[pos_])) ++pos_;
        t.kind = Tok::Lifetime;
      }
    } else {
      ++pos_;
      t.kind = Tok::Punct;
      t.text = std::string(1, static_cast<char>(c));
    }
    t.end = pos_;
    return t;
  }

 private:
  char peek(size_t ahead) const { return pos_ + ahead < s_.size() ? s_[pos_ + ahead] : '\0'; }

  void skip_trivia() {
    while (pos_ < s_.size()) {
      unsigned char c = s_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else if (c == '/' && peek(1) == '/') {
        while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
      } else if (c == '/' && peek(1) == '*') {
        size_t start = pos_;
        int depth = 0;
        do {
          if (pos_ + 1 >= s_.size()) {
            error_ = "unterminated block comment at byte " + std::to_string(start);
            return;
          }
          if (s_[pos_] == '/' && s_[pos_ + 1] == '*') {
            ++depth;
            pos_ += 2;
          } else if (s_[pos_] == '*' && s_[pos_ + 1] == '/') {
            --depth;
            pos_ += 2;
          } else {
            ++pos_;
          }
        } while (depth > 0);
      } else {
        return;
      }
    }
  }

  bool raw_string_start() const {
    size_t p = pos_;
    if (p < s_.size() && (s_[p] == 'b' || s_[p] == 'c')) ++p;
    if (p >= s_.size() || s_[p] != 'r') return false;
    ++p;
    while (p < s_.size() && s_[p] == '#') ++p;
    return p < s_.size() && s_[p] == '"';
  }

  bool skip_raw_string() {
    while (s_[pos_] != 'r') ++pos_;
    ++pos_;
    size_t hashes = 0;
    while (s_[pos_] == '#') ++hashes, ++pos_;
    ++pos_;  // opening quote
    std::string close = "\"" + std::string(hashes, '#');
    size_t end = s_.find(close, pos_);
    if (end == std::string::npos) return false;
    pos_ = end + close.size();
    return true;
  }

  bool skip_quoted(char quote) {
    ++pos_;  // opening quote
    while (pos_ < s_.size()) {
      char c = s_[pos_++];
      if (c == '\\') ++pos_;
      else if (c == quote) return true;
    }
    return false;
  }

  bool char_closes_after_one() const {
    // One UTF-8 character after the quote, then a closing quote.
    size_t p = pos_ + 1;
    unsigned char lead = s_[p];
    size_t len = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    return p + len < s_.size() && s_[p + len] == '\'';
  }

  const std::string& s_;
  size_t pos_ = 0;
  std::string error_;
};

Result<std::vector<Token>> tokenize(const std::string& source) {
  Lexer lexer(source);
  std::vector<Token> tokens;
  for (;;) {
    auto t = lexer.next();
    if (!t.ok()) return t.error();
    if (t.value().kind == Tok::End) break;
    tokens.push_back(std::move(t).value());
  }
  return tokens;
}

bool is_punct(const Token& t, char c) { return t.kind == Tok::Punct && t.text.size() == 1 && t.text[0] == c; }

// The index just past the bracket that closes the one at `open`.
size_t skip_balanced(const std::vector<Token>& toks, size_t open) {
  int depth = 0;
  for (size_t i = open; i < toks.size(); ++i) {
    if (is_punct(toks[i], '(') || is_punct(toks[i], '[') || is_punct(toks[i], '{')) ++depth;
    if (is_punct(toks[i], ')') || is_punct(toks[i], ']') || is_punct(toks[i], '}')) {
      if (--depth == 0) return i + 1;
    }
  }
  return toks.size();
}

// `Name` or `Name, attributes(a, b)` inside proc_macro_derive(...): tokens in [begin, end).
Status parse_derive_args(const std::vector<Token>& toks, size_t begin, size_t end, MacroInfo& info) {
  if (begin >= end || toks[begin].kind != Tok::Ident) return Error{"expected a derive name"};
  info.name = toks[begin].text;
  size_t i = begin + 1;
  while (i < end && is_punct(toks[i], ',')) ++i;
  if (i == end) return {};
  if (toks[i].kind != Tok::Ident || toks[i].text != "attributes" || i + 1 >= end || !is_punct(toks[i + 1], '(')) {
    return Error{"expected `attributes(...)` after the derive name"};
  }
  size_t close = skip_balanced(toks, i + 1) - 1;
  for (size_t j = i + 2; j < close; ++j) {
    if (toks[j].kind == Tok::Ident) info.attributes.push_back(toks[j].text);
    else if (!is_punct(toks[j], ',')) return Error{"unexpected token in `attributes(...)`"};
  }
  return {};
}

std::string export_name(const MacroInfo& info) { return "wasmacro_" + std::string(kind_name(info.kind)) + "_" + info.name; }

}  // namespace

Result<std::vector<Entry>> find_entries(const std::string& source) {
  auto lexed = tokenize(source);
  if (!lexed.ok()) return lexed.error();
  const std::vector<Token>& toks = lexed.value();
  std::vector<std::pair<size_t, size_t>> macro_bodies;  // token ranges of `macro_rules! name { ... }` bodies
  for (size_t i = 0; i + 3 < toks.size(); ++i) {
    if (toks[i].kind == Tok::Ident && toks[i].text == "macro_rules" && is_punct(toks[i + 1], '!') &&
        toks[i + 2].kind == Tok::Ident &&
        (is_punct(toks[i + 3], '{') || is_punct(toks[i + 3], '(') || is_punct(toks[i + 3], '['))) {
      macro_bodies.emplace_back(i + 3, skip_balanced(toks, i + 3));
    }
  }
  std::vector<Entry> entries;
  int depth = 0;
  // The run of attributes the current one belongs to, and whether a #[cfg] is among them.
  size_t run_end = toks.size();
  bool run_has_cfg = false;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (is_punct(t, '{') || is_punct(t, '(') || is_punct(t, '[')) ++depth;
    if (is_punct(t, '}') || is_punct(t, ')') || is_punct(t, ']')) --depth;
    if (!is_punct(t, '#') || i + 2 >= toks.size() || !is_punct(toks[i + 1], '[')) continue;
    const Token& name = toks[i + 2];
    size_t attr_end = skip_balanced(toks, i + 1);
    if (name.kind != Tok::Ident || i + 3 >= toks.size()) continue;
    if (depth == 0) {
      if (i != run_end) run_has_cfg = false;
      run_end = attr_end;
      run_has_cfg = run_has_cfg || name.text == "cfg";
    }
    if (depth != 0 || name.text == "cfg_attr") {
      // In a macro_rules body or a root cfg_attr: note where it is, if it declares an entry at all.
      // (Elsewhere below the root, such as in a quote! of generated code, it is not this crate's.)
      bool in_macro_rules = std::any_of(macro_bodies.begin(), macro_bodies.end(),
                                        [i](auto range) { return i > range.first && i < range.second; });
      if (depth != 0 && !in_macro_rules) continue;
      bool declares_entry = false;
      for (size_t k = i + 2; k < attr_end; ++k) {
        const std::string& w = toks[k].text;
        declares_entry = declares_entry || (toks[k].kind == Tok::Ident && k + 1 < attr_end &&
                                            (w == "proc_macro_derive" || w == "proc_macro_attribute" ||
                                             (w == "proc_macro" && !is_punct(toks[k + 1], ':'))));
      }
      if (declares_entry) {
        Entry generated;
        generated.attr_begin = t.begin;
        generated.attr_end = toks[attr_end - 1].end;
        generated.needs_expansion = true;
        entries.push_back(std::move(generated));
      }
      continue;
    }
    Entry entry;
    if (name.text == "proc_macro_derive") entry.info.kind = MacroKind::Derive;
    else if (name.text == "proc_macro_attribute") entry.info.kind = MacroKind::Attribute;
    else if (name.text == "proc_macro") entry.info.kind = MacroKind::Function;
    else continue;
    entry.attr_begin = t.begin;
    entry.attr_end = toks[attr_end - 1].end;
    if (entry.info.kind == MacroKind::Derive) {
      if (!is_punct(toks[i + 3], '(')) return Error{"#[proc_macro_derive] needs a derive name"};
      size_t args_end = skip_balanced(toks, i + 3) - 1;
      Status parsed = parse_derive_args(toks, i + 4, args_end, entry.info);
      if (!parsed.ok()) {
        return Error{"cannot read #[proc_macro_derive(...)] at byte " + std::to_string(t.begin) + ": " +
                     parsed.error().message};
      }
    }
    // The function follows, after any other attributes and its visibility. An entry under #[cfg]
    // may be compiled out: the expansion says.
    entry.needs_expansion = run_has_cfg;
    size_t j = attr_end;
    while (j + 1 < toks.size() && !(toks[j].kind == Tok::Ident && toks[j].text == "fn")) {
      if (is_punct(toks[j], '#') && is_punct(toks[j + 1], '[')) {
        if (j + 2 < toks.size() && toks[j + 2].text == "cfg") entry.needs_expansion = true;
        j = skip_balanced(toks, j + 1);
      } else if (is_punct(toks[j], '{') || is_punct(toks[j], ';')) break;
      else ++j;
    }
    if (j + 1 >= toks.size() || toks[j].text != "fn" || toks[j + 1].kind != Tok::Ident) {
      return Error{"no function follows the #[" + name.text + "] at byte " + std::to_string(t.begin)};
    }
    entry.function = toks[j + 1].text;
    if (entry.info.kind != MacroKind::Derive) entry.info.name = entry.function;
    entry.info.export_name = export_name(entry.info);
    entries.push_back(std::move(entry));
    // Continue after the attribute; the depth bookkeeping covers the brackets skipped here.
    i = attr_end - 1;
  }
  return entries;
}

std::string blank_entry_attributes(const std::string& source, const std::vector<Entry>& entries) {
  std::string out = source;
  for (const Entry& e : entries) {
    for (size_t k = e.attr_begin; k < e.attr_end; ++k) {
      if (out[k] != '\n' && out[k] != '\r') out[k] = ' ';
    }
  }
  return out;
}

std::string export_glue(const std::vector<Entry>& entries) {
  // `extern crate` inside the module works in every edition; `unsafe extern` and `unsafe(...)`
  // attributes are accepted by every edition since Rust 1.82.
  std::string out =
      "\n\n// Added by `wasmacro build`: the wasm exports that replace the proc-macro entry points.\n"
      "#[doc(hidden)]\n#[allow(unused, non_snake_case, unsafe_code)]\nmod __wasmacro_exports {\n"
      "    extern crate proc_macro as __pm;\n"
      "    unsafe extern \"Rust\" {\n"
      "        fn __wasmacro_expand1(input: *mut u8, len: usize, f: fn(__pm::TokenStream) -> __pm::TokenStream) -> *const u8;\n"
      "        fn __wasmacro_expand2(input: *mut u8, len: usize, f: fn(__pm::TokenStream, __pm::TokenStream) -> __pm::TokenStream) -> *const u8;\n"
      "    }\n";
  for (size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    const char* entry_fn = e.info.kind == MacroKind::Attribute ? "__wasmacro_expand2" : "__wasmacro_expand1";
    out += "    #[unsafe(export_name = \"" + e.info.export_name + "\")]\n";
    out += "    extern \"C\" fn export_" + std::to_string(i) + "(input: *mut u8, len: usize) -> *const u8 {\n";
    out += "        unsafe { " + std::string(entry_fn) + "(input, len, super::" + e.function + ") }\n    }\n";
  }
  out += "}\n";
  return out;
}

}  // namespace wasmacro::toolchain
