// Every instruction in opcodes.def must be exercised by at least one of the project's .wast tests.
// Adding an opcode to the table without a test makes this fail and names the opcode.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "opcode.h"

#ifndef WASMACRO_WAST_DIR
#error "WASMACRO_WAST_DIR must name tests/wast"
#endif

namespace wasmacro::engine::detail {
namespace {

// Splits WebAssembly text into tokens, dropping comments and the contents of strings, so that an
// opcode named in a comment or in an export name does not count as tested. Parentheses are tokens.
std::vector<std::string> tokenize(const std::string& text) {
  std::vector<std::string> tokens;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) tokens.push_back(std::move(current));
    current.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == ';' && i + 1 < text.size() && text[i + 1] == ';') {
      flush();
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '(' && i + 1 < text.size() && text[i + 1] == ';') {
      flush();
      int depth = 0;
      for (; i + 1 < text.size(); ++i) {
        if (text[i] == '(' && text[i + 1] == ';') {
          ++depth;
          ++i;
        } else if (text[i] == ';' && text[i + 1] == ')' && --depth == 0) {
          break;
        }
      }
      ++i;
    } else if (c == '"') {
      flush();
      for (++i; i < text.size() && text[i] != '"'; ++i) {
        if (text[i] == '\\') ++i;
      }
      tokens.emplace_back("\"\"");
    } else if (c == '(' || c == ')') {
      flush();
      tokens.emplace_back(1, c);
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      flush();
    } else {
      current.push_back(c);
    }
  }
  flush();
  return tokens;
}

std::vector<std::filesystem::path> wast_files() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(WASMACRO_WAST_DIR)) {
    if (entry.path().extension() == ".wast") files.push_back(entry.path());
  }
  return files;
}

TEST(OpcodeCoverage, EveryOpcodeAppearsInAWastTest) {
  std::vector<std::filesystem::path> files = wast_files();
  ASSERT_FALSE(files.empty()) << "no .wast files in " << WASMACRO_WAST_DIR;

  std::set<std::string> words;
  bool typed_select = false;  // `select (result t)` is its own opcode (0x1c)
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::vector<std::string> tokens = tokenize(buffer.str());
    for (size_t i = 0; i < tokens.size(); ++i) {
      words.insert(tokens[i]);
      if (tokens[i] == "select" && i + 2 < tokens.size() && tokens[i + 1] == "(" && tokens[i + 2] == "result") {
        typed_select = true;
      }
    }
  }

  std::vector<std::string> missing;
  for (size_t i = 0; i < kOpcodeCount; ++i) {
    auto op = static_cast<Opcode>(i);
    bool covered = op == Opcode::SelectTyped ? typed_select : words.count(std::string(text(op))) != 0;
    if (!covered) missing.emplace_back(text(op));
  }
  std::string list;
  for (const std::string& name : missing) list += " " + name;
  EXPECT_TRUE(missing.empty()) << missing.size() << " of " << kOpcodeCount
                               << " opcodes appear in no tests/wast/*.wast file:" << list;
}

TEST(OpcodeCoverage, TokenizerIgnoresCommentsAndStrings) {
  std::vector<std::string> tokens = tokenize("(i32.add ;; i64.add\n (; f32.add (; nested ;) ;) \"f64.add\")");
  std::vector<std::string> expected = {"(", "i32.add", "\"\"", ")"};
  EXPECT_EQ(tokens, expected);
}

}  // namespace
}  // namespace wasmacro::engine::detail
