// Reading a CSV file whose header names its columns: each row's fields looked up by column name,
// every problem located. For the small inputs of a review cycle (ratings, stack ranks, benchmark
// assignments); the HRIS export has its own, more forgiving reader (people_csv.h).
//
// Header names match their expected name ignoring case, spaces, hyphens and underscores
// ("Rater ID" is rater_id). A missing required column or a duplicate column is an error, an
// unknown column a warning (with did-you-mean); rows with the wrong number of fields or bad
// quoting are reported by the CSV reader (csv.h) and left out. Stateless, thread-safe.
#pragma once

#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "io/csv.h"

namespace yardstick::io {

/// How a header name is compared: lower case, without spaces, hyphens and underscores.
std::string NormalHeader(std::string_view header);

struct NamedColumns {
  std::vector<std::string> required;
  std::vector<std::string> optional;
};

/// A whole file: the valid data rows and where each named column is.
class NamedCsv {
 public:
  /// Reads |in| whole. Problems are in diagnostics(); rows() holds only well-formed rows.
  static NamedCsv Read(std::istream& in, const NamedColumns& columns);

  /// Rows given field by field instead of read from a file (a request's JSON, say): each row has
  /// |columns|' required then optional fields, in that order. They are judged by the same rules
  /// as a file's; row i is on line i + 2 (after a header) and a field's column is its place.
  static NamedCsv FromRows(const NamedColumns& columns,
                           const std::vector<std::vector<std::string>>& rows);
  /// The name of the expected column at 1-based |column|, "" for none.
  [[nodiscard]] std::string ColumnName(int column) const;

  [[nodiscard]] const std::vector<CsvRecord>& rows() const { return rows_; }
  [[nodiscard]] const Diagnostics& diagnostics() const { return diagnostics_; }
  /// The 1-based column holding |name| (a required or optional column), 0 when absent.
  [[nodiscard]] int ColumnOf(std::string_view name) const;
  [[nodiscard]] bool Has(std::string_view name) const { return ColumnOf(name) > 0; }
  /// |row|'s field in column |name|, "" when the file has no such column.
  [[nodiscard]] const std::string& Field(const CsvRecord& row, std::string_view name) const;
  /// Where |row|'s field in column |name| is (column 0 when the file has no such column).
  [[nodiscard]] SourceLoc Where(const CsvRecord& row, std::string_view name) const;

 private:
  std::vector<std::pair<std::string, int>> columns_;  ///< expected name → 1-based column
  std::vector<CsvRecord> rows_;
  Diagnostics diagnostics_;
};

}  // namespace yardstick::io
