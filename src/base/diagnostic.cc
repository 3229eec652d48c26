#include "base/diagnostic.h"

#include <algorithm>

#include <fmt/format.h>

namespace yardstick {
namespace {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

}  // namespace

std::string Diagnostic::Format(const std::string& file) const {
  if (loc.line <= 0) return fmt::format("{}: {}: {}", file, SeverityName(severity), message);
  return fmt::format("{}:{}:{}: {}: {}", file, loc.line, loc.column, SeverityName(severity),
                     message);
}

void Diagnostics::Error(SourceLoc loc, std::string code, std::string message) {
  items_.push_back({Severity::kError, loc, std::move(message), std::move(code)});
}

void Diagnostics::Warning(SourceLoc loc, std::string code, std::string message) {
  items_.push_back({Severity::kWarning, loc, std::move(message), std::move(code)});
}

void Diagnostics::Note(SourceLoc loc, std::string code, std::string message) {
  items_.push_back({Severity::kNote, loc, std::move(message), std::move(code)});
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::HasErrors() const { return ErrorCount() > 0; }

int Diagnostics::ErrorCount() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kError;
  }));
}

int Diagnostics::WarningCount() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Severity::kWarning;
  }));
}

void Diagnostics::SortByLocation() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.loc.line != b.loc.line) return a.loc.line < b.loc.line;
    return a.loc.column < b.loc.column;
  });
}

std::string Diagnostics::Format(const std::string& file) const {
  std::string out;
  for (const Diagnostic& d : items_) {
    out += d.Format(file);
    out += '\n';
  }
  return out;
}

}  // namespace yardstick
