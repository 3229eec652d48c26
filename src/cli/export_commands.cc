// `yardstick people export` and `yardstick history export`: the organisation to CSV or XLSX.
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "io/people_export.h"
#include "org/org_frameworks.h"

namespace yardstick::cli {
namespace {

enum class ExportKind { kPeople, kHistory };

struct ExportArgs {
  std::string db;
  std::string format;
  std::string output;
};

Action ExportSetup(CLI::App& app, ExportKind kind) {
  auto args = std::make_shared<ExportArgs>();
  AddDatabaseOption(app, args->db);
  AddExportFormatOption(app, args->format);
  app.add_option("-o,--output", args->output, "The file to write")->required();
  return [args, kind] {
    const std::optional<io::ExportFormat> format = ExportFormatOrReport(args->format, args->output);
    if (!format) return kExitFailure;
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    const auto report = [](const Status& status) {
      std::cerr << "yardstick: " << status.message() << "\n";
      return kExitFailure;
    };
    // What the table reads from; it must outlive the table.
    std::vector<model::Person> people;
    std::optional<org::OrgFrameworks> frameworks;
    std::vector<model::LevelChange> history;
    io::ExportTable table;
    if (kind == ExportKind::kPeople) {
      Result<std::vector<model::Person>> all = store->AllPeople();
      if (!all.ok()) return report(all.status());
      people = std::move(*all);
      Result<org::OrgFrameworks> loaded = org::OrgFrameworks::Load(*store);
      if (!loaded.ok()) return report(loaded.status());
      frameworks = std::move(*loaded);
      table = io::PeopleTable(
          people, [&frameworks](const std::string& group) { return frameworks->ForGroup(group); });
    } else {
      io::PersonNames names;
      {  // only the names are kept: a million people need not be in memory with their history
        Result<std::vector<model::Person>> all = store->AllPeople();
        if (!all.ok()) return report(all.status());
        names = io::NamesOf(*all);
      }
      Result<std::vector<model::LevelChange>> changes = store->AllLevelHistory();
      if (!changes.ok()) return report(changes.status());
      history = std::move(*changes);
      table = io::LevelHistoryTable(history, std::move(names));
    }
    if (Status written = io::WriteExport(table, *format, args->output); !written.ok()) {
      return report(written);
    }
    std::cerr << fmt::format("exported {} {} to {}\n", table.row_count,
                             kind == ExportKind::kPeople ? "people" : "level changes",
                             args->output);
    return kExitOk;
  };
}

}  // namespace

void AddExportFormatOption(CLI::App& app, std::string& format) {
  app.add_option("--format", format, "csv or xlsx (default: from the file's extension)")
      ->check(CLI::IsMember({"csv", "xlsx"}, CLI::ignore_case));
}

std::optional<io::ExportFormat> ExportFormatOrReport(const std::string& format,
                                                     const std::string& output) {
  std::optional<io::ExportFormat> chosen =
      format.empty() ? io::FormatOfPath(output) : io::ParseExportFormat(format);
  if (!chosen) {
    std::cerr << fmt::format(
        "yardstick: {}: say --format csv or --format xlsx (the file name has neither "
        "extension)\n",
        output);
  }
  return chosen;
}

std::vector<Command> ExportCommands() {
  return {
      {"people", "export", "Write everyone (with their level) to CSV or XLSX; no pay columns",
       [](CLI::App& app) { return ExportSetup(app, ExportKind::kPeople); }},
      {"history", "export", "Write every level change to CSV or XLSX",
       [](CLI::App& app) { return ExportSetup(app, ExportKind::kHistory); }},
  };
}

}  // namespace yardstick::cli
