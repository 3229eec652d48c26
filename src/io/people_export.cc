#include "io/people_export.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <unordered_map>

#include "io/csv_writer.h"
#include "io/xlsx_writer.h"

namespace yardstick::io {
namespace {

std::string Lowercase(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view text) {
  const std::string lower = Lowercase(text);
  if (lower == "csv") return ExportFormat::kCsv;
  if (lower == "xlsx") return ExportFormat::kXlsx;
  return std::nullopt;
}

std::optional<ExportFormat> FormatOfPath(std::string_view path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) {
    return std::nullopt;
  }
  return ParseExportFormat(path.substr(dot + 1));
}

const std::vector<ExportColumn>& PeopleColumns() {
  static const std::vector<ExportColumn> columns = {
      {"id", CellType::kText},
      {"name", CellType::kText},
      {"email", CellType::kText},
      {"group", CellType::kText},
      {"track", CellType::kText},
      {"grade", CellType::kText},
      {"level", CellType::kText},
      {"position", CellType::kText},
      {"manager_id", CellType::kText},
      {"hire_date", CellType::kDate},
      {"hired_at_grade", CellType::kText},
      {"status", CellType::kText},
      {"left_date", CellType::kDate},
  };
  return columns;
}

const std::vector<ExportColumn>& LevelHistoryColumns() {
  static const std::vector<ExportColumn> columns = {
      {"person_id", CellType::kText},      {"name", CellType::kText},
      {"from_grade", CellType::kText},     {"to_grade", CellType::kText},
      {"effective_date", CellType::kDate}, {"reason", CellType::kText},
      {"decision_id", CellType::kText},    {"approver", CellType::kText},
  };
  return columns;
}

ExportTable PeopleTable(const std::vector<model::Person>& people,
                        FrameworkOfGroup framework_of_group) {
  ExportTable table;
  table.title = "People";
  table.columns = PeopleColumns();
  table.row_count = people.size();
  table.row = [&people, framework_of_group = std::move(framework_of_group)](
                  size_t index, std::vector<std::string>& cells) {
    const model::Person& person = people[index];
    std::string level;
    if (const model::Framework* framework = framework_of_group(person.group)) {
      const model::Level* found =
          framework->LevelAt(person.track, framework->scale.IndexOf(person.grade));
      if (found != nullptr) level = found->name;
    }
    cells = {person.id,
             person.name,
             person.email,
             person.group,
             person.track,
             person.grade,
             std::move(level),
             person.position,
             person.manager_id,
             person.hire_date.ToString(),
             person.hired_at_grade,
             model::ToString(person.status),
             person.left_date ? person.left_date->ToString() : ""};
  };
  return table;
}

PersonNames NamesOf(const std::vector<model::Person>& people) {
  PersonNames names;
  names.reserve(people.size());
  for (const model::Person& person : people) names.emplace(person.id, person.name);
  return names;
}

ExportTable LevelHistoryTable(const std::vector<model::LevelChange>& history, PersonNames names) {
  // Shared, so that the table can be copied.
  auto shared_names = std::make_shared<const PersonNames>(std::move(names));
  ExportTable table;
  table.title = "Level history";
  table.columns = LevelHistoryColumns();
  table.row_count = history.size();
  table.row = [&history, shared_names](size_t index, std::vector<std::string>& cells) {
    const model::LevelChange& change = history[index];
    const auto name = shared_names->find(change.person_id);
    cells = {change.person_id,
             name == shared_names->end() ? std::string() : name->second,
             change.from_grade,
             change.to_grade,
             change.effective.ToString(),
             change.reason,
             change.decision_id,
             change.approver};
  };
  return table;
}

Status WriteExport(const ExportTable& table, ExportFormat format, const std::string& path) {
  if (format == ExportFormat::kCsv) return WriteCsv(table, path);
  return WriteXlsx({&table}, path);
}

}  // namespace yardstick::io
