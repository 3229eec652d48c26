#include "review/cycle_inputs_job.h"

#include <set>

#include <fmt/format.h>

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
