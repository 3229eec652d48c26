// `yardstick cycle open|list|show|advance`: review cycles and their lifecycle.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "base/text.h"
#include "cli/command.h"
#include "cli/input_options.h"
#include "io/atomic_file.h"
#include "io/csv_writer.h"
#include "io/web_assets.h"
#include "io/xlsx_writer.h"
#include "model/cycle.h"
#include "review/calibrate_cycle_job.h"
#include "review/cycle_inputs_job.h"
#include "review/cycle_report_html.h"
#include "review/cycle_report_job.h"
#include "review/person_attributes.h"
#include "review/slate_report.h"
#include "store/store.h"

namespace yardstick::cli {
namespace {

struct OpenArgs {
  std::string name;
  std::string framework;
  std::string period;
  std::string id;
  std::string actor;
  std::string db;
};

Action OpenSetup(CLI::App& app) {
  auto args = std::make_shared<OpenArgs>();
  app.add_option("name", args->name, "What people call it, e.g. \"Engineering H2 2026\"")
      ->required();
  app.add_option("--framework", args->framework,
                 "The framework (ladder) id; its current "
                 "version is pinned for the whole cycle")
      ->required();
  app.add_option("--period", args->period,
                 "The period reviewed: 2026, 2026-H2, 2026-Q3, 2026-09 or "
                 "2026-07-01..2026-12-31")
      ->required();
  app.add_option("--id", args->id,
                 "Cycle id (default: FRAMEWORK-PERIOD, e.g. engineering-2026-h2)");
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  return [args] {
    if (Result<model::Period> period = model::Period::Parse(args->period); !period.ok()) {
      std::cerr << "yardstick: --period: " << period.status().message() << "\n";
      return kExitFailure;  // bad usage
    }
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<model::Cycle> cycle = review::OpenCycle(
        *store, {args->name, args->framework, args->period, args->id, args->actor});
    if (!cycle.ok()) return ReportFailure(cycle.status());
    std::cout << fmt::format("opened cycle {} ({}), {} on framework {} version {}\n", cycle->id,
                             cycle->name, cycle->period.ToString(), cycle->framework_id,
                             cycle->framework_hash.substr(0, 12));
    return kExitOk;
  };
}

Action ListSetup(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  AddDatabaseOption(app, *db);
  return [db] {
    auto store = OpenStoreOrReport(*db);
    if (!store) return kExitFailure;
    Result<std::vector<model::Cycle>> cycles = store->Cycles();
    if (!cycles.ok()) return ReportFailure(cycles.status());
    if (cycles->empty()) {
      std::cerr << "no cycles yet; open one with `yardstick cycle open`\n";
      return kExitOk;
    }
    std::cout << fmt::format("{:<28} {:<12} {:<24} {:<14} {}\n", "ID", "STATE", "PERIOD",
                             "FRAMEWORK", "NAME");
    for (const model::Cycle& cycle : *cycles) {
      std::cout << fmt::format("{:<28} {:<12} {:<24} {:<14} {}\n", cycle.id,
                               model::ToString(cycle.state), cycle.period.ToString(),
                               cycle.framework_id, cycle.name);
    }
    return kExitOk;
  };
}

/// The cycle named |id|, or nullopt after saying there is none.
std::optional<model::Cycle> FindCycle(store::Store& store, const std::string& id, int& exit_code) {
  Result<std::optional<model::Cycle>> cycle = store.GetCycle(id);
  if (!cycle.ok()) {
    exit_code = ReportFailure(cycle.status());
    return std::nullopt;
  }
  if (!*cycle) {
    exit_code = ReportFailure(Status::NotFound(
        fmt::format("there is no cycle '{}' (`yardstick cycle list` shows them)", id)));
  }
  return *cycle;
}

struct ShowArgs {
  std::string id;
  std::string db;
};

/// What a cycle holds so far: who is rated, stack ranks, benchmark people, feedback, sheets.
int PrintProgress(store::Store& store, const model::Cycle& cycle) {
  Result<review::CycleScope> scope = review::LoadCycleScope(store, cycle.id);
  if (!scope.ok()) return ReportFailure(scope.status());
  Result<std::vector<model::Rating>> ratings = store.Ratings(cycle.id);
  Result<std::vector<model::StackRank>> ranks = store.StackRanks(cycle.id);
  Result<std::vector<model::Feedback>> feedback = store.Feedback(cycle.id);
  Result<std::vector<model::RubricSheet>> sheets = store.RubricSheets(cycle.id);
  for (const Status& status :
       {ratings.status(), ranks.status(), feedback.status(), sheets.status()}) {
    if (!status.ok()) return ReportFailure(status);
  }
  std::set<std::string> rated;
  for (const model::Rating& rating : *ratings) rated.insert(rating.person_id);
  int people = 0;
  scope->ForEachInCycle([&](const model::Person&) { ++people; });
  size_t given = 0;
  for (const model::Feedback& each : *feedback) given += each.given ? 1 : 0;
  std::cout << fmt::format(
      "  People     {} in the cycle, {} rated ({} ratings; {} benchmark ratings "
      "assigned)\n",
      people, rated.size(), ratings->size(), scope->benchmarks().size());
  std::cout << fmt::format(
      "  Evidence   {} stack ranks, {} of {} feedback requests answered, {} "
      "rubric sheets\n",
      ranks->size(), given, feedback->size(), sheets->size());
  return kExitOk;
}

Action ShowSetup(CLI::App& app) {
  auto args = std::make_shared<ShowArgs>();
  app.add_option("id", args->id, "Cycle id")->required();
  AddDatabaseOption(app, args->db);
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    int exit_code = kExitOk;
    const std::optional<model::Cycle> cycle = FindCycle(*store, args->id, exit_code);
    if (!cycle) return exit_code;
    Result<std::vector<model::ComparisonGroup>> groups = store->Groups();
    if (!groups.ok()) return ReportFailure(groups.status());
    std::string covered;
    for (const model::ComparisonGroup& group : *groups) {
      if (group.framework_id != cycle->framework_id) continue;
      covered += (covered.empty() ? "" : ", ") + group.id;
    }
    const std::optional<model::CycleState> next = model::NextState(cycle->state);
    std::cout << fmt::format("{}  {}\n", cycle->id, cycle->name);
    std::cout << fmt::format("  State      {}{}\n", model::ToString(cycle->state),
                             next ? fmt::format(" (next: {})", model::ToString(*next))
                                  : " (final: nothing in it changes any more)");
    std::cout << fmt::format("  Period     {}\n", cycle->period.ToString());
    std::cout << fmt::format("  Framework  {} version {}\n", cycle->framework_id,
                             cycle->framework_hash.substr(0, 12));
    std::cout << fmt::format("  Groups     {}\n",
                             covered.empty() ? "(none use this framework)" : covered);
    std::cout << fmt::format("  Opened     {}\n", cycle->created_at);
    return PrintProgress(*store, *cycle);
  };
}

struct AdvanceArgs {
  std::string id;
  std::string to;
  bool allow_unrated = false;
  std::string actor;
  std::string db;
};

Action AdvanceSetup(CLI::App& app) {
  auto args = std::make_shared<AdvanceArgs>();
  app.add_option("id", args->id, "Cycle id")->required();
  app.add_option("--to", args->to,
                 "The state to move to (default: the next one); states go open, rating, "
                 "calibrating, decided, closed")
      ->check(CLI::IsMember({"open", "rating", "calibrating", "decided", "closed"}));
  app.add_flag("--allow-unrated", args->allow_unrated,
               "End rating although some people in the cycle have no rating (on leave, new)");
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  app.footer(
      "Rating ends when everyone in the cycle has a rating; calibrating ends once the cycle has "
      "been calibrated (`yardstick cycle calibrate`). A closed cycle never changes.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    const std::optional<model::CycleState> target =
        args->to.empty() ? std::nullopt : model::ParseCycleState(args->to);
    Result<review::CycleMove> moved =
        review::AdvanceCycle(*store, args->id, target, args->allow_unrated, args->actor);
    if (!moved.ok()) return ReportFailure(moved.status());
    std::cout << fmt::format("cycle {}: {} -> {}\n", args->id, model::ToString(moved->from),
                             model::ToString(moved->to));
    return kExitOk;
  };
}

Action RatingsSetup(CLI::App& app) {
  auto args = AddInputOptions(app, "CSV: person_id, rater_id, grade[, evidence, criteria]");
  app.footer(
      "Each row: the grade PERSON performed at this period, in RATER's judgement, on the scale "
      "of the framework version the cycle pinned. Raters rate their own direct reports and the "
      "benchmark people they are assigned, within one comparison group, never themselves. "
      "criteria: ids of the framework's criteria demonstrated, separated by ';'. A rating "
      "entered again replaces the earlier one. All or nothing.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    std::ifstream in(args->file, std::ios::binary);
    const Result<review::RatingsPlan> plan =
        review::EnterRatings(*store, in, {args->cycle, args->dry_run, args->actor});
    const size_t count = plan.ok() ? plan->ratings.size() : 0;
    size_t benchmark = 0;
    if (plan.ok()) {
      for (const model::Rating& rating : plan->ratings) benchmark += rating.benchmark ? 1 : 0;
    }
    return ReportInput(
        *args, plan,
        fmt::format("{} {} rating{} ({} by managers, {} of benchmark people) for "
                    "cycle {}\n",
                    args->dry_run ? "would record" : "recorded", count, count == 1 ? "" : "s",
                    count - benchmark, benchmark, args->cycle));
  };
}

Action RanksSetup(CLI::App& app) {
  auto args = AddInputOptions(app, "CSV: rater_id, person_id, rank (1 = best)");
  app.footer(
      "Each rater orders their whole team (their direct reports in the cycle), best first: "
      "ranks 1, 2, … without gaps or ties. A rater's ranking replaces their earlier one. All or "
      "nothing.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    std::ifstream in(args->file, std::ios::binary);
    const Result<review::StackRanksPlan> plan =
        review::EnterStackRanks(*store, in, {args->cycle, args->dry_run, args->actor});
    const size_t count = plan.ok() ? plan->ranks.size() : 0;
    return ReportInput(*args, plan,
                       fmt::format("{} the stack ranks of {} rater{} for cycle {}\n",
                                   args->dry_run ? "would record" : "recorded", count,
                                   count == 1 ? "" : "s", args->cycle));
  };
}

struct BenchmarkArgs {
  std::string cycle;
  model::BenchmarkAssignment assignment;
  std::string actor;
  std::string db;
};

Action BenchmarkSetup(CLI::App& app) {
  auto args = std::make_shared<BenchmarkArgs>();
  app.add_option("cycle", args->cycle, "Cycle id")->required();
  app.add_option("person", args->assignment.person_id, "The benchmark person")->required();
  app.add_option("rater", args->assignment.rater_id,
                 "Who rates them in addition to their manager: someone from another team in "
                 "the same comparison group")
      ->required();
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  app.footer(
      "Benchmark people are rated by raters from other teams as well as by their manager; "
      "their ratings tie the raters' leniencies together so that calibration can compare teams.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    if (Status assigned =
            review::AssignBenchmarks(*store, args->cycle, {args->assignment}, args->actor);
        !assigned.ok()) {
      return ReportFailure(assigned);
    }
    std::cout << fmt::format("{} rates {} as a benchmark person in cycle {}\n",
                             args->assignment.rater_id, args->assignment.person_id, args->cycle);
    return kExitOk;
  };
}

struct SuggestArgs {
  std::string cycle;
  bool assign = false;
  std::string actor;
  std::string db;
};

Action SuggestSetup(CLI::App& app) {
  auto args = std::make_shared<SuggestArgs>();
  app.add_option("cycle", args->cycle, "Cycle id")->required();
  app.add_flag("--assign", args->assign, "Assign every suggestion (all or nothing)");
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  app.footer(
      "Calibration can compare two raters' leniency only when some person is rated by both. "
      "This proposes the fewest extra ratings that link every rater of each comparison group: "
      "one rater of the best-connected part rates one middling person of another team.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    if (args->assign) {
      if (Status s = review::RequireMayAssignBenchmarks(*store, args->actor); !s.ok()) {
        return ReportFailure(s);
      }
    }
    Result<std::vector<engine::BenchmarkSuggestion>> suggestions =
        review::SuggestBenchmarks(*store, args->cycle);
    if (!suggestions.ok()) return ReportFailure(suggestions.status());
    if (suggestions->empty()) {
      std::cout << "every rater is connected already: no benchmark rating is needed\n";
      return kExitOk;
    }
    std::vector<model::BenchmarkAssignment> assignments;
    for (const engine::BenchmarkSuggestion& s : *suggestions) {
      std::cout << fmt::format("{} rates {} (connects {} rater{})\n", s.rater_id, s.person_id,
                               s.raters_connected, s.raters_connected == 1 ? "" : "s");
      assignments.push_back({s.person_id, s.rater_id});
    }
    if (!args->assign) {
      std::cerr << fmt::format("{} suggestions; --assign assigns them\n", assignments.size());
      return kExitOk;
    }
    if (Status assigned = review::AssignBenchmarks(*store, args->cycle, assignments, args->actor);
        !assigned.ok()) {
      return ReportFailure(assigned);
    }
    std::cerr << fmt::format("assigned {} benchmark ratings in cycle {}\n", assignments.size(),
                             args->cycle);
    return kExitOk;
  };
}

struct ReportArgs {
  std::string cycle;
  int show = 10;
  std::string xlsx;
  std::string csv_dir;
  std::string html;
  std::string attributes;
  std::vector<std::string> by;
  std::string actor;
  std::string db;
};

/// "by_team" from "By team": a table's CSV file name.
std::string CsvName(const std::string& title) {
  std::string name = ToLower(title);
  std::replace(name.begin(), name.end(), ' ', '_');
  return name;
}

/// Writes |html| to |path| atomically.
Status WriteHtml(const std::string& html, const std::string& path) {
  Result<io::AtomicFile> file = io::AtomicFile::Create(path);
  if (!file.ok()) return file.status();
  {
    std::ofstream out(file->temp_path(), std::ios::binary);
    out << html;
    out.close();
    if (!out) return Status::IoError(fmt::format("{}: write failed", path));
  }
  return file->Commit();
}

/// Reads the attribute file and picks the columns asked for; on failure prints why and sets
/// |exit_code|.
std::optional<std::vector<size_t>> ReadAttributesOrReport(const ReportArgs& args,
                                                          const review::CycleScope& scope,
                                                          review::PersonAttributes& attributes,
                                                          int& exit_code) {
  std::ifstream in(args.attributes, std::ios::binary);
  if (!in) {
    exit_code = ReportFailure(Status::IoError(fmt::format("cannot read {}", args.attributes)));
    return std::nullopt;
  }
  attributes = review::ReadPersonAttributes(in, scope);
  std::cerr << attributes.diagnostics.Format(args.attributes);
  if (!attributes.ok()) {
    const int errors = attributes.diagnostics.ErrorCount();
    std::cerr << fmt::format("{}: {} error{}; no report was made\n", args.attributes, errors,
                             errors == 1 ? "" : "s");
    exit_code = kExitProblems;
    return std::nullopt;
  }
  Result<std::vector<size_t>> selected = review::SelectAttributes(attributes, args.by);
  if (!selected.ok()) {
    exit_code = ReportFailure(selected.status());
    return std::nullopt;
  }
  return *selected;
}

/// Writes the report's files: --xlsx, --csv and --html.
int WriteReportFiles(const ReportArgs& args, const review::LoadedCycleReport& loaded,
                     const review::SlateReport& slate) {
  std::vector<io::ExportTable> tables = review::CycleReportTables(loaded.report);
  for (io::ExportTable& table : review::SlateReportTables(slate))
    tables.push_back(std::move(table));
  if (!args.xlsx.empty()) {
    std::vector<const io::ExportTable*> sheets;
    sheets.reserve(tables.size());
    for (const io::ExportTable& table : tables) sheets.push_back(&table);
    if (Status written = io::WriteXlsx(sheets, args.xlsx); !written.ok()) {
      return ReportFailure(written);
    }
    std::cerr << fmt::format("wrote {}\n", args.xlsx);
  }
  if (!args.csv_dir.empty()) {
    std::error_code error;
    std::filesystem::create_directories(args.csv_dir, error);
    std::vector<std::string> names;
    for (const io::ExportTable& table : tables) {
      names.push_back(CsvName(table.title) + ".csv");
      const std::string path = fmt::format("{}/{}", args.csv_dir, names.back());
      if (Status written = io::WriteCsv(table, path); !written.ok()) return ReportFailure(written);
    }
    std::cerr << fmt::format("wrote {} to {}\n", Join(names, ", "), args.csv_dir);
  }
  if (!args.html.empty()) {
    const std::string html = review::RenderCycleReportHtml(slate, io::ChartJsBundle());
    if (Status written = WriteHtml(html, args.html); !written.ok()) return ReportFailure(written);
    std::cerr << fmt::format("wrote {}\n", args.html);
  }
  return kExitOk;
}

Action ReportSetup(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  app.add_option("cycle", args->cycle, "Cycle id")->required();
  app.add_option("--show", args->show, "Lines to show per list (0: all)")->capture_default_str();
  app.add_option("--html", args->html,
                 "Also write the whole report as one self-contained HTML page (charts included)");
  app.add_option("--xlsx", args->xlsx,
                 "Also write the report as a workbook: people, raters, distribution, slate, by "
                 "team, by rater, adverse impact");
  app.add_option("--csv", args->csv_dir,
                 "Also write the report's tables as CSV files into this directory (people.csv, "
                 "raters.csv, distribution.csv, slate.csv, by_team.csv, by_rater.csv, "
                 "adverse_impact.csv)");
  app.add_option("--attributes", args->attributes,
                 "A CSV of person attributes to break promotion and plan rates down by: an id "
                 "column (person_id or id) and any others (gender, location, …); not stored");
  app.add_option("--by", args->by,
                 "An attribute column to break rates down by (repeatable; default: every one)");
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  app.footer(
      "Per comparison group: held against performed grades, who performed clearly above or below "
      "their grade (the 90% interval clear of it by a grade or more), each rater's leniency with "
      "its 90% interval, and what calibration could not resolve. Then the slate: promotions, "
      "plans and bonuses by team and by rater, the exceptions, and with --attributes the "
      "promotion and plan rates per attribute value with the four-fifths rule. The report shows "
      "pay: only the people team may make it, and each one is recorded in the audit log.");
  return [args] {
    if (!args->by.empty() && args->attributes.empty()) {
      std::cerr << "yardstick: --by names a column of the attribute file: give --attributes "
                   "FILE.csv\n";
      return kExitFailure;
    }
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<review::CycleReportInputs> inputs =
        review::LoadCycleReportInputs(*store, args->cycle, args->actor);
    if (!inputs.ok()) return ReportFailure(inputs.status());
    const review::LoadedCycleReport& loaded = inputs->loaded;
    review::PersonAttributes attributes;
    std::vector<size_t> by;
    if (!args->attributes.empty()) {
      int exit_code = kExitOk;
      std::optional<std::vector<size_t>> selected =
          ReadAttributesOrReport(*args, *loaded.scope, attributes, exit_code);
      if (!selected) return exit_code;
      by = std::move(*selected);
    }
    const review::SlateReport slate = review::BuildSlateReport(
        loaded.report, inputs->currency, inputs->decisions, inputs->ratings,
        args->attributes.empty() ? nullptr : &attributes, by);
    if (Status recorded = review::RecordCycleReportRead(*store, args->cycle, args->actor);
        !recorded.ok()) {
      return ReportFailure(recorded);
    }
    std::cout << review::FormatCycleReport(loaded.report, args->show);
    std::cout << review::FormatSlateSummary(slate);
    return WriteReportFiles(*args, loaded, slate);
  };
}

struct CalibrateArgs {
  std::string cycle;
  int show = 10;
  std::string actor;
  std::string db;
};

Action CalibrateSetup(CLI::App& app) {
  auto args = std::make_shared<CalibrateArgs>();
  app.add_option("cycle", args->cycle, "Cycle id")->required();
  app.add_option("--show", args->show, "Lines to show per list (0: all)")->capture_default_str();
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  app.footer(
      "Removes each rater's leniency from the cycle's ratings, per comparison group, using the "
      "stack ranks and benchmark people, and stores every person's performed grade with its "
      "standard error. Run it again to replace the results. See docs/calibration.md.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    Result<review::CalibratedCycle> calibrated =
        review::CalibrateStoredCycle(*store, args->cycle, args->actor);
    if (!calibrated.ok()) return ReportFailure(calibrated.status());
    size_t people = 0;
    for (const review::GroupCalibration& group : calibrated->groups) {
      std::cout << review::FormatGroupCalibration(group, args->show);
      people += group.result.people.size();
    }
    std::cout << fmt::format("stored the performed grades of {} people for cycle {}\n", people,
                             args->cycle);
    return kExitOk;
  };
}

}  // namespace

std::vector<Command> CycleCommands() {
  return {
      {"cycle", "open", "Open a review cycle on a framework version for a period", OpenSetup},
      {"cycle", "list", "List review cycles, the latest period first", ListSetup},
      {"cycle", "show", "A cycle's state, period, framework version and groups", ShowSetup},
      {"cycle", "advance", "Move a cycle to its next state (closed is final)", AdvanceSetup},
      {"cycle", "benchmark", "Assign a rater from another team to rate a benchmark person",
       BenchmarkSetup},
      {"cycle", "suggest-benchmarks",
       "Propose (and with --assign, assign) benchmark ratings that connect every rater",
       SuggestSetup},
      {"cycle", "ratings", "Enter ratings from CSV (while the cycle is rating), all or nothing",
       RatingsSetup},
      {"cycle", "calibrate", "Remove rater leniency and store everyone's performed grade",
       CalibrateSetup},
      {"cycle", "report",
       "Grades, rater leniency, the slate by team and rater, adverse impact; HTML, CSV, XLSX",
       ReportSetup},
      {"cycle", "ranks", "Enter stack ranks from CSV (while the cycle is rating), all or nothing",
       RanksSetup},
  };
}

}  // namespace yardstick::cli
