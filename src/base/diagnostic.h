// Diagnostics: errors and warnings about an input file, located by line and column.
//
// Every input a person writes (framework files, CSV imports, Markdown ladders) reports its problems
// as Diagnostics, all of them at once rather than stopping at the first. The printed form is the
// compiler convention `file:line:col: error: message`, so editors and CI logs can jump to it.
#pragma once

#include <string>
#include <vector>

namespace yardstick {

/// A 1-based position in a text file. Line 0 means "the file as a whole".
struct SourceLoc {
  int line = 0;
  int column = 0;

  friend bool operator==(const SourceLoc&, const SourceLoc&) = default;
};

enum class Severity { kError, kWarning, kNote };

struct Diagnostic {
  Severity severity = Severity::kError;
  SourceLoc loc;
  std::string message;
  /// A short id for the kind of problem, e.g. "unknown-key" or "lint/internal-state"; stable
  /// across releases so that scripts and silencing can name it.
  std::string code;

  /// `file:line:col: error: message`, or `file: error: message` when there is no position.
  [[nodiscard]] std::string Format(const std::string& file) const;
};

/// Collects diagnostics in the order they were found.
class Diagnostics {
 public:
  void Error(SourceLoc loc, std::string code, std::string message);
  void Warning(SourceLoc loc, std::string code, std::string message);
  void Note(SourceLoc loc, std::string code, std::string message);
  void Add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
  void Append(const Diagnostics& other);

  [[nodiscard]] bool HasErrors() const;
  [[nodiscard]] int ErrorCount() const;
  [[nodiscard]] int WarningCount() const;
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
  [[nodiscard]] bool empty() const { return items_.empty(); }

  /// Sorts by position (stable), so that output reads top to bottom through the file.
  void SortByLocation();
  /// Every diagnostic formatted against |file|, one per line.
  [[nodiscard]] std::string Format(const std::string& file) const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace yardstick
