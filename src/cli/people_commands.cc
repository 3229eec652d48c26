// `yardstick people import`: an HRIS export into the store, all or nothing, with a dry run.
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "base/clock.h"
#include "cli/command.h"
#include "io/people_csv.h"
#include "org/import_diff.h"
#include "org/people_import_job.h"

namespace yardstick::cli {
namespace {

struct ImportArgs {
  std::string file;
  std::string db;
  std::vector<std::string> maps;
  bool dry_run = false;
  bool partial = false;
  bool show_all = false;
  std::string effective;
  std::string actor = "cli";
};

/// Turns the parsed options into a request; prints why not and returns false on bad usage.
bool MakeRequest(const ImportArgs& args, org::ImportRequest& request) {
  for (const std::string& spec : args.maps) {
    if (Status status = io::AddMapping(spec, request.mapping); !status.ok()) {
      std::cerr << "yardstick: " << status.message() << "\n";
      return false;
    }
  }
  const std::string day =
      args.effective.empty() ? SystemClock::Instance().TodayUtc() : args.effective;
  const std::optional<model::Date> effective = model::Date::Parse(day);
  if (!effective) {
    std::cerr << fmt::format("yardstick: --effective '{}': expected a date as YYYY-MM-DD\n", day);
    return false;
  }
  request.options = {args.partial, *effective};
  request.dry_run = args.dry_run;
  request.actor = args.actor;
  return true;
}

int Report(const ImportArgs& args, const org::ImportOutcome& outcome) {
  const org::ImportPlan& plan = outcome.plan;
  std::cout << plan.diagnostics.Format(args.file);
  if (!plan.ok()) {
    std::cerr << fmt::format("{}: {} error{}; nothing was imported\n", args.file,
                             plan.diagnostics.ErrorCount(),
                             plan.diagnostics.ErrorCount() == 1 ? "" : "s");
    return kExitProblems;
  }
  const org::DiffOptions diff{args.show_all ? 0 : org::DiffOptions{}.limit};
  std::cout << org::FormatImportDiff(plan, diff)
            << org::FormatSalaryDeviations(plan.salary_deviations, diff);
  if (args.dry_run) {
    std::cerr << "dry run: nothing was written\n";
  } else if (outcome.applied) {
    std::cerr << fmt::format("imported {} with effective date {}\n", args.file,
                             plan.changes.effective.ToString());
  } else {
    std::cerr << "nothing to change\n";
  }
  return kExitOk;
}

Action ImportSetup(CLI::App& app) {
  auto args = std::make_shared<ImportArgs>();
  app.add_option("file", args->file, "The HRIS export: CSV with a header row")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--map", args->maps,
                 "Read a field from a differently named column: FIELD=HEADER, e.g. "
                 "--map id=\"Employee ID\" (repeatable)");
  app.add_flag("--dry-run", args->dry_run, "Print what would change; write nothing");
  app.add_flag("--partial", args->partial,
               "Update only the people listed (default: the file is everyone, and active people "
               "missing from it are marked as left)");
  app.add_option("--effective", args->effective,
                 "The day the changes take effect, YYYY-MM-DD (default: today)");
  app.add_option("--actor", args->actor, "Who is importing, for the audit log");
  app.add_flag("--show-all", args->show_all, "List every change, not only the first few");
  AddDatabaseOption(app, args->db);
  app.footer(
      "Columns: id, name, email, group, track, grade, hire_date (required); position, "
      "manager_id, hired_at_grade, status, left_date, salary (optional). A salary column is "
      "compared with the pay scale and never stored.");
  return [args] {
    org::ImportRequest request;
    if (!MakeRequest(*args, request)) return kExitFailure;
    std::ifstream file(args->file, std::ios::binary);
    if (!file) {
      std::cerr << fmt::format("yardstick: cannot read {}\n", args->file);
      return kExitFailure;
    }
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<org::ImportOutcome> outcome = org::ImportPeople(*store, file, request);
    if (!outcome.ok()) {
      std::cerr << fmt::format("yardstick: {}; nothing was imported\n", outcome.status().message());
      return kExitFailure;
    }
    return Report(*args, *outcome);
  };
}

}  // namespace

std::vector<Command> PeopleCommands() {
  return {
      {"people", "import", "Import people from an HRIS export (CSV), all or nothing", ImportSetup},
  };
}

}  // namespace yardstick::cli
