#include "io/named_csv.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/text.h"

namespace yardstick::io {

std::string NormalHeader(std::string_view header) {
  std::string key = ToLower(Trim(header));
  key.erase(std::remove_if(key.begin(), key.end(),
                           [](char c) { return c == ' ' || c == '-' || c == '_'; }),
            key.end());
  return key;
}

NamedCsv NamedCsv::Read(std::istream& in, const NamedColumns& columns) {
  NamedCsv csv;
  for (const std::string& name : columns.required) csv.columns_.emplace_back(name, 0);
  for (const std::string& name : columns.optional) csv.columns_.emplace_back(name, 0);
  CsvReader reader(in);
  CsvRecord header;
  if (!reader.Next(header)) {
    csv.diagnostics_ = reader.diagnostics();
    csv.diagnostics_.Error({1, 1}, "empty-file",
                           "the file is empty; expected a header row naming the columns");
    return csv;
  }
  Diagnostics header_problems;
  std::vector<std::string> unknown;
  std::vector<int> unknown_columns;
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const int column = static_cast<int>(i) + 1;
    const std::string key = NormalHeader(header.fields[i]);
    auto expected = std::find_if(csv.columns_.begin(), csv.columns_.end(),
                                 [&](const auto& c) { return NormalHeader(c.first) == key; });
    if (expected == csv.columns_.end()) {
      unknown.emplace_back(Trim(header.fields[i]));
      unknown_columns.push_back(column);
    } else if (expected->second > 0) {
      header_problems.Error({header.line, column}, "duplicate-column",
                            fmt::format("duplicate column '{}': {} is already read from column {}",
                                        Trim(header.fields[i]), expected->first, expected->second));
    } else {
      expected->second = column;
    }
  }
  std::vector<std::string> absent;
  for (const auto& [name, column] : csv.columns_) {
    if (column == 0) absent.push_back(name);
  }
  std::vector<std::string> suggested;  // unknown columns a missing-column error names
  for (const std::string& name : columns.required) {
    if (csv.ColumnOf(name) > 0) continue;
    const std::string close = ClosestMatch(name, unknown);
    if (!close.empty()) suggested.push_back(close);
    header_problems.Error({header.line, 1}, "missing-column",
                          fmt::format("missing required column '{}'{}", name,
                                      close.empty() ? "" : " (did you mean '" + close + "'?)"));
  }
  for (size_t i = 0; i < unknown.size(); ++i) {
    if (std::find(suggested.begin(), suggested.end(), unknown[i]) != suggested.end()) continue;
    header_problems.Warning({header.line, unknown_columns[i]}, "unknown-column",
                            fmt::format("unknown column '{}' is ignored{}", unknown[i],
                                        DidYouMean(unknown[i], absent)));
  }
  // Without every required column no row can be judged: read them only for syntax problems.
  const bool judged = !header_problems.HasErrors();
  CsvRecord row;
  while (reader.Next(row)) {
    if (row.valid && judged) csv.rows_.push_back(row);
  }
  csv.diagnostics_ = reader.diagnostics();
  csv.diagnostics_.Append(header_problems);
  csv.diagnostics_.SortByLocation();
  return csv;
}

NamedCsv NamedCsv::FromRows(const NamedColumns& columns,
                            const std::vector<std::vector<std::string>>& rows) {
  NamedCsv csv;
  int column = 0;
  for (const std::string& name : columns.required) csv.columns_.emplace_back(name, ++column);
  for (const std::string& name : columns.optional) csv.columns_.emplace_back(name, ++column);
  int line = 1;
  for (const std::vector<std::string>& fields : rows) {
    csv.rows_.push_back({++line, fields, true});
    csv.rows_.back().fields.resize(csv.columns_.size());
  }
  return csv;
}

std::string NamedCsv::ColumnName(int column) const {
  for (const auto& [name, at] : columns_) {
    if (at == column) return name;
  }
  return "";
}

int NamedCsv::ColumnOf(std::string_view name) const {
  for (const auto& [expected, column] : columns_) {
    if (expected == name) return column;
  }
  return 0;
}

const std::string& NamedCsv::Field(const CsvRecord& row, std::string_view name) const {
  static const std::string kEmpty;
  const int column = ColumnOf(name);
  if (column <= 0 || static_cast<size_t>(column) > row.fields.size()) return kEmpty;
  return row.fields[static_cast<size_t>(column) - 1];
}

SourceLoc NamedCsv::Where(const CsvRecord& row, std::string_view name) const {
  return {row.line, ColumnOf(name)};
}

}  // namespace yardstick::io
