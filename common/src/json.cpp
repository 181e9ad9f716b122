#include "wasmacro/common/json.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <system_error>

namespace wasmacro::common::json {

// ------------------------------------------------------------------------------------------------
// Value
// ------------------------------------------------------------------------------------------------

namespace {

// Length of the well-formed UTF-8 sequence at the start of `text` (no overlong forms, no
// surrogates, nothing past U+10FFFF), or 0 if there is none.
size_t utf8_sequence_length(std::string_view text) {
  if (text.empty()) return 0;
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  size_t length = (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : (lead >> 3) == 0x1e ? 4 : 0;
  if (length == 0 || text.size() < length) return 0;
  uint32_t value = lead & (0x7f >> length);
  for (size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xc0) != 0x80) return 0;
    value = (value << 6) | (byte(i) & 0x3f);
  }
  static constexpr uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kMinimum[length] || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return 0;
  return length;
}

const Value& null_value() {
  static const Value kNull;
  return kNull;
}

}  // namespace

Value::Value() = default;
Value::Value(std::nullptr_t) {}
Value::Value(bool value) : kind_(Kind::Bool), bool_(value) {}
Value::Value(int value) : Value(static_cast<int64_t>(value)) {}
Value::Value(int64_t value)
    : kind_(Kind::Number), is_integer_(true), integer_(value), number_(static_cast<double>(value)) {}
Value::Value(uint32_t value) : Value(static_cast<int64_t>(value)) {}
Value::Value(double value) : kind_(Kind::Number), number_(value) {}
Value::Value(std::string value) : kind_(Kind::String), string_(std::move(value)) {}
Value::Value(std::string_view value) : Value(std::string(value)) {}
Value::Value(const char* value) : Value(std::string(value)) {}
Value::Value(const Value& other) = default;
Value::Value(Value&& other) noexcept = default;
Value& Value::operator=(const Value& other) = default;
Value& Value::operator=(Value&& other) noexcept = default;
Value::~Value() = default;

Value::Value(uint64_t value) : kind_(Kind::Number), number_(static_cast<double>(value)) {
  if (value <= static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
    is_integer_ = true;
    integer_ = static_cast<int64_t>(value);
  }
}

Value Value::array() { return array(Array()); }

Value Value::array(Array elements) {
  Value value;
  value.kind_ = Kind::Array;
  value.array_ = std::move(elements);
  return value;
}

Value Value::object() { return object(Object()); }

Value Value::object(Object members) {
  Value value;
  value.kind_ = Kind::Object;
  value.object_ = std::move(members);
  return value;
}

std::optional<int64_t> Value::as_int64() const {
  if (kind_ != Kind::Number || !is_integer_) return std::nullopt;
  return integer_;
}

const std::string& Value::as_string() const {
  static const std::string kEmpty;
  return kind_ == Kind::String ? string_ : kEmpty;
}

const Value::Array& Value::as_array() const {
  static const Array kEmpty;
  return kind_ == Kind::Array ? array_ : kEmpty;
}

const Value::Object& Value::as_object() const {
  static const Object kEmpty;
  return kind_ == Kind::Object ? object_ : kEmpty;
}

size_t Value::size() const {
  if (kind_ == Kind::Array) return array_.size();
  if (kind_ == Kind::Object) return object_.size();
  return 0;
}

const Value& Value::operator[](size_t index) const {
  if (kind_ != Kind::Array || index >= array_.size()) return null_value();
  return array_[index];
}

const Value& Value::operator[](std::string_view key) const {
  const Value* member = find(key);
  return member ? *member : null_value();
}

const Value* Value::find(std::string_view key) const {
  if (kind_ != Kind::Object) return nullptr;
  for (const Member& member : object_)
    if (member.key == key) return &member.value;
  return nullptr;
}

Value& Value::push_back(Value element) {
  Array& elements = mutable_array();
  elements.push_back(std::move(element));
  return elements.back();
}

Value& Value::set(std::string key, Value value) {
  Object& members = mutable_object();
  for (Member& member : members) {
    if (member.key == key) {
      member.value = std::move(value);
      return member.value;
    }
  }
  members.push_back({std::move(key), std::move(value)});
  return members.back().value;
}

Value::Array& Value::mutable_array() {
  if (kind_ == Kind::Null) kind_ = Kind::Array;
  return array_;
}

Value::Object& Value::mutable_object() {
  if (kind_ == Kind::Null) kind_ = Kind::Object;
  return object_;
}

bool Value::operator==(const Value& other) const {
  if (kind_ != other.kind_) return false;
  switch (kind_) {
    case Kind::Null: return true;
    case Kind::Bool: return bool_ == other.bool_;
    case Kind::Number:
      if (is_integer_ && other.is_integer_) return integer_ == other.integer_;
      return number_ == other.number_;
    case Kind::String: return string_ == other.string_;
    case Kind::Array: return array_ == other.array_;
    case Kind::Object: return object_ == other.object_;
  }
  return false;
}

// ------------------------------------------------------------------------------------------------
// Parser
// ------------------------------------------------------------------------------------------------

std::string ParseError::describe() const {
  return "at line " + std::to_string(line) + ", column " + std::to_string(column) + " (byte " + std::to_string(offset) +
         "): " + message;
}

namespace {

class Parser {
 public:
  Parser(std::string_view text, const ParseOptions& options) : text_(text), options_(options) {}

  ParseResult run() {
    skip_whitespace();
    Value value;
    if (!parse_value(value, 0)) return take_error();
    skip_whitespace();
    if (pos_ != text_.size()) {
      error_at(pos_, "unexpected " + found() + " after the JSON value; expected end of input");
      return take_error();
    }
    return value;
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  // A short description of what is at the current position, for messages.
  std::string found() const {
    if (at_end()) return "end of input";
    unsigned char c = static_cast<unsigned char>(text_[pos_]);
    char buffer[16];
    if (c >= 0x20 && c < 0x7f) {
      std::snprintf(buffer, sizeof buffer, "'%c'", c);
    } else {
      std::snprintf(buffer, sizeof buffer, "byte 0x%02x", c);
    }
    return buffer;
  }

  bool error_at(size_t offset, std::string message) {
    if (!error_) {
      ParseError error;
      error.offset = offset;
      for (size_t i = 0; i < offset && i < text_.size(); ++i) {
        if (text_[i] == '\n') {
          ++error.line;
          error.column = 1;
        } else {
          ++error.column;
        }
      }
      error.message = std::move(message);
      error_ = std::move(error);
    }
    return false;
  }

  // Every failing path records an error first; the fallback only keeps this total.
  ParseResult take_error() { return std::move(error_).value_or(ParseError{pos_, 1, 1, "parse failed"}); }

  void skip_whitespace() {
    while (!at_end()) {
      char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++pos_;
    }
  }

  bool expect_literal(std::string_view literal) {
    if (text_.substr(pos_, literal.size()) != literal)
      return error_at(pos_, "invalid literal; expected '" + std::string(literal) + "'");
    pos_ += literal.size();
    return true;
  }

  bool parse_value(Value& out, size_t depth) {
    switch (peek()) {
      case 'n': out = Value(); return expect_literal("null");
      case 't': out = Value(true); return expect_literal("true");
      case 'f': out = Value(false); return expect_literal("false");
      case '"': {
        std::string text;
        if (!parse_string(text)) return false;
        out = Value(std::move(text));
        return true;
      }
      case '[': return parse_array(out, depth + 1);
      case '{': return parse_object(out, depth + 1);
      default:
        if (peek() == '-' || (peek() >= '0' && peek() <= '9')) return parse_number(out);
        return error_at(pos_, "unexpected " + found() + "; expected a JSON value");
    }
  }

  bool check_depth(size_t depth) {
    if (depth > options_.max_depth)
      return error_at(pos_, "nesting deeper than " + std::to_string(options_.max_depth) + " levels");
    return true;
  }

  bool parse_array(Value& out, size_t depth) {
    if (!check_depth(depth)) return false;
    ++pos_;  // '['
    out = Value::array();
    Value::Array& elements = out.mutable_array();
    skip_whitespace();
    if (peek() == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_whitespace();
      Value element;
      if (!parse_value(element, depth)) return false;
      elements.push_back(std::move(element));
      skip_whitespace();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ']') {
        ++pos_;
        return true;
      }
      return error_at(pos_, "unexpected " + found() + "; expected ',' or ']' after an array element");
    }
  }

  bool parse_object(Value& out, size_t depth) {
    if (!check_depth(depth)) return false;
    ++pos_;  // '{'
    out = Value::object();
    Value::Object& members = out.mutable_object();
    skip_whitespace();
    if (peek() == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_whitespace();
      size_t key_offset = pos_;
      if (peek() != '"') return error_at(pos_, "unexpected " + found() + "; expected a string as object key");
      std::string key;
      if (!parse_string(key)) return false;
      if (!options_.allow_duplicate_keys) {
        for (const Member& member : members)
          if (member.key == key) return error_at(key_offset, "duplicate object key \"" + key + "\"");
      }
      skip_whitespace();
      if (peek() != ':') return error_at(pos_, "unexpected " + found() + "; expected ':' after an object key");
      ++pos_;
      skip_whitespace();
      Value value;
      if (!parse_value(value, depth)) return false;
      members.push_back({std::move(key), std::move(value)});
      skip_whitespace();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        return true;
      }
      return error_at(pos_, "unexpected " + found() + "; expected ',' or '}' after an object member");
    }
  }

  static void append_utf8(std::string& out, uint32_t code_point) {
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

  bool parse_hex4(uint32_t& value) {
    value = 0;
    for (int i = 0; i < 4; ++i) {
      char c = peek();
      uint32_t digit;
      if (c >= '0' && c <= '9') {
        digit = static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        digit = static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        digit = static_cast<uint32_t>(c - 'A' + 10);
      } else {
        return error_at(pos_, "unexpected " + found() + "; expected 4 hex digits after \\u");
      }
      value = value * 16 + digit;
      ++pos_;
    }
    return true;
  }

  // Consumes one multi-byte UTF-8 sequence, checking it is well-formed.
  bool copy_utf8(std::string& out) {
    size_t length = utf8_sequence_length(text_.substr(pos_));
    if (length == 0) return error_at(pos_, "invalid UTF-8 in string");
    out.append(text_.substr(pos_, length));
    pos_ += length;
    return true;
  }

  bool parse_string(std::string& out) {
    size_t start = pos_;
    ++pos_;  // '"'
    while (true) {
      if (at_end()) return error_at(start, "unterminated string");
      unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return error_at(pos_, "control character in string; it must be escaped");
      if (c >= 0x80) {
        if (!copy_utf8(out)) return false;
        continue;
      }
      if (c != '\\') {
        out += static_cast<char>(c);
        ++pos_;
        continue;
      }
      size_t escape_offset = pos_;
      ++pos_;
      char escape = peek();
      ++pos_;
      switch (escape) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          uint32_t unit;
          if (!parse_hex4(unit)) return false;
          if (unit >= 0xdc00 && unit <= 0xdfff) return error_at(escape_offset, "unpaired low surrogate in \\u escape");
          if (unit >= 0xd800 && unit <= 0xdbff) {
            if (text_.substr(pos_, 2) != "\\u")
              return error_at(escape_offset, "high surrogate not followed by a \\u low surrogate");
            pos_ += 2;
            uint32_t low;
            if (!parse_hex4(low)) return false;
            if (low < 0xdc00 || low > 0xdfff)
              return error_at(escape_offset, "high surrogate not followed by a \\u low surrogate");
            unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
          }
          append_utf8(out, unit);
          break;
        }
        default:
          pos_ = escape_offset + 1;
          return error_at(escape_offset, "invalid escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u");
      }
    }
  }

  static bool is_digit(char c) { return c >= '0' && c <= '9'; }

  bool parse_number(Value& out) {
    size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
      if (is_digit(peek())) return error_at(pos_, "leading zero in number");
    } else if (is_digit(peek())) {
      while (is_digit(peek())) ++pos_;
    } else {
      return error_at(pos_, "unexpected " + found() + "; expected a digit");
    }
    bool integral = true;
    if (peek() == '.') {
      integral = false;
      ++pos_;
      if (!is_digit(peek())) return error_at(pos_, "unexpected " + found() + "; expected a digit after '.'");
      while (is_digit(peek())) ++pos_;
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!is_digit(peek())) return error_at(pos_, "unexpected " + found() + "; expected a digit in the exponent");
      while (is_digit(peek())) ++pos_;
    }
    const char* first = text_.data() + start;
    const char* last = text_.data() + pos_;
    if (integral) {
      int64_t integer;
      auto [end, ec] = std::from_chars(first, last, integer);
      if (ec == std::errc() && end == last) {
        out = Value(integer);
        return true;
      }
    }
    double number;
    auto [end, ec] = std::from_chars(first, last, number);
    if (ec == std::errc::result_out_of_range) {
      // Too small rounds to zero, as any JSON reader would; too large has no double to become.
      if (!is_underflow(text_.substr(start, pos_ - start))) return error_at(start, "number too large for a double");
      number = text_[start] == '-' ? -0.0 : 0.0;
    } else if (ec != std::errc() || end != last) {
      return error_at(start, "malformed number");
    }
    out = Value(number);
    return true;
  }

  // For a well-formed number that from_chars found out of range: whether its magnitude is below 1,
  // from the position of its first significant digit and its exponent.
  static bool is_underflow(std::string_view number) {
    size_t i = number[0] == '-' ? 1 : 0;
    int64_t magnitude = 0;
    size_t integer_digits = 0;
    bool significant = false;
    for (; i < number.size() && is_digit(number[i]); ++i) {
      if (number[i] != '0') significant = true;
      if (significant) ++integer_digits;
    }
    if (integer_digits > 0) {
      magnitude = static_cast<int64_t>(integer_digits);
    } else if (i < number.size() && number[i] == '.') {
      for (++i; i < number.size() && number[i] == '0'; ++i) --magnitude;
    }
    size_t e = number.find_first_of("eE");
    if (e != std::string_view::npos) {
      bool negative = number[e + 1] == '-';
      int64_t exponent = 0;
      for (size_t j = e + 1; j < number.size(); ++j) {
        if (is_digit(number[j]) && exponent < 1'000'000'000) exponent = exponent * 10 + (number[j] - '0');
      }
      magnitude += negative ? -exponent : exponent;
    }
    return magnitude < 0;
  }

  std::string_view text_;
  ParseOptions options_;
  size_t pos_ = 0;
  std::optional<ParseError> error_;
};

// ------------------------------------------------------------------------------------------------
// Writer
// ------------------------------------------------------------------------------------------------

class Writer {
 public:
  explicit Writer(const WriteOptions& options) : options_(options) {}

  std::string take() { return std::move(out_); }

  // Iterative nesting would avoid recursion, but values built by this library are bounded by the
  // parser's depth limit or by the code that built them.
  void write(const Value& value, size_t indent) {
    switch (value.kind()) {
      case Value::Kind::Null: out_ += "null"; return;
      case Value::Kind::Bool: out_ += value.as_bool() ? "true" : "false"; return;
      case Value::Kind::Number: write_number(value); return;
      case Value::Kind::String: write_string(value.as_string()); return;
      case Value::Kind::Array: {
        const Value::Array& elements = value.as_array();
        if (elements.empty()) {
          out_ += "[]";
          return;
        }
        out_ += '[';
        for (size_t i = 0; i < elements.size(); ++i) {
          if (i != 0) out_ += ',';
          newline(indent + 1);
          write(elements[i], indent + 1);
        }
        newline(indent);
        out_ += ']';
        return;
      }
      case Value::Kind::Object: {
        const Value::Object& members = value.as_object();
        if (members.empty()) {
          out_ += "{}";
          return;
        }
        out_ += '{';
        for (size_t i = 0; i < members.size(); ++i) {
          if (i != 0) out_ += ',';
          newline(indent + 1);
          write_string(members[i].key);
          out_ += options_.pretty ? ": " : ":";
          write(members[i].value, indent + 1);
        }
        newline(indent);
        out_ += '}';
        return;
      }
    }
  }

 private:
  void newline(size_t indent) {
    if (!options_.pretty) return;
    out_ += '\n';
    out_.append(indent * 2, ' ');
  }

  void write_number(const Value& value) {
    char buffer[32];
    if (auto integer = value.as_int64()) {
      auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, *integer);
      out_.append(buffer, end);
      return;
    }
    double number = value.as_double();
    if (!std::isfinite(number)) {
      out_ += "null";
      return;
    }
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
    out_.append(buffer, end);
  }

  // Text that is not valid UTF-8 (a Value can be built from any bytes) is written with U+FFFD in
  // place of each bad byte, so the output is always valid JSON.
  void write_string(std::string_view text) {
    out_ += '"';
    size_t i = 0;
    while (i < text.size()) {
      char c = text[i];
      if (static_cast<unsigned char>(c) >= 0x80) {
        size_t length = utf8_sequence_length(text.substr(i));
        if (length == 0) {
          out_ += "\xef\xbf\xbd";
          i += 1;
        } else {
          out_.append(text.substr(i, length));
          i += length;
        }
        continue;
      }
      ++i;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
            out_ += buffer;
          } else {
            out_ += c;
          }
      }
    }
    out_ += '"';
  }

  WriteOptions options_;
  std::string out_;
};

}  // namespace

ParseResult parse(std::string_view text, const ParseOptions& options) { return Parser(text, options).run(); }

std::string write(const Value& value, const WriteOptions& options) {
  Writer writer(options);
  writer.write(value, 0);
  return writer.take();
}

}  // namespace wasmacro::common::json
