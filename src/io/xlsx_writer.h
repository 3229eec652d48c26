// Writing XLSX workbooks (through libxlsxwriter): the spreadsheet form of an export.
//
// One sheet per table, named after its title: a bold header row that stays in view (frozen) and
// filters, column widths fitted to the header and the first rows, dates as real spreadsheet dates
// (formatted yyyy-mm-dd), everything else as text — employee ids such as "00123" stay text. The
// workbook is written in libxlsxwriter's constant-memory mode, row by row through temporary
// files, so a million rows cost no more memory than ten. A table longer than a sheet can hold
// (1,048,575 rows under the header) continues on "Title (2)", "Title (3)", … each with the header.
// Stateless functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/status.h"
#include "io/export_table.h"

namespace yardstick::io {

struct XlsxOptions {
  /// Data rows per sheet before the table continues on the next sheet; the format's limit by
  /// default (tests lower it).
  size_t max_rows_per_sheet = 1048575;
};

/// Writes |tables|, one sheet each (in order), to |path| atomically: on failure any previous file
/// is left as it was, and the Status names the path (and the cell, for a value XLSX cannot hold).
Status WriteXlsx(const std::vector<const ExportTable*>& tables, const std::string& path,
                 const XlsxOptions& options = {});

/// The sheet name XLSX accepts for |title|: characters []:*?/\ replaced by '_', at most 31
/// characters, never empty.
std::string SheetName(const std::string& title);

}  // namespace yardstick::io
