// Writing CSV (RFC 4180): the text form of an export, for spreadsheets and other tools.
//
// Records end with CRLF; a field containing a comma, a double quote, CR or LF is enclosed in
// double quotes with each quote doubled; nothing else is quoted. The first record is the header.
// Text is written as it is (UTF-8, no byte order mark). The reader in io/csv.h reads it back.
// Stateless functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "io/export_table.h"

namespace yardstick::io {

/// Appends |field| to |out| as one CSV field, quoted only when it must be.
void AppendCsvField(std::string_view field, std::string& out);

/// Appends one record (fields separated by commas, then CRLF) to |out|.
void AppendCsvRecord(const std::vector<std::string>& fields, std::string& out);

/// Writes |table| (a header record, then a record per row) to |path| atomically: on failure any
/// previous file is left as it was, and the Status names the path.
Status WriteCsv(const ExportTable& table, const std::string& path);

}  // namespace yardstick::io
