#include "io/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "io/atomic_file.h"
#include "model/date.h"

namespace yardstick::io {
namespace {

/// Rows read to fit the column widths (the header always counts).
constexpr size_t kWidthSampleRows = 1000;
constexpr double kMinColumnWidth = 6;
constexpr double kMaxColumnWidth = 60;
/// Room for the filter button beside a header, and a little air after the longest value.
constexpr double kColumnPadding = 3;
constexpr double kDateColumnWidth = 12;
constexpr size_t kMaxSheetNameChars = 31;
/// The earliest day a spreadsheet date can hold; earlier days are written as text.
constexpr int kFirstSpreadsheetYear = 1900;

/// The number of characters (code points) in UTF-8 |text|.
size_t CharacterCount(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

/// The first |count| characters of UTF-8 |text|.
std::string FirstCharacters(const std::string& text, size_t count) {
  size_t characters = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80 && characters++ == count) {
      return text.substr(0, at);
    }
  }
  return text;
}

/// The widths of |table|'s columns, in characters.
std::vector<double> ColumnWidths(const ExportTable& table) {
  std::vector<double> widths;
  for (const ExportColumn& column : table.columns) {
    widths.push_back(static_cast<double>(CharacterCount(column.header)));
  }
  std::vector<std::string> cells;
  for (size_t index = 0; index < std::min(table.row_count, kWidthSampleRows); ++index) {
    cells.assign(table.columns.size(), std::string());
    table.row(index, cells);
    for (size_t column = 0; column < cells.size(); ++column) {
      widths[column] = std::max(widths[column], static_cast<double>(CharacterCount(cells[column])));
    }
  }
  for (size_t column = 0; column < widths.size(); ++column) {
    const double fitted = widths[column] + kColumnPadding;
    widths[column] = table.columns[column].type == CellType::kDate
                         ? std::max(fitted, kDateColumnWidth)
                         : std::clamp(fitted, kMinColumnWidth, kMaxColumnWidth);
  }
  return widths;
}

/// The day |text| names, if a spreadsheet can hold it as a date.
std::optional<lxw_datetime> SpreadsheetDate(const std::string& text) {
  const std::optional<model::Date> date = model::Date::Parse(text);
  if (!date || date->year < kFirstSpreadsheetYear) return std::nullopt;
  return lxw_datetime{date->year, date->month, date->day, 0, 0, 0};
}

/// Owns the workbook until it is closed; closing writes the file.
class Workbook {
 public:
  Workbook(const std::string& path, const std::string& temp_path) : path_(path) {
    lxw_workbook_options options = {};
    options.constant_memory = LXW_TRUE;
    options.use_zip64 = LXW_TRUE;  // a million rows can pass the 4 GiB of plain zip
    workbook_ = workbook_new_opt(temp_path.c_str(), &options);
    if (workbook_ != nullptr) {
      bold_ = workbook_add_format(workbook_);
      format_set_bold(bold_);
      date_ = workbook_add_format(workbook_);
      format_set_num_format(date_, "yyyy-mm-dd");
    }
  }
  ~Workbook() { (void)Close(); }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  [[nodiscard]] bool ok() const { return workbook_ != nullptr; }

  /// Writes rows [first, last) of |table| on a new sheet named |name|.
  Status AddSheet(const std::string& name, const ExportTable& table,
                  const std::vector<double>& widths, size_t first, size_t last) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.c_str());
    if (sheet == nullptr) {
      return Status::Internal(fmt::format("{}: cannot add a sheet named '{}'", path_, name));
    }
    // In constant-memory mode rows go out as they are written: set up the sheet first.
    for (size_t column = 0; column < widths.size(); ++column) {
      const auto col = static_cast<lxw_col_t>(column);
      if (lxw_error error = worksheet_set_column(sheet, col, col, widths[column], nullptr);
          error != LXW_NO_ERROR) {
        return Failed(error, name, 0, column);
      }
    }
    worksheet_freeze_panes(sheet, 1, 0);
    const auto last_column = static_cast<lxw_col_t>(table.columns.size() - 1);
    if (lxw_error error =
            worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(last - first), last_column);
        error != LXW_NO_ERROR) {
      return Failed(error, name, 0, 0);
    }
    for (size_t column = 0; column < table.columns.size(); ++column) {
      if (lxw_error error = worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(column),
                                                   table.columns[column].header.c_str(), bold_);
          error != LXW_NO_ERROR) {
        return Failed(error, name, 0, column);
      }
    }
    std::vector<std::string> cells;
    for (size_t index = first; index < last; ++index) {
      cells.assign(table.columns.size(), std::string());
      table.row(index, cells);
      const auto row = static_cast<lxw_row_t>(index - first + 1);
      for (size_t column = 0; column < cells.size(); ++column) {
        if (Status written =
                WriteCell(sheet, row, column, table.columns[column].type, cells[column], name);
            !written.ok()) {
          return written;
        }
      }
    }
    return Status::Ok();
  }

  /// Writes the file; the first call reports, later ones do nothing.
  Status Close() {
    if (workbook_ == nullptr) return Status::Ok();
    const lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR) {
      return Status::IoError(
          fmt::format("{}: cannot write the workbook: {}", path_, lxw_strerror(error)));
    }
    return Status::Ok();
  }

 private:
  Status WriteCell(lxw_worksheet* sheet, lxw_row_t row, size_t column, CellType type,
                   const std::string& text, const std::string& sheet_name) {
    if (text.empty()) return Status::Ok();
    const auto col = static_cast<lxw_col_t>(column);
    lxw_error error = LXW_NO_ERROR;
    if (type == CellType::kDate) {
      if (std::optional<lxw_datetime> date = SpreadsheetDate(text)) {
        error = worksheet_write_datetime(sheet, row, col, &*date, date_);
        return error == LXW_NO_ERROR ? Status::Ok() : Failed(error, sheet_name, row, column);
      }
    }
    if (type == CellType::kNumber) {
      char* end = nullptr;
      const double number = std::strtod(text.c_str(), &end);
      if (end != text.c_str() && *end == '\0') {
        error = worksheet_write_number(sheet, row, col, number, nullptr);
        return error == LXW_NO_ERROR ? Status::Ok() : Failed(error, sheet_name, row, column);
      }
    }
    error = worksheet_write_string(sheet, row, col, text.c_str(), nullptr);
    return error == LXW_NO_ERROR ? Status::Ok() : Failed(error, sheet_name, row, column);
  }

  Status Failed(lxw_error error, const std::string& sheet_name, size_t row, size_t column) const {
    char cell[16] = {};
    lxw_rowcol_to_cell(cell, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column));
    return Status::InvalidArgument(
        fmt::format("{}: sheet '{}', cell {}: {}", path_, sheet_name, cell, lxw_strerror(error)));
  }

  std::string path_;
  lxw_workbook* workbook_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* date_ = nullptr;
};

/// |name| made unique among |taken| (compared case-insensitively, as spreadsheets do).
std::string UniqueSheetName(const std::string& name, std::set<std::string>& taken) {
  const auto folded = [](std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
  };
  std::string candidate = name;
  for (int number = 2; taken.count(folded(candidate)) > 0; ++number) {
    const std::string suffix = fmt::format(" ({})", number);
    candidate = FirstCharacters(name, kMaxSheetNameChars - suffix.size()) + suffix;
  }
  taken.insert(folded(candidate));
  return candidate;
}

}  // namespace

std::string SheetName(const std::string& title) {
  std::string name = title;
  for (char& c : name) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '_';
  }
  // A name may not start or end with an apostrophe.
  if (!name.empty() && name.front() == '\'') name.front() = '_';
  name = FirstCharacters(name, kMaxSheetNameChars);
  if (!name.empty() && name.back() == '\'') name.back() = '_';
  return name.empty() ? "Sheet" : name;
}

Status WriteXlsx(const std::vector<const ExportTable*>& tables, const std::string& path,
                 const XlsxOptions& options) {
  if (tables.empty()) return Status::InvalidArgument(fmt::format("{}: nothing to write", path));
  if (options.max_rows_per_sheet == 0 || options.max_rows_per_sheet >= LXW_ROW_MAX) {
    return Status::InvalidArgument(fmt::format(
        "{}: a sheet holds between 1 and {} rows under its header", path, LXW_ROW_MAX - 1));
  }
  Result<AtomicFile> file = AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  Workbook workbook(path, file->temp_path());
  if (!workbook.ok()) {
    return Status::IoError(fmt::format("{}: cannot start a workbook", path));
  }
  std::set<std::string> taken;
  for (const ExportTable* table : tables) {
    if (table->columns.empty()) {
      return Status::InvalidArgument(
          fmt::format("{}: table '{}' has no columns", path, table->title));
    }
    const std::vector<double> widths = ColumnWidths(*table);
    const std::string base = SheetName(table->title);
    size_t first = 0;
    do {  // an empty table still gets its sheet, with the header
      const size_t last = std::min(table->row_count, first + options.max_rows_per_sheet);
      if (Status added =
              workbook.AddSheet(UniqueSheetName(base, taken), *table, widths, first, last);
          !added.ok()) {
        return added;
      }
      first = last;
    } while (first < table->row_count);
  }
  if (Status closed = workbook.Close(); !closed.ok()) return closed;
  return file->Commit();
}

}  // namespace yardstick::io
