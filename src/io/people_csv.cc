#include "io/people_csv.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "base/text.h"
#include "io/csv.h"
#include "io/named_csv.h"

namespace yardstick::io {
namespace {

constexpr std::array<std::string_view, kPersonFieldCount> kFieldNames = {
    "id",         "name",      "email",          "group",  "track",     "grade", "position",
    "manager_id", "hire_date", "hired_at_grade", "status", "left_date", "salary"};

constexpr std::array<PersonField, 7> kRequired = {
    PersonField::kId,    PersonField::kName,  PersonField::kEmail,   PersonField::kGroup,
    PersonField::kTrack, PersonField::kGrade, PersonField::kHireDate};

size_t Index(PersonField field) { return static_cast<size_t>(field); }

/// The field whose canonical name normalises to |key|.
std::optional<PersonField> FieldForHeader(const std::string& key) {
  for (int i = 0; i < kPersonFieldCount; ++i) {
    if (NormalHeader(kFieldNames[static_cast<size_t>(i)]) == key) {
      return static_cast<PersonField>(i);
    }
  }
  return std::nullopt;
}

/// Reads the header record into a layout, reporting every problem with it.
class HeaderReader {
 public:
  HeaderReader(const ColumnMapping& mapping, const CsvRecord& header, Diagnostics& diagnostics)
      : mapping_(mapping), header_(header), diagnostics_(diagnostics) {
    for (const auto& [field, name] : mapping_.headers) mapped_[NormalHeader(name)] = field;
  }

  ColumnLayout Read() {
    for (size_t i = 0; i < header_.fields.size(); ++i) ReadColumn(static_cast<int>(i) + 1);
    ReportMissingMapped();
    ReportMissingRequired();
    ReportUnknown();
    return layout_;
  }

  [[nodiscard]] bool ok() const { return ok_; }

 private:
  std::optional<PersonField> FieldFor(const std::string& key) const {
    if (auto it = mapped_.find(key); it != mapped_.end()) return it->second;
    std::optional<PersonField> field = FieldForHeader(key);
    if (field && mapping_.headers.count(*field) > 0) return std::nullopt;  // read elsewhere
    return field;
  }

  void ReadColumn(int column) {
    const std::string_view name = Trim(header_.fields[static_cast<size_t>(column) - 1]);
    const SourceLoc loc{header_.line, column};
    if (name.empty()) {
      diagnostics_.Warning(loc, "unnamed-column",
                           fmt::format("column {} has no name and is ignored", column));
      return;
    }
    const std::optional<PersonField> field = FieldFor(NormalHeader(name));
    if (!field) {
      unknown_.push_back(column);
      return;
    }
    int& slot = layout_.columns[Index(*field)];
    if (slot > 0) {
      diagnostics_.Error(loc, "duplicate-column",
                         fmt::format("duplicate column '{}': {} is already read from column {}",
                                     name, FieldName(*field), slot));
      return;
    }
    slot = column;
  }

  std::string NameOf(int column) const {
    return std::string(Trim(header_.fields[static_cast<size_t>(column) - 1]));
  }

  /// The unknown column whose name is closest to |word|, or 0.
  int CloseUnknown(std::string_view word) const {
    std::vector<std::string> names;
    for (int column : unknown_) names.push_back(NameOf(column));
    const std::string match = ClosestMatch(word, names);
    for (int column : unknown_) {
      if (!match.empty() && NameOf(column) == match) return column;
    }
    return 0;
  }

  void ReportMissingMapped() {
    for (const auto& [field, name] : mapping_.headers) {
      if (layout_.Has(field)) continue;
      if (IsRequired(field)) ok_ = false;
      const int close = CloseUnknown(name);
      suggested_.insert(close);
      diagnostics_.Error(
          {header_.line, std::max(close, 1)}, "missing-column",
          fmt::format("no column '{}' for {} (as mapped by --map){}", name, FieldName(field),
                      close > 0 ? fmt::format(" (did you mean '{}'?)", NameOf(close)) : ""));
    }
  }

  void ReportMissingRequired() {
    for (PersonField field : kRequired) {
      if (layout_.Has(field) || mapping_.headers.count(field) > 0) continue;
      ok_ = false;
      const int close = CloseUnknown(FieldName(field));
      suggested_.insert(close);
      const std::string hint =
          close > 0 ? fmt::format(" (did you mean '{}'? rename it, or map it: --map {}=\"{}\")",
                                  NameOf(close), FieldName(field), NameOf(close))
                    : "";
      diagnostics_.Error({header_.line, std::max(close, 1)}, "missing-column",
                         fmt::format("missing required column '{}'{}", FieldName(field), hint));
    }
  }

  void ReportUnknown() {
    std::vector<std::string> absent;
    for (int i = 0; i < kPersonFieldCount; ++i) {
      const auto field = static_cast<PersonField>(i);
      if (!layout_.Has(field) && mapping_.headers.count(field) == 0) {
        absent.emplace_back(FieldName(field));
      }
    }
    for (int column : unknown_) {
      if (suggested_.count(column) > 0) continue;
      diagnostics_.Warning({header_.line, column}, "unknown-column",
                           fmt::format("unknown column '{}' is ignored{}", NameOf(column),
                                       DidYouMean(NameOf(column), absent)));
    }
  }

  const ColumnMapping& mapping_;
  const CsvRecord& header_;
  Diagnostics& diagnostics_;
  std::map<std::string, PersonField> mapped_;
  ColumnLayout layout_;
  std::vector<int> unknown_;
  std::set<int> suggested_;
  bool ok_ = true;
};

PersonRow MakeRow(const CsvRecord& record, const ColumnLayout& layout) {
  std::array<std::string_view, kPersonFieldCount> values{};
  for (int i = 0; i < kPersonFieldCount; ++i) {
    const int column = layout.columns[static_cast<size_t>(i)];
    if (column > 0 && static_cast<size_t>(column) <= record.fields.size()) {
      values[static_cast<size_t>(i)] = Trim(record.fields[static_cast<size_t>(column) - 1]);
    }
  }
  return PersonRow(record.line, values, !record.valid);
}

}  // namespace

std::string_view FieldName(PersonField field) { return kFieldNames[Index(field)]; }

std::optional<PersonField> ParseFieldName(std::string_view name) {
  const std::string key = ToLower(name);
  for (int i = 0; i < kPersonFieldCount; ++i) {
    if (kFieldNames[static_cast<size_t>(i)] == key) return static_cast<PersonField>(i);
  }
  return std::nullopt;
}

bool IsRequired(PersonField field) {
  return std::find(kRequired.begin(), kRequired.end(), field) != kRequired.end();
}

std::vector<std::string> FieldNames() {
  return std::vector<std::string>(kFieldNames.begin(), kFieldNames.end());
}

Status AddMapping(std::string_view spec, ColumnMapping& mapping) {
  const size_t equals = spec.find('=');
  if (equals == std::string_view::npos) {
    return Status::InvalidArgument(
        fmt::format("--map '{}': expected FIELD=HEADER, e.g. id=\"Employee ID\"", spec));
  }
  const std::string_view name = Trim(spec.substr(0, equals));
  std::string_view header = Trim(spec.substr(equals + 1));
  if (header.size() >= 2 && header.front() == '"' && header.back() == '"') {
    header = header.substr(1, header.size() - 2);
  }
  const std::optional<PersonField> field = ParseFieldName(name);
  if (!field) {
    return Status::InvalidArgument(fmt::format("--map '{}': unknown field '{}'{}", spec, name,
                                               DidYouMean(name, FieldNames())));
  }
  if (header.empty()) {
    return Status::InvalidArgument(fmt::format("--map '{}': the header name is empty", spec));
  }
  if (mapping.headers.count(*field) > 0) {
    return Status::InvalidArgument(fmt::format("--map '{}': {} is already mapped to '{}'", spec,
                                               FieldName(*field), mapping.headers.at(*field)));
  }
  for (const auto& [other, other_header] : mapping.headers) {
    if (ToLower(Trim(other_header)) == ToLower(header)) {
      return Status::InvalidArgument(
          fmt::format("--map '{}': the column '{}' is already mapped "
                      "to {}",
                      spec, header, FieldName(other)));
    }
  }
  mapping.headers[*field] = std::string(header);
  return Status::Ok();
}

PersonRow::PersonRow(int line, const std::array<std::string_view, kPersonFieldCount>& values,
                     bool malformed)
    : line_(line), malformed_(malformed) {
  size_t total = 0;
  for (std::string_view value : values) total += value.size();
  text_.reserve(total);
  for (size_t i = 0; i < values.size(); ++i) {
    offsets_[i] = static_cast<std::uint32_t>(text_.size());
    text_ += values[i];
  }
  offsets_[values.size()] = static_cast<std::uint32_t>(text_.size());
}

std::string_view PersonRow::Get(PersonField field) const {
  const size_t i = Index(field);
  return std::string_view(text_).substr(offsets_[i], offsets_[i + 1] - offsets_[i]);
}

PeopleCsv ReadPeopleCsv(std::istream& in, const ColumnMapping& mapping) {
  PeopleCsv result;
  CsvReader reader(in);
  CsvRecord record;
  Diagnostics header_problems;
  bool have_header = false;
  while (reader.Next(record)) {
    if (!have_header) {
      have_header = true;
      HeaderReader header(mapping, record, header_problems);
      result.layout = header.Read();
      result.header_ok = header.ok();
      continue;
    }
    if (result.header_ok) result.rows.push_back(MakeRow(record, result.layout));
  }
  result.diagnostics.Append(header_problems);
  result.diagnostics.Append(reader.diagnostics());
  result.diagnostics.SortByLocation();
  return result;
}

}  // namespace yardstick::io
