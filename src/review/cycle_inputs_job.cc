#include "review/cycle_inputs_job.h"

#include <set>

#include <fmt/format.h>

#include "base/sha256.h"
#include "base/text.h"
#include "io/named_csv.h"
#include "ladder/framework_loader.h"
#include "org/permissions.h"

namespace yardstick::review {
namespace {

/// Ok if |cycle| is in one of |states|; else says when this input is taken.
Status RequireState(const model::Cycle& cycle, std::initializer_list<model::CycleState> states,
                    std::string_view what) {
  for (model::CycleState state : states) {
    if (cycle.state == state) return Status::Ok();
  }
  std::string when;
  for (model::CycleState state : states) {
    when += (when.empty() ? "" : " or ") + std::string(model::ToString(state));
  }
  return Status::FailedPrecondition(fmt::format("cycle '{}' is {}: {} are entered while it is {}",
                                                cycle.id, model::ToString(cycle.state), what,
                                                when));
}

/// Ok when |actor_id| may enter every rater's input in |raters| (|what|: "ratings").
Status RequireMayEnterFor(store::Store& store, const std::string& actor_id,
                          const std::set<std::string>& raters, std::string_view what) {
  Result<org::Actor> actor = org::LoadActor(store, actor_id);
  if (!actor.ok()) return actor.status();
  for (const std::string& rater : raters) {
    if (Status s = org::RequireOwnOrPeopleTeam(*actor, rater, what); !s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace

Result<CycleAndActor> LoadCycleAndActor(store::Store& store, const std::string& cycle_id,
                                        const std::string& actor_id) {
  Result<CycleScope> scope = LoadCycleScope(store, cycle_id);
  if (!scope.ok()) return scope.status();
  Result<org::Actor> actor = org::LoadActor(store, actor_id);
  if (!actor.ok()) return actor.status();
  return CycleAndActor{std::move(*scope), std::move(*actor)};
}

Status OpenCycle(store::Store& store, const model::Cycle& cycle, const std::string& actor_id) {
  Result<org::Actor> actor = org::LoadActor(store, actor_id);
  if (!actor.ok()) return actor.status();
  if (Status s = org::RequirePeopleTeam(*actor, "open a cycle"); !s.ok()) return s;
  return store.CreateCycle(cycle, actor_id);
}

namespace {

/// "engineering-2026-h2" from "engineering" and "2026-H2": lower case, spaces as hyphens.
std::string DefaultCycleId(const std::string& framework_id, const std::string& period) {
  std::string id = framework_id + "-" + period;
  for (char& c : id) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ' || c == '.') c = '-';
  }
  return id;
}

}  // namespace

Result<model::Cycle> OpenCycle(store::Store& store, const OpenRequest& request) {
  if (Trim(request.name).empty()) return Status::InvalidArgument("a cycle needs a name");
  Result<model::Period> period = model::Period::Parse(request.period);
  if (!period.ok()) return Status::InvalidArgument("period: " + period.status().message());
  Result<std::optional<store::StoredFramework>> framework =
      store.CurrentFramework(request.framework_id);
  if (!framework.ok()) return framework.status();
  if (!*framework) {
    return Status::FailedPrecondition(
        fmt::format("there is no framework '{}'; load it first with `yardstick framework load`",
                    request.framework_id));
  }
  model::Cycle cycle;
  cycle.id = request.id.empty() ? DefaultCycleId(request.framework_id, request.period) : request.id;
  cycle.name = request.name;
  cycle.framework_id = request.framework_id;
  cycle.framework_hash = (*framework)->hash;
  cycle.period = *period;
  if (Status s = OpenCycle(store, cycle, request.actor); !s.ok()) return s;
  Result<std::optional<model::Cycle>> stored = store.GetCycle(cycle.id);
  if (!stored.ok()) return stored.status();
  if (!*stored) return Status::Internal("the cycle opened is not stored");
  return std::move(**stored);
}

Result<CycleScope> LoadCycleScope(store::Store& store, const std::string& cycle_id) {
  Result<std::optional<model::Cycle>> cycle = store.GetCycle(cycle_id);
  if (!cycle.ok()) return cycle.status();
  if (!*cycle) {
    return Status::NotFound(
        fmt::format("there is no cycle '{}' (`yardstick cycle list` shows them)", cycle_id));
  }
  Result<std::optional<store::StoredFramework>> stored =
      store.FrameworkByHash((*cycle)->framework_hash);
  if (!stored.ok()) return stored.status();
  if (!*stored) {
    return Status::Internal(fmt::format("cycle '{}' pins framework version {}, which is missing",
                                        cycle_id, (*cycle)->framework_hash));
  }
  ladder::LoadedFramework framework = ladder::LoadFramework((*stored)->yaml);
  if (!framework.ok()) {
    return Status::FailedPrecondition(
        fmt::format("the framework version cycle '{}' pins no longer validates:\n{}", cycle_id,
                    framework.diagnostics.Format((*stored)->framework_id)));
  }
  Result<std::vector<model::ComparisonGroup>> groups = store.Groups();
  if (!groups.ok()) return groups.status();
  std::set<std::string> covered;
  for (const model::ComparisonGroup& group : *groups) {
    if (group.framework_id == (*cycle)->framework_id) covered.insert(group.id);
  }
  Result<std::vector<model::Person>> people = store.AllPeople();
  if (!people.ok()) return people.status();
  Result<std::vector<model::BenchmarkAssignment>> benchmarks = store.Benchmarks(cycle_id);
  if (!benchmarks.ok()) return benchmarks.status();
  return CycleScope(std::move(**cycle), std::move(framework.framework), std::move(covered),
                    std::move(*people), std::move(*benchmarks));
}

Result<RatingsPlan> EnterRatings(store::Store& store, std::istream& csv,
                                 const InputRequest& request) {
  Result<CycleScope> scope = LoadCycleScope(store, request.cycle_id);
  if (!scope.ok()) return scope.status();
  const model::Cycle& cycle = scope->cycle();
  if (Status s = RequireState(cycle, {model::CycleState::kRating}, "ratings"); !s.ok()) return s;
  RatingsPlan plan = PlanRatings(*scope, io::NamedCsv::Read(csv, RatingColumns()));
  if (!plan.ok()) return plan;
  std::set<std::string> raters;
  for (const model::Rating& rating : plan.ratings) raters.insert(rating.rater_id);
  if (Status s = RequireMayEnterFor(store, request.actor, raters, "ratings"); !s.ok()) return s;
  if (request.dry_run) return plan;
  if (Status s = store.PutRatings(cycle.id, cycle.state, plan.ratings, request.actor); !s.ok()) {
    return s;
  }
  return plan;
}

Result<RaterTeam> LoadRaterTeam(store::Store& store, const std::string& cycle_id,
                                const std::string& rater_id, const std::string& actor_id) {
  Result<CycleAndActor> loaded = LoadCycleAndActor(store, cycle_id, actor_id);
  if (!loaded.ok()) return loaded.status();
  const CycleScope& scope = loaded->scope;
  if (rater_id != actor_id && !loaded->actor.Holds(model::Role::kPeopleTeam)) {
    Result<bool> above = org::IsAbove(store, loaded->actor, rater_id);
    if (!above.ok()) return above.status();
    if (!*above) {
      return Status::PermissionDenied(
          fmt::format("{}'s team is seen by them, those above them and the people team", rater_id));
    }
  }
  if (scope.Find(rater_id) == nullptr) {
    return Status::NotFound(fmt::format("there is no person '{}'", rater_id));
  }
  Result<std::vector<store::VersionedRating>> ratings = store.RatingsBy(cycle_id, rater_id);
  if (!ratings.ok()) return ratings.status();
  RaterTeam team{scope.cycle(), rater_id, {}, {}};
  const auto add = [&](const model::Person& person, bool benchmark) {
    TeamMember member{person, benchmark, std::nullopt, 0};
    for (const store::VersionedRating& stored : *ratings) {
      if (stored.rating.person_id != person.id) continue;
      member.rating = stored.rating;
      member.version = stored.version;
    }
    team.members.push_back(std::move(member));
  };
  for (const model::Person* person : scope.TeamOf(rater_id)) add(*person, false);
  for (const model::BenchmarkAssignment& assignment : scope.benchmarks()) {
    const model::Person* person = scope.Find(assignment.person_id);
    if (assignment.rater_id == rater_id && person != nullptr && scope.InCycle(*person)) {
      add(*person, true);
    }
  }
  Result<std::vector<model::StackRank>> ranks = store.StackRanks(cycle_id);
  if (!ranks.ok()) return ranks.status();
  for (model::StackRank& rank : *ranks) {
    if (rank.rater_id == rater_id) team.rank = std::move(rank.people);
  }
  return team;
}

Result<EnteredRating> EnterRating(store::Store& store, const RatingEntry& entry) {
  Result<CycleScope> scope = LoadCycleScope(store, entry.cycle_id);
  if (!scope.ok()) return scope.status();
  const model::Cycle& cycle = scope->cycle();
  if (Status s = RequireState(cycle, {model::CycleState::kRating}, "ratings"); !s.ok()) return s;
  if (Status s = RequireMayEnterFor(store, entry.actor, {entry.rater_id}, "ratings"); !s.ok()) {
    return s;
  }
  // One row of a ratings file, so that the browser and the file obey the very same rules.
  const io::NamedCsv row = io::NamedCsv::FromRows(
      RatingColumns(),
      {{entry.person_id, entry.rater_id, entry.grade, entry.evidence, Join(entry.criteria, ";")}});
  RatingsPlan plan = PlanRatings(*scope, row);
  EnteredRating entered;
  if (!plan.ok()) {
    entered.problems = std::move(plan.diagnostics);
    for (const Diagnostic& problem : entered.problems.items()) {
      entered.fields.push_back(row.ColumnName(problem.loc.column));
    }
    return entered;
  }
  const model::Rating& rating = plan.ratings.front();
  if (Status s = store.PutRating(cycle.id, cycle.state, rating, entry.seen_version, entry.actor);
      !s.ok()) {
    return s;
  }
  Result<std::vector<store::VersionedRating>> stored = store.RatingsBy(cycle.id, entry.rater_id);
  if (!stored.ok()) return stored.status();
  for (store::VersionedRating& versioned : *stored) {
    if (versioned.rating.person_id == entry.person_id) entered.stored = std::move(versioned);
  }
  return entered;
}

std::string RankVersion(const std::vector<std::string>& order) {
  if (order.empty()) return "";
  return Sha256Hex(Join(order, "\n")).substr(0, 20);
}

Result<StackRanksPlan> EnterStackRank(store::Store& store, const std::string& cycle_id,
                                      const std::string& rater_id,
                                      const std::vector<std::string>& order,
                                      const std::string& seen_version, const std::string& actor) {
  Result<CycleScope> scope = LoadCycleScope(store, cycle_id);
  if (!scope.ok()) return scope.status();
  const model::Cycle& cycle = scope->cycle();
  if (Status s = RequireState(cycle, {model::CycleState::kRating}, "stack ranks"); !s.ok()) {
    return s;
  }
  if (Status s = RequireMayEnterFor(store, actor, {rater_id}, "stack ranks"); !s.ok()) return s;
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < order.size(); ++i) {
    rows.push_back({rater_id, order[i], std::to_string(i + 1)});
  }
  StackRanksPlan plan = PlanStackRanks(*scope, io::NamedCsv::FromRows(StackRankColumns(), rows));
  if (!plan.ok()) return plan;
  if (plan.ranks.empty()) {
    return Status::InvalidArgument(fmt::format("{}'s stack rank is empty", rater_id));
  }
  Result<std::vector<model::StackRank>> ranks = store.StackRanks(cycle_id);
  if (!ranks.ok()) return ranks.status();
  std::vector<std::string> current;
  for (model::StackRank& rank : *ranks) {
    if (rank.rater_id == rater_id) current = std::move(rank.people);
  }
  if (RankVersion(current) != seen_version) {
    return Status::Stale(fmt::format("{}'s stack rank has changed since it was read", rater_id));
  }
  if (Status s = store.PutStackRank(cycle.id, cycle.state, plan.ranks.front(), current, actor);
      !s.ok()) {
    return s;
  }
  return plan;
}

Result<StackRanksPlan> EnterStackRanks(store::Store& store, std::istream& csv,
                                       const InputRequest& request) {
  Result<CycleScope> scope = LoadCycleScope(store, request.cycle_id);
  if (!scope.ok()) return scope.status();
  const model::Cycle& cycle = scope->cycle();
  if (Status s = RequireState(cycle, {model::CycleState::kRating}, "stack ranks"); !s.ok()) {
    return s;
  }
  StackRanksPlan plan = PlanStackRanks(*scope, io::NamedCsv::Read(csv, StackRankColumns()));
  if (!plan.ok()) return plan;
  std::set<std::string> raters;
  for (const model::StackRank& rank : plan.ranks) raters.insert(rank.rater_id);
  if (Status s = RequireMayEnterFor(store, request.actor, raters, "stack ranks"); !s.ok()) {
    return s;
  }
  if (request.dry_run) return plan;
  if (Status s = store.PutStackRanks(cycle.id, cycle.state, plan.ranks, request.actor); !s.ok()) {
    return s;
  }
  return plan;
}

namespace {

/// Why |assignment| cannot be made in |scope|, or "".
std::string WhyNotBenchmark(const CycleScope& scope, const model::BenchmarkAssignment& assignment) {
  const std::string& cycle_id = scope.cycle().id;
  const model::Person* person = scope.Find(assignment.person_id);
  const model::Person* rater = scope.Find(assignment.rater_id);
  for (const auto& [who, found] :
       {std::pair{assignment.person_id, person}, std::pair{assignment.rater_id, rater}}) {
    if (found == nullptr) return fmt::format("unknown person '{}'", who);
    if (!scope.InCycle(*found)) {
      return fmt::format("{} is not in cycle '{}' (left, or in a group it does not cover)", who,
                         cycle_id);
    }
  }
  if (std::string why = WhyNeverRater(*person, *rater); !why.empty()) return why;
  if (person->manager_id == rater->id) {
    return fmt::format(
        "{} is {}'s manager and rates them anyway; a benchmark rater comes from "
        "another team",
        rater->id, person->id);
  }
  return "";
}

}  // namespace

Status RequireMayAssignBenchmarks(store::Store& store, const std::string& actor_id) {
  Result<org::Actor> actor = org::LoadActor(store, actor_id);
  if (!actor.ok()) return actor.status();
  return org::RequirePeopleTeam(*actor, "assign benchmark people");
}

Status AssignBenchmarks(store::Store& store, const std::string& cycle_id,
                        const std::vector<model::BenchmarkAssignment>& assignments,
                        const std::string& actor_id) {
  Result<CycleAndActor> loaded = LoadCycleAndActor(store, cycle_id, actor_id);
  if (!loaded.ok()) return loaded.status();
  CycleScope* scope = &loaded->scope;
  const org::Actor* actor = &loaded->actor;
  const model::Cycle& cycle = scope->cycle();
  if (Status s = org::RequirePeopleTeam(*actor, "assign benchmark people"); !s.ok()) return s;
  if (Status s = RequireState(cycle, {model::CycleState::kOpen, model::CycleState::kRating},
                              "benchmark assignments");
      !s.ok()) {
    return s;
  }
  for (const model::BenchmarkAssignment& assignment : assignments) {
    if (std::string why = WhyNotBenchmark(*scope, assignment); !why.empty()) {
      return Status::FailedPrecondition(why);
    }
  }
  return store.AssignBenchmarks(cycle_id, cycle.state, assignments, actor_id);
}

Result<CycleMove> AdvanceCycle(store::Store& store, const std::string& cycle_id,
                               std::optional<model::CycleState> target, bool allow_unrated,
                               const std::string& actor_id) {
  Result<CycleAndActor> loaded = LoadCycleAndActor(store, cycle_id, actor_id);
  if (!loaded.ok()) return loaded.status();
  CycleScope* scope = &loaded->scope;
  const org::Actor* actor = &loaded->actor;
  if (Status s = org::RequirePeopleTeam(*actor, fmt::format("move cycle '{}'", cycle_id));
      !s.ok()) {
    return s;
  }
  const model::Cycle& cycle = scope->cycle();
  const model::CycleState to =
      target.value_or(model::NextState(cycle.state).value_or(model::CycleState::kClosed));
  model::CycleProgress progress;
  if (to == model::CycleState::kCalibrating) {
    Result<std::vector<model::Rating>> ratings = store.Ratings(cycle_id);
    if (!ratings.ok()) return ratings.status();
    std::set<std::string> rated;
    for (const model::Rating& rating : *ratings) rated.insert(rating.person_id);
    scope->ForEachInCycle([&](const model::Person& person) {
      if (rated.count(person.id) == 0) progress.unrated.push_back(person.id);
    });
  }
  if (to == model::CycleState::kDecided) {
    Result<std::vector<store::Store::PerformedResult>> results = store.CalibratedResults(cycle_id);
    if (!results.ok()) return results.status();
    progress.calibrated = static_cast<int>(results->size());
    Result<std::vector<model::Decision>> decisions = store.Decisions(cycle_id);
    if (!decisions.ok()) return decisions.status();
    progress.decided = static_cast<int>(decisions->size());
  }
  if (to == model::CycleState::kClosed) {
    Result<std::vector<model::Decision>> decisions = store.Decisions(cycle_id);
    if (!decisions.ok()) return decisions.status();
    const model::SlateTally tally = model::Tally(*decisions);
    progress.proposed = tally.proposed;
    progress.accepted = tally.accepted;
  }
  if (Status ready = model::CheckReady(cycle, to, progress, allow_unrated); !ready.ok()) {
    return ready;
  }
  if (Status moved = store.SetCycleState(cycle_id, cycle.state, to, actor_id); !moved.ok()) {
    return moved;
  }
  return CycleMove{cycle.state, to};
}

Result<std::vector<engine::BenchmarkSuggestion>> SuggestBenchmarks(store::Store& store,
                                                                   const std::string& cycle_id) {
  Result<CycleScope> scope = LoadCycleScope(store, cycle_id);
  if (!scope.ok()) return scope.status();
  Result<std::vector<model::Rating>> ratings = store.Ratings(cycle_id);
  if (!ratings.ok()) return ratings.status();
  Result<std::vector<model::StackRank>> ranks = store.StackRanks(cycle_id);
  if (!ranks.ok()) return ranks.status();
  return SuggestCycleBenchmarks(*scope, *ratings, *ranks);
}

}  // namespace yardstick::review
