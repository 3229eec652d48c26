// Data-driven test files: many small cases in one text file, each an input and its exact
// expected output, in the style of DuckDB's sqllogictest.
//
//   # a comment (ignored outside cases)
//   === name of the case
//   <input lines>
//   ----
//   <expected output lines>
//
// Lines between "===" and "----" are the input verbatim; lines after "----" up to the next "==="
// are the expected output (trailing blank lines dropped). Case names must be unique in a file.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace yardstick::testing {

struct TestCase {
  std::string file;  ///< path of the file it came from
  std::string name;
  int line = 0;  ///< line of the "===" header, for failure messages
  std::string input;
  std::vector<std::string> expected;
};

/// Keeps gtest's failure output short: a case prints as its file, line and name.
void PrintTo(const TestCase& test_case, std::ostream* out);

/// Parses one case file; aborts the test program with a message if the file is malformed.
std::vector<TestCase> ReadCaseFile(const std::string& path);

/// Every case of every file ending in |extension| under |directory|, files in name order.
std::vector<TestCase> ReadCaseDirectory(const std::string& directory, const std::string& extension);

/// A gtest-safe name: letters, digits and underscores.
std::string TestName(const TestCase& test_case);

/// Expects |actual| to be |test_case|'s expected output; a failure names the case's file, line
/// and name. With YARDSTICK_PRINT_CASES set in the environment it also prints the case with
/// |actual| as its output, for writing new cases (check it by eye before pasting it in).
void ExpectOutput(const TestCase& test_case, const std::vector<std::string>& actual);

/// Splits |text| into lines (no trailing newline characters; a final empty line is dropped).
std::vector<std::string> SplitLines(const std::string& text);

}  // namespace yardstick::testing
