// ExportTable: one table of an export (people, level history, …) as the file writers see it.
//
// A table is a title (the XLSX sheet name), typed columns and a row count; rows are produced on
// demand by a callback, so a writer streams a million rows without the table ever being held
// as text. The callback usually reads from data the caller owns, which must outlive the table.
// Plain value type; writers call the callback from one thread.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace yardstick::io {

/// What a column holds: text, a calendar day (written "YYYY-MM-DD"; a real date in XLSX) or a
/// number (written as formatted; a real number in XLSX).
enum class CellType { kText, kDate, kNumber };

struct ExportColumn {
  std::string header;
  CellType type = CellType::kText;
};

struct ExportTable {
  std::string title;
  std::vector<ExportColumn> columns;
  size_t row_count = 0;
  /// Fills |cells| (resized to one per column by the caller) with row |index| < row_count; an
  /// empty string is an empty cell.
  std::function<void(size_t index, std::vector<std::string>& cells)> row;
};

}  // namespace yardstick::io
