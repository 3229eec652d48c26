// `yardstick demo init`: fills a new database with the demo organisation (lab/demo_org.h) on the
// built-in engineering and product ladders.
#include <chrono>
#include <cstdint>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/clock.h"
#include "cli/command.h"
#include "lab/demo_cycle.h"
#include "lab/demo_org.h"
#include "review/calibrate_cycle_job.h"
#include "review/cycle_inputs_job.h"
#include "review/decide_cycle_job.h"
#include "store/store.h"

namespace yardstick::cli {
namespace {

constexpr char kActor[] = "demo";

struct InitArgs {
  std::string db;
  int people = 300;
  std::uint64_t seed = 1;
  std::string frameworks = "frameworks";
  std::string today;  ///< empty: today (UTC)
  bool cycles = true;
};

/// The day the demo is generated as of: --today, or today (UTC).
std::optional<model::Date> DemoToday(const std::string& given) {
  const std::string text = given.empty() ? SystemClock::Instance().TodayUtc() : given;
  std::optional<model::Date> today = model::Date::Parse(text);
  if (!today)
    std::cerr << "yardstick: --today: expected a date as YYYY-MM-DD, not '" << text << "'\n";
  return today;
}

/// True when the store holds nobody; otherwise says why demo init will not touch it.
bool RefuseUnlessEmpty(store::Store& store, const InitArgs& args) {
  Result<std::int64_t> count = store.CountPeople();
  if (!count.ok()) {
    std::cerr << "yardstick: " << count.status().message() << "\n";
    return false;
  }
  const std::int64_t people = *count;
  if (people == 0) return true;
  std::cerr << fmt::format(
      "yardstick: {} already holds {} people; demo init only fills an empty database: start "
      "from a new file\n",
      args.db, people);
  return false;
}

/// Stores both frameworks (their text as read) and the comparison groups.
Status StoreLadders(store::Store& store, const std::vector<const FrameworkFile*>& files,
                    const lab::DemoOrg& org) {
  for (const FrameworkFile* file : files) {
    Result<std::string> hash =
        store.PutFramework(file->framework.id, file->framework.name, file->yaml, kActor);
    if (!hash.ok()) return hash.status();
  }
  for (const model::ComparisonGroup& group : org.groups()) {
    if (Status put = store.PutGroup(group, kActor); !put.ok()) return put;
  }
  return Status::Ok();
}

/// Applies every batch in order, one transaction each.
Status StorePeople(store::Store& store, const lab::DemoOrg& org) {
  for (int i = 0; i < org.batch_count(); ++i) {
    const model::PeopleChanges batch = org.Batch(i);
    if (Status applied = store.ApplyPeopleChanges(batch, kActor); !applied.ok()) {
      return Status::Internal(fmt::format("the changes of {} (batch {} of {}): {}",
                                          batch.effective.ToString(), i + 1, org.batch_count(),
                                          applied.message()));
    }
  }
  return Status::Ok();
}

/// The half-year that ended last before |today|: 2026-H1 for any day of 2026's second half.
model::Period LastHalfYear(const model::Date& today) {
  const std::string half =
      today.month > 6 ? fmt::format("{}-H1", today.year) : fmt::format("{}-H2", today.year - 1);
  return *model::Period::Parse(half);
}

/// Makes the person at the top of the tree (the CTO) the people team and an executive, so that
/// the demo can be run as them (`--as`). Returns their id.
Result<std::string> GrantDemoRoles(store::Store& store) {
  Result<std::vector<model::Person>> people = store.ListPeople({});
  if (!people.ok()) return people.status();
  const auto top = std::find_if(people->begin(), people->end(), [](const model::Person& person) {
    return person.manager_id.empty();
  });
  if (top == people->end()) return Status::Internal("the demo organisation has nobody at the top");
  for (model::Role role : {model::Role::kPeopleTeam, model::Role::kExecutive}) {
    if (Status s = store.GrantRole({top->id, role, ""}, kActor); !s.ok()) return s;
  }
  return top->id;
}

/// One calibrated demo cycle per framework, for the last half-year: benchmark people assigned,
/// everyone rated by their manager, teams stack-ranked, calibrated and a slate proposed. Left
/// calibrating, so that the slate can be looked at and decided again. Returns a line per cycle for
/// the summary.
Result<std::vector<std::string>> StoreDemoCycles(store::Store& store,
                                                 const std::vector<const FrameworkFile*>& files,
                                                 const model::Date& today, std::uint64_t seed,
                                                 const std::string& actor) {
  std::vector<std::string> lines;
  const model::Period period = LastHalfYear(today);
  for (const FrameworkFile* file : files) {
    const model::Framework& framework = file->framework;
    Result<std::optional<store::StoredFramework>> stored = store.CurrentFramework(framework.id);
    if (!stored.ok()) return stored.status();
    model::Cycle cycle;
    cycle.id = fmt::format("{}-{}-h{}", framework.id, period.end.year, period.end.month / 6);
    cycle.name = fmt::format("{} H{} {}", framework.name, period.end.month / 6, period.end.year);
    cycle.framework_id = framework.id;
    cycle.framework_hash = (*stored)->hash;
    cycle.period = period;
    if (Status s = review::OpenCycle(store, cycle, actor); !s.ok()) return s;
    Result<std::vector<engine::BenchmarkSuggestion>> suggested =
        review::SuggestBenchmarks(store, cycle.id);
    if (!suggested.ok()) return suggested.status();
    std::vector<model::BenchmarkAssignment> benchmarks;
    for (const engine::BenchmarkSuggestion& s : *suggested) {
      benchmarks.push_back({s.person_id, s.rater_id});
    }
    if (Status s = review::AssignBenchmarks(store, cycle.id, benchmarks, actor); !s.ok()) return s;
    if (Result<review::CycleMove> moved =
            review::AdvanceCycle(store, cycle.id, std::nullopt, false, actor);
        !moved.ok()) {
      return moved.status();
    }
    Result<review::CycleScope> scope = review::LoadCycleScope(store, cycle.id);
    if (!scope.ok()) return scope.status();
    std::vector<model::Person> people;
    scope->ForEachInCycle([&](const model::Person& person) { people.push_back(person); });
    const lab::DemoCycleInputs inputs =
        lab::GenerateDemoCycle(people, scope->benchmarks(), framework.scale, seed);
    const model::CycleState rating = model::CycleState::kRating;
    if (Status s = store.PutRatings(cycle.id, rating, inputs.ratings, actor); !s.ok()) return s;
    if (Status s = store.PutStackRanks(cycle.id, rating, inputs.ranks, actor); !s.ok()) return s;
    // The top of each tree has nobody in their group to rate them.
    if (Result<review::CycleMove> moved =
            review::AdvanceCycle(store, cycle.id, std::nullopt, true, actor);
        !moved.ok()) {
      return moved.status();
    }
    Result<review::CalibratedCycle> calibrated =
        review::CalibrateStoredCycle(store, cycle.id, actor);
    if (!calibrated.ok()) return calibrated.status();
    Result<review::DecidedCycle> decided = review::DecideCycle(store, cycle.id, actor);
    if (!decided.ok()) return decided.status();
    lines.push_back(
        fmt::format("{} ({} ratings, {} of benchmark people; calibrated, a slate proposed)",
                    cycle.id, inputs.ratings.size(), benchmarks.size()));
  }
  return lines;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void PrintSummary(const InitArgs& args, const model::Date& today, const lab::DemoOrg& org,
                  const std::string& people_team, const std::vector<std::string>& cycles,
                  double generate_seconds, double store_seconds) {
  const lab::DemoOrgSummary& s = org.summary();
  std::cout << fmt::format("demo organisation in {} (seed {}, as of {})\n", args.db, args.seed,
                           today.ToString());
  std::cout << fmt::format("  people      {} ({} active, {} left): {} engineering, {} product\n",
                           s.people, s.active, s.left, s.engineering, s.product);
  std::cout << fmt::format("  managers    {}, and {} tech leads\n", s.managers, s.tech_leads);
  std::cout << fmt::format("  promotions  {} at {} review cycles, {} to {}\n", s.promotions,
                           s.cycles, s.first_cycle_end.ToString(), s.last_cycle_end.ToString());
  std::vector<std::string> groups;
  for (const model::ComparisonGroup& group : org.groups()) {
    groups.push_back(fmt::format("{} (framework {})", group.id, group.framework_id));
  }
  std::cout << fmt::format("  groups      {}\n", fmt::join(groups, ", "));
  std::cout << fmt::format(
      "  roles       {} is the people team and an executive (run as them "
      "with --as {})\n",
      people_team, people_team);
  for (size_t i = 0; i < cycles.size(); ++i) {
    std::cout << fmt::format("  {}{}\n", i == 0 ? "cycles      " : "            ", cycles[i]);
  }
  std::cout << fmt::format("  time        {:.2f} s (generate {:.2f} s, store {:.2f} s)\n",
                           generate_seconds + store_seconds, generate_seconds, store_seconds);
}

int RunInit(const InitArgs& args) {
  const std::optional<model::Date> today = DemoToday(args.today);
  if (!today) return kExitFailure;
  int exit_code = kExitOk;
  const std::optional<FrameworkFile> engineering =
      LoadFrameworkFileOrReport(args.frameworks + "/engineering.yaml", exit_code);
  const std::optional<FrameworkFile> product =
      LoadFrameworkFileOrReport(args.frameworks + "/product.yaml", exit_code);
  if (!engineering || !product) return exit_code;

  std::unique_ptr<store::Store> store = OpenStoreOrReport(args.db, OpenMode::kCreateIfMissing);
  if (store == nullptr) return kExitFailure;
  if (!RefuseUnlessEmpty(*store, args)) return kExitFailure;

  const auto generate_start = std::chrono::steady_clock::now();
  Result<lab::DemoOrg> org = lab::DemoOrg::Generate({args.people, args.seed, *today},
                                                    engineering->framework, product->framework);
  if (!org.ok()) {
    std::cerr << "yardstick: " << org.status().message() << "\n";
    return kExitFailure;
  }
  const double generate_seconds = SecondsSince(generate_start);

  const auto store_start = std::chrono::steady_clock::now();
  Status stored = StoreLadders(*store, {&*engineering, &*product}, *org);
  if (stored.ok()) stored = StorePeople(*store, *org);
  if (!stored.ok()) {
    std::cerr << fmt::format(
        "yardstick: {}\nyardstick: {} now holds part of the demo organisation; start from a new "
        "file\n",
        stored.message(), args.db);
    return kExitFailure;
  }
  Result<std::string> people_team = GrantDemoRoles(*store);
  if (!people_team.ok()) {
    std::cerr << fmt::format("yardstick: the demo roles: {}\n", people_team.status().message());
    return kExitFailure;
  }
  std::vector<std::string> cycles;
  if (args.cycles) {
    Result<std::vector<std::string>> made =
        StoreDemoCycles(*store, {&*engineering, &*product}, *today, args.seed, *people_team);
    if (!made.ok()) {
      std::cerr << fmt::format("yardstick: the demo review cycles: {}\n", made.status().message());
      return kExitFailure;
    }
    cycles = std::move(*made);
  }
  PrintSummary(args, *today, *org, *people_team, cycles, generate_seconds,
               SecondsSince(store_start));
  return kExitOk;
}

Action InitSetup(CLI::App& app) {
  auto args = std::make_shared<InitArgs>();
  AddDatabaseOption(app, args->db);
  app.add_option("--people", args->people, "How many people, including those who left")
      ->check(CLI::Range(1, 10'000'000))
      ->capture_default_str();
  app.add_option("--seed", args->seed, "The same seed gives the same organisation")
      ->capture_default_str();
  app.add_option("--frameworks", args->frameworks,
                 "Directory holding engineering.yaml and product.yaml")
      ->capture_default_str();
  app.add_flag("--cycles,!--no-cycles", args->cycles,
               "Also run a review cycle per ladder for the last half-year: benchmark people, "
               "ratings, stack ranks, calibration (default: yes)");
  app.add_option("--today", args->today,
                 "Generate as of this day, YYYY-MM-DD (default: today); hires and review cycles "
                 "lie before it");
  app.footer(
      "Writes the engineering and product ladders, their comparison groups and a made-up "
      "organisation: a manager tree under a CTO, hires over eight years, promotions at the "
      "review cycles of the last four years and a few people who left.");
  return [args] { return RunInit(*args); };
}

}  // namespace

std::vector<Command> DemoCommands() {
  return {{"demo", "init", "Fill a new database with a realistic demo organisation", InitSetup}};
}

}  // namespace yardstick::cli
