// Reading people from an HRIS export: the columns of a CSV file mapped to person fields.
//
// The canonical columns are id, name, email, group, track, grade, position, manager_id,
// hire_date, hired_at_grade, status, left_date and salary; id, name, email, group, track, grade
// and hire_date are required. Header names match case-insensitively, ignoring spaces, hyphens
// and underscores ("Hire Date" is hire_date, "E-Mail" is email). An HRIS that names a column
// differently is mapped with a ColumnMapping
// (`--map id="Employee ID"` on the command line). Header problems are reported with
// did-you-mean: a missing required column or a duplicate column is an error, an unknown column a
// warning (it is ignored).
//
// This layer reads text only: every value is kept as written (trimmed), located by line and
// column, and judged later by the import planner (org/people_import.h). Rows are stored compactly
// (one allocation each) so a million-row export fits in memory. Stateless functions, thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/status.h"

namespace yardstick::io {

enum class PersonField {
  kId,
  kName,
  kEmail,
  kGroup,
  kTrack,
  kGrade,
  kPosition,
  kManagerId,
  kHireDate,
  kHiredAtGrade,
  kStatus,
  kLeftDate,
  kSalary,
};
inline constexpr int kPersonFieldCount = 13;

/// The canonical column name of |field|, e.g. "manager_id".
std::string_view FieldName(PersonField field);
/// The field named |name| (canonical spelling, case-insensitive), or nullopt.
std::optional<PersonField> ParseFieldName(std::string_view name);
/// True for the columns every import must have.
bool IsRequired(PersonField field);
/// Every canonical column name, in field order.
std::vector<std::string> FieldNames();

/// Header names to read fields from instead of their canonical names.
struct ColumnMapping {
  std::map<PersonField, std::string> headers;
};

/// Adds one `FIELD=HEADER` mapping (as given to --map); an error names an unknown field with a
/// did-you-mean, or a malformed spec.
Status AddMapping(std::string_view spec, ColumnMapping& mapping);

/// Where each field is in the file: its 1-based column, or 0 when the file has no such column.
struct ColumnLayout {
  std::array<int, kPersonFieldCount> columns{};

  [[nodiscard]] int ColumnOf(PersonField field) const {
    return columns[static_cast<size_t>(field)];
  }
  [[nodiscard]] bool Has(PersonField field) const { return ColumnOf(field) > 0; }
};

/// One data row of the export: the text of each field, trimmed, "" when absent or empty.
class PersonRow {
 public:
  PersonRow() = default;
  /// |values| in field order.
  PersonRow(int line, const std::array<std::string_view, kPersonFieldCount>& values,
            bool malformed);

  [[nodiscard]] std::string_view Get(PersonField field) const;
  /// The physical line the row starts on.
  [[nodiscard]] int line() const { return line_; }
  /// True when the CSV reader already reported a problem with the row: only its id is usable.
  [[nodiscard]] bool malformed() const { return malformed_; }

 private:
  std::string text_;
  std::array<std::uint32_t, kPersonFieldCount + 1> offsets_{};
  int line_ = 0;
  bool malformed_ = false;
};

struct PeopleCsv {
  ColumnLayout layout;
  std::vector<PersonRow> rows;
  /// CSV syntax and header problems, in file order.
  Diagnostics diagnostics;
  /// False when the header lacks a required column: the rows cannot be judged.
  bool header_ok = false;
};

/// Reads an HRIS export from |in|: the header, then every row.
PeopleCsv ReadPeopleCsv(std::istream& in, const ColumnMapping& mapping = {});

}  // namespace yardstick::io
