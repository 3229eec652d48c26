#include "case_file.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

namespace yardstick::testing {
namespace {

[[noreturn]] void Fail(const std::string& path, int line, const std::string& message) {
  std::cerr << path << ":" << line << ": malformed case file: " << message << "\n";
  std::abort();
}

void Finish(TestCase& current, std::vector<std::string>& expected_lines,
            std::vector<TestCase>& cases) {
  while (!expected_lines.empty() && expected_lines.back().empty()) expected_lines.pop_back();
  current.expected = expected_lines;
  cases.push_back(current);
  expected_lines.clear();
}

}  // namespace

void PrintTo(const TestCase& test_case, std::ostream* out) {
  *out << test_case.file << ":" << test_case.line << " '" << test_case.name << "'";
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::vector<TestCase> ReadCaseFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) Fail(path, 0, "cannot open");
  std::vector<TestCase> cases;
  std::set<std::string> names;
  TestCase current;
  std::vector<std::string> expected_lines;
  enum class Part { kNone, kInput, kExpected } part = Part::kNone;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.rfind("=== ", 0) == 0) {
      if (part == Part::kInput) Fail(path, number, "case '" + current.name + "' has no ----");
      if (part == Part::kExpected) Finish(current, expected_lines, cases);
      current = TestCase{path, line.substr(4), number, "", {}};
      if (!names.insert(current.name).second) Fail(path, number, "duplicate case name");
      part = Part::kInput;
    } else if (line == "----" && part == Part::kInput) {
      part = Part::kExpected;
    } else if (part == Part::kInput) {
      current.input += line + "\n";
    } else if (part == Part::kExpected) {
      expected_lines.push_back(line);
    }
  }
  if (part == Part::kInput) Fail(path, number, "case '" + current.name + "' has no ----");
  if (part == Part::kExpected) Finish(current, expected_lines, cases);
  if (cases.empty()) Fail(path, number, "no cases");
  return cases;
}

std::vector<TestCase> ReadCaseDirectory(const std::string& directory,
                                        const std::string& extension) {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() == extension) paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<TestCase> all;
  for (const std::string& path : paths) {
    std::vector<TestCase> cases = ReadCaseFile(path);
    all.insert(all.end(), cases.begin(), cases.end());
  }
  return all;
}

std::string TestName(const TestCase& test_case) {
  std::string name = std::filesystem::path(test_case.file).stem().string() + "_" + test_case.name;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

void ExpectOutput(const TestCase& test_case, const std::vector<std::string>& actual) {
  if (std::getenv("YARDSTICK_PRINT_CASES") != nullptr) {
    std::cout << "=== " << test_case.name << "\n" << test_case.input << "----\n";
    for (const std::string& line : actual) std::cout << line << "\n";
    std::cout << "\n";
  }
  EXPECT_EQ(actual, test_case.expected)
      << test_case.file << ":" << test_case.line << ": case '" << test_case.name << "'";
}

}  // namespace yardstick::testing
