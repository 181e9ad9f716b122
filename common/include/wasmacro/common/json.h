// A small JSON library: a value type, a parser that reports errors as values, and a writer.
//
//   auto parsed = json::parse(text);
//   if (!parsed.ok()) report(parsed.error().describe());
//   const json::Value& name = parsed.value()["name"];   // a null Value when absent
//   std::string out = json::write(parsed.value(), {.pretty = true});
//
// Objects keep their members in insertion order, and the writer is deterministic, so written JSON can
// be compared byte for byte and hashed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace wasmacro::common::json {

struct Member;

class Value {
 public:
  enum class Kind : uint8_t { Null, Bool, Number, String, Array, Object };
  using Array = std::vector<Value>;
  using Object = std::vector<Member>;

  // Constructors and copies are defined out of line: Member is incomplete here, and an inline
  // definition would instantiate std::vector<Member>'s destructor too early for Clang.
  Value();
  Value(std::nullptr_t);          // NOLINT(google-explicit-constructor)
  Value(bool value);              // NOLINT(google-explicit-constructor)
  Value(int value);               // NOLINT(google-explicit-constructor)
  Value(int64_t value);           // NOLINT(google-explicit-constructor)
  Value(uint32_t value);          // NOLINT(google-explicit-constructor)
  Value(uint64_t value);          // NOLINT(google-explicit-constructor): past INT64_MAX it is only a double
  Value(double value);            // NOLINT(google-explicit-constructor)
  Value(std::string value);       // NOLINT(google-explicit-constructor)
  Value(std::string_view value);  // NOLINT(google-explicit-constructor)
  Value(const char* value);       // NOLINT(google-explicit-constructor)
  Value(const Value& other);
  Value(Value&& other) noexcept;
  Value& operator=(const Value& other);
  Value& operator=(Value&& other) noexcept;
  ~Value();

  static Value array();
  static Value array(Array elements);
  static Value object();
  static Value object(Object members);

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::Null; }
  bool is_bool() const { return kind_ == Kind::Bool; }
  bool is_number() const { return kind_ == Kind::Number; }
  bool is_string() const { return kind_ == Kind::String; }
  bool is_array() const { return kind_ == Kind::Array; }
  bool is_object() const { return kind_ == Kind::Object; }

  // Typed access. A value of another kind reads as false, 0, "" or empty, so that lookups into
  // optional fields chain without checks; use the is_*() tests where the difference matters.
  bool as_bool() const { return kind_ == Kind::Bool && bool_; }
  double as_double() const { return kind_ == Kind::Number ? number_ : 0.0; }
  // The exact integer, when this is a number written without fraction or exponent that fits int64_t
  // (or constructed from an integer).
  std::optional<int64_t> as_int64() const;
  const std::string& as_string() const;
  const Array& as_array() const;
  const Object& as_object() const;

  // Arrays: element count; objects: member count; otherwise 0.
  size_t size() const;
  // Array element, or a null Value when out of range or not an array.
  const Value& operator[](size_t index) const;
  // Object member, or a null Value when absent or not an object. First match wins.
  const Value& operator[](std::string_view key) const;
  const Value* find(std::string_view key) const;

  // Mutation. push_back turns a null into an array, set turns a null into an object; set replaces an
  // existing member in place, keeping its position.
  Value& push_back(Value element);
  Value& set(std::string key, Value value);
  Array& mutable_array();    // turns a null into an array
  Object& mutable_object();  // turns a null into an object

  bool operator==(const Value& other) const;

 private:
  Kind kind_ = Kind::Null;
  bool bool_ = false;
  bool is_integer_ = false;
  int64_t integer_ = 0;
  double number_ = 0;
  std::string string_;
  Array array_;
  Object object_;
};

struct Member {
  std::string key;
  Value value;
  bool operator==(const Member&) const = default;
};

struct ParseError {
  size_t offset = 0;    // byte offset into the input
  size_t line = 1;      // 1-based, for messages
  size_t column = 1;    // 1-based, in bytes
  std::string message;  // what was found, and what was expected there

  // "at line 3, column 7 (byte 42): expected ',' or '}' after an object member"
  std::string describe() const;
};

class [[nodiscard]] ParseResult {
 public:
  ParseResult(Value value)
      : storage_(std::in_place_index<0>, std::move(value)) {}  // NOLINT(google-explicit-constructor)
  ParseResult(ParseError error)
      : storage_(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return storage_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const Value& value() const& { return std::get<0>(storage_); }
  Value&& value() && { return std::get<0>(std::move(storage_)); }
  const ParseError& error() const { return std::get<1>(storage_); }

 private:
  std::variant<Value, ParseError> storage_;
};

struct ParseOptions {
  size_t max_depth = 256;  // nesting of arrays and objects; deeper input is an error, never a crash
  bool allow_duplicate_keys = false;
};

// Parses exactly one JSON value (RFC 8259), surrounded by optional whitespace. Strings must be valid
// UTF-8; `\u` escapes must pair surrogates correctly.
ParseResult parse(std::string_view text, const ParseOptions& options = {});

struct WriteOptions {
  bool pretty = false;  // two-space indentation, one member or element per line
};

// Deterministic output. Integers print exactly; other numbers print in the shortest form that reads
// back to the same double; NaN and infinities, which JSON cannot express, print as null. Non-ASCII
// text is written as UTF-8, control characters as escapes.
std::string write(const Value& value, const WriteOptions& options = {});

}  // namespace wasmacro::common::json
