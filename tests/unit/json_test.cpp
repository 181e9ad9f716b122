#include "wasmacro/common/json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

namespace wasmacro::common::json {
namespace {

Value parse_ok(std::string_view text) {
  auto result = parse(text);
  EXPECT_TRUE(result.ok()) << text << ": " << (result.ok() ? "" : result.error().describe());
  return result.ok() ? result.value() : Value();
}

ParseError parse_error(std::string_view text, const ParseOptions& options = {}) {
  auto result = parse(text, options);
  EXPECT_FALSE(result.ok()) << text;
  return result.ok() ? ParseError{} : result.error();
}

TEST(JsonParse, Scalars) {
  EXPECT_TRUE(parse_ok("null").is_null());
  EXPECT_TRUE(parse_ok(" true ").as_bool());
  EXPECT_FALSE(parse_ok("false").as_bool());
  EXPECT_TRUE(parse_ok("false").is_bool());
  EXPECT_EQ(parse_ok("\"hi\"").as_string(), "hi");
}

TEST(JsonParse, Numbers) {
  EXPECT_EQ(parse_ok("0").as_int64(), 0);
  EXPECT_EQ(parse_ok("-42").as_int64(), -42);
  EXPECT_EQ(parse_ok("9223372036854775807").as_int64(), std::numeric_limits<int64_t>::max());
  EXPECT_EQ(parse_ok("-9223372036854775808").as_int64(), std::numeric_limits<int64_t>::min());
  // Too large for int64: only a double.
  Value big = parse_ok("18446744073709551615");
  EXPECT_FALSE(big.as_int64().has_value());
  EXPECT_DOUBLE_EQ(big.as_double(), 18446744073709551615.0);
  EXPECT_FALSE(parse_ok("1.0").as_int64().has_value());
  EXPECT_DOUBLE_EQ(parse_ok("1.5e3").as_double(), 1500.0);
  EXPECT_DOUBLE_EQ(parse_ok("-0.25E-2").as_double(), -0.0025);
  EXPECT_EQ(parse_ok("5e-324").as_double(), 5e-324);
  EXPECT_EQ(parse_ok("1e-400").as_double(), 0.0);
  EXPECT_TRUE(std::signbit(parse_ok("-0.0001e-400").as_double()));
  EXPECT_EQ(parse_ok("100000e-405").as_double(), 0.0);
}

TEST(JsonParse, Strings) {
  EXPECT_EQ(parse_ok(R"("a\"b\\c\/d\b\f\n\r\t")").as_string(), "a\"b\\c/d\b\f\n\r\t");
  EXPECT_EQ(parse_ok(R"("\u00e9\u4e2d")").as_string(), "\xc3\xa9\xe4\xb8\xad");
  EXPECT_EQ(parse_ok(R"("\ud83d\ude00")").as_string(), "\xf0\x9f\x98\x80");
  EXPECT_EQ(parse_ok("\"gr\xc3\xbc\xc3\x9f\x65\"").as_string(), "gr\xc3\xbc\xc3\x9f\x65");
}

TEST(JsonParse, ContainersKeepOrder) {
  Value value = parse_ok(R"({"z": 1, "a": [true, null, "x"], "m": {}})");
  ASSERT_TRUE(value.is_object());
  ASSERT_EQ(value.size(), 3u);
  EXPECT_EQ(value.as_object()[0].key, "z");
  EXPECT_EQ(value.as_object()[1].key, "a");
  EXPECT_EQ(value["a"].size(), 3u);
  EXPECT_TRUE(value["a"][0].as_bool());
  EXPECT_TRUE(value["a"][1].is_null());
  EXPECT_EQ(value["a"][2].as_string(), "x");
  EXPECT_TRUE(value["m"].is_object());
  EXPECT_TRUE(value["missing"].is_null());
  EXPECT_TRUE(value["a"][99].is_null());
  EXPECT_EQ(value.find("nope"), nullptr);
}

TEST(JsonParse, ErrorsSayWhereAndWhat) {
  ParseError error = parse_error("{\n  \"a\": 1\n  \"b\": 2\n}");
  EXPECT_EQ(error.offset, 13u);
  EXPECT_EQ(error.line, 3u);
  EXPECT_EQ(error.column, 3u);
  EXPECT_NE(error.message.find("expected ',' or '}'"), std::string::npos) << error.message;
  EXPECT_EQ(error.describe().rfind("at line 3, column 3 (byte 13): ", 0), 0u) << error.describe();

  EXPECT_NE(parse_error("[1, 2").message.find("expected ',' or ']'"), std::string::npos);
  EXPECT_NE(parse_error("").message.find("expected a JSON value"), std::string::npos);
  EXPECT_NE(parse_error("1 2").message.find("expected end of input"), std::string::npos);
  EXPECT_NE(parse_error("\"abc").message.find("unterminated string"), std::string::npos);
  EXPECT_NE(parse_error("{\"a\" 1}").message.find("expected ':'"), std::string::npos);
  EXPECT_NE(parse_error("{1: 2}").message.find("expected a string as object key"), std::string::npos);
  EXPECT_NE(parse_error("{\"a\": 1, \"a\": 2}").message.find("duplicate object key"), std::string::npos);
  EXPECT_NE(parse_error("tru").message.find("expected 'true'"), std::string::npos);
  EXPECT_EQ(parse_error("[1, 2, }").offset, 7u);
}

TEST(JsonParse, RejectsWhatRfc8259Rejects) {
  for (const char* text : {"01",
                           "1.",
                           ".5",
                           "-",
                           "+1",
                           "1e",
                           "0x10",
                           "[1,]",
                           "{\"a\":1,}",
                           "'a'",
                           "\"\\x\"",
                           "\"\\ud800\"",
                           "\"\\udc00\"",
                           "\"\\u12\"",
                           "\"a\nb\"",
                           "\"\xc3\"",
                           "\"\xc0\xaf\"",
                           "\"\xed\xa0\x80\"",
                           "\"\xf4\x90\x80\x80\"",
                           "NaN",
                           "Infinity",
                           "1e999"}) {
    EXPECT_FALSE(parse(text).ok()) << text;
  }
}

TEST(JsonParse, DepthIsLimited) {
  std::string deep(100'000, '[');
  ParseError error = parse_error(deep);
  EXPECT_NE(error.message.find("nesting deeper than 256"), std::string::npos) << error.message;
  EXPECT_EQ(error.offset, 256u);

  ParseOptions shallow;
  shallow.max_depth = 2;
  EXPECT_TRUE(parse("[[1]]", shallow).ok());
  EXPECT_FALSE(parse("[[[1]]]", shallow).ok());
  EXPECT_FALSE(parse("{\"a\":{\"b\":{}}}", shallow).ok());
}

TEST(JsonParse, DuplicateKeysCanBeAllowed) {
  ParseOptions options;
  options.allow_duplicate_keys = true;
  auto result = parse(R"({"a": 1, "a": 2})", options);
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.value()["a"].as_int64(), 1);  // first match wins
}

TEST(JsonWrite, CompactAndPretty) {
  Value value;
  value.set("name", "derive \"Foo\"");
  value.set("count", 3);
  Value& list = value.set("list", Value::array());
  list.push_back(1.5);
  list.push_back(nullptr);
  list.push_back(Value::object());
  value.set("empty", Value::array());

  EXPECT_EQ(write(value), R"({"name":"derive \"Foo\"","count":3,"list":[1.5,null,{}],"empty":[]})");
  EXPECT_EQ(write(value, {.pretty = true}),
            "{\n"
            "  \"name\": \"derive \\\"Foo\\\"\",\n"
            "  \"count\": 3,\n"
            "  \"list\": [\n"
            "    1.5,\n"
            "    null,\n"
            "    {}\n"
            "  ],\n"
            "  \"empty\": []\n"
            "}");
}

TEST(JsonWrite, SetReplacesInPlace) {
  Value value;
  value.set("a", 1);
  value.set("b", 2);
  value.set("a", 3);
  EXPECT_EQ(write(value), R"({"a":3,"b":2})");
}

TEST(JsonWrite, Numbers) {
  EXPECT_EQ(write(Value(int64_t{-9223372036854775807 - 1})), "-9223372036854775808");
  EXPECT_EQ(write(Value(uint64_t{18446744073709551615u})), "18446744073709551616");  // only a double
  EXPECT_EQ(write(Value(0.1)), "0.1");
  EXPECT_EQ(write(Value(1e300)), "1e+300");
  EXPECT_EQ(write(Value(std::nan(""))), "null");
  EXPECT_EQ(write(Value(-std::numeric_limits<double>::infinity())), "null");
}

TEST(JsonWrite, EscapesControlCharactersOnly) {
  EXPECT_EQ(write(Value(std::string("a\x01\x7f\n\xc3\xa9", 6))), "\"a\\u0001\\u007f\\n\xc3\xa9\"");
}

TEST(JsonWrite, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(write(Value(std::string("a\xff\xc3(b"))), "\"a\xef\xbf\xbd\xef\xbf\xbd(b\"");
  EXPECT_TRUE(parse(write(Value(std::string("\xed\xa0\x80")))).ok());
}

TEST(JsonRoundTrip, ParseWriteParse) {
  const char* text = R"({"macros":[{"kind":"derive","name":"Serialize","attributes":["serde"]},)"
                     R"({"kind":"attribute","name":"route","export":"__wasmacro_route"}],"version":1,"f":-0.5})";
  Value value = parse_ok(text);
  EXPECT_EQ(write(value), text);
  EXPECT_EQ(parse_ok(write(value, {.pretty = true})), value);
}

}  // namespace
}  // namespace wasmacro::common::json
