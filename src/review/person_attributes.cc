#include "review/person_attributes.h"

#include <fmt/format.h>

#include "base/text.h"
#include "io/csv.h"
#include "io/named_csv.h"

namespace yardstick::review {
namespace {

/// How many unknown ids the error names.
constexpr size_t kUnknownIdsNamed = 5;

/// Reads the header: the id column (0-based; -1 when missing) and the attribute columns.
int ReadHeader(const io::CsvRecord& header, PersonAttributes& attributes,
               std::vector<int>& attribute_fields) {
  int id_field = -1;
  std::unordered_map<std::string, int> seen;  // normal name → 1-based column
  for (size_t i = 0; i < header.fields.size(); ++i) {
    const int column = static_cast<int>(i) + 1;
    const std::string name(Trim(header.fields[i]));
    const std::string key = io::NormalHeader(name);
    if (key.empty()) {
      attributes.diagnostics.Error({header.line, column}, "empty-column",
                                   "a column with no name; name every column");
      continue;
    }
    if (auto [at, inserted] = seen.emplace(key, column); !inserted) {
      attributes.diagnostics.Error(
          {header.line, column}, "duplicate-column",
          fmt::format("duplicate column '{}': column {} has that name already", name, at->second));
      continue;
    }
    if (key == "personid" || key == "id") {
      if (id_field >= 0) {
        attributes.diagnostics.Error({header.line, column}, "duplicate-column",
                                     fmt::format("a second id column '{}': the id is read from "
                                                 "column {}",
                                                 name, id_field + 1));
        continue;
      }
      id_field = static_cast<int>(i);
      continue;
    }
    attributes.columns.push_back(name);
    attribute_fields.push_back(static_cast<int>(i));
  }
  if (id_field < 0) {
    attributes.diagnostics.Error({header.line, 1}, "missing-column",
                                 "no id column: name the column of person ids 'person_id' or 'id'");
  } else if (attributes.columns.empty()) {
    attributes.diagnostics.Error(
        {header.line, 1}, "missing-column",
        "no attribute columns: give one or more besides the id (e.g. gender, location)");
  }
  return id_field;
}

}  // namespace

PersonAttributes ReadPersonAttributes(std::istream& in, const CycleScope& scope) {
  PersonAttributes attributes;
  io::CsvReader reader(in);
  io::CsvRecord record;
  if (!reader.Next(record)) {
    attributes.diagnostics = reader.diagnostics();
    attributes.diagnostics.Error({1, 1}, "empty-file",
                                 "the file is empty; expected a header row naming the columns");
    return attributes;
  }
  std::vector<int> attribute_fields;
  const int id_field = ReadHeader(record, attributes, attribute_fields);
  std::unordered_map<std::string, int> first_line;  // id → the line it is on
  std::vector<std::string> unknown;
  SourceLoc first_unknown;
  while (reader.Next(record)) {
    if (!record.valid || id_field < 0) continue;
    const std::string id(Trim(record.fields[static_cast<size_t>(id_field)]));
    const SourceLoc where{record.line, id_field + 1};
    if (id.empty()) {
      attributes.diagnostics.Error(where, "empty-id", "no person id in this row");
      continue;
    }
    if (auto [at, inserted] = first_line.emplace(id, record.line); !inserted) {
      attributes.diagnostics.Error(
          where, "duplicate-id",
          fmt::format("{} is given twice (first on line {})", id, at->second));
      continue;
    }
    if (scope.Find(id) == nullptr) {
      if (unknown.empty()) first_unknown = where;
      unknown.push_back(fmt::format("{} (line {})", id, record.line));
      continue;
    }
    std::vector<std::string>& values = attributes.values[id];
    for (int field : attribute_fields) {
      values.emplace_back(Trim(record.fields[static_cast<size_t>(field)]));
    }
  }
  if (!unknown.empty()) {
    const size_t more = unknown.size() > kUnknownIdsNamed ? unknown.size() - kUnknownIdsNamed : 0;
    unknown.resize(unknown.size() - more);
    attributes.diagnostics.Error(
        first_unknown, "unknown-person",
        fmt::format("{} {} not {} of the organisation: {}{}", unknown.size() + more,
                    unknown.size() + more == 1 ? "id is" : "ids are",
                    unknown.size() + more == 1 ? "a person" : "people", Join(unknown, ", "),
                    more > 0 ? fmt::format(" and {} more", more) : ""));
  }
  attributes.diagnostics.Append(reader.diagnostics());
  attributes.diagnostics.SortByLocation();
  return attributes;
}

Result<std::vector<size_t>> SelectAttributes(const PersonAttributes& attributes,
                                             const std::vector<std::string>& by) {
  std::vector<size_t> selected;
  if (by.empty()) {
    for (size_t i = 0; i < attributes.columns.size(); ++i) selected.push_back(i);
    return selected;
  }
  for (const std::string& name : by) {
    size_t found = attributes.columns.size();
    for (size_t i = 0; i < attributes.columns.size(); ++i) {
      if (io::NormalHeader(attributes.columns[i]) == io::NormalHeader(name)) found = i;
    }
    if (found == attributes.columns.size()) {
      return Status::InvalidArgument(
          fmt::format("--by {}: the attribute file has no such column{}; its columns are {}", name,
                      DidYouMean(name, attributes.columns), QuotedList(attributes.columns)));
    }
    selected.push_back(found);
  }
  return selected;
}

}  // namespace yardstick::review
