// Exporting people and their level history, to CSV or XLSX.
//
// PeopleTable and LevelHistoryTable lay out what the store holds as tables a people team reads:
// people with the name of the level their grade falls in (found on their track in their group's
// framework), and every level change with the person's name. No pay columns: pay is derived from
// the pay scale, never a per-person value. WriteExport writes a table in either format, through
// io/csv_writer.h or io/xlsx_writer.h. The tables read from the vectors they are given, which
// must outlive them. Stateless functions, thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "io/export_table.h"
#include "model/framework.h"
#include "model/person.h"

namespace yardstick::io {

enum class ExportFormat { kCsv, kXlsx };

/// "csv" or "xlsx" (any case), or nullopt.
std::optional<ExportFormat> ParseExportFormat(std::string_view text);
/// The format a file name's extension names (report.xlsx), or nullopt.
std::optional<ExportFormat> FormatOfPath(std::string_view path);

/// The framework a comparison group uses, or nullptr when the group is unknown.
using FrameworkOfGroup = std::function<const model::Framework*(const std::string& group_id)>;

/// The columns of the people export, in order.
const std::vector<ExportColumn>& PeopleColumns();
/// The columns of the level history export, in order.
const std::vector<ExportColumn>& LevelHistoryColumns();

/// One row per person, in the order given. The level is empty when the group or its framework
/// is unknown or the grade is on no level of the person's track.
ExportTable PeopleTable(const std::vector<model::Person>& people,
                        FrameworkOfGroup framework_of_group);

/// Names of people by id.
using PersonNames = std::unordered_map<std::string, std::string>;
/// The name of everyone in |people|, so that the people themselves need not be kept.
PersonNames NamesOf(const std::vector<model::Person>& people);

/// One row per level change, in the order given, with the person's name from |names| (empty for
/// someone not there).
ExportTable LevelHistoryTable(const std::vector<model::LevelChange>& history, PersonNames names);

/// Writes |table| to |path| in |format|, atomically.
Status WriteExport(const ExportTable& table, ExportFormat format, const std::string& path);

}  // namespace yardstick::io
