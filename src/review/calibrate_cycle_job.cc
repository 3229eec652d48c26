#include "review/calibrate_cycle_job.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "org/permissions.h"
#include "review/cycle_inputs_job.h"

namespace yardstick::review {
namespace {

/// What the audit log keeps of a run: per group, how much went in and what was unresolved.
std::string Summary(const std::vector<GroupCalibration>& groups) {
  nlohmann::ordered_json json = nlohmann::ordered_json::array();
  for (const GroupCalibration& group : groups) {
    int unconnected = 0;
    int contradictions = 0;
    for (const engine::CalibrationIssue& issue : group.result.issues) {
      unconnected += issue.kind == engine::CalibrationIssueKind::kUnconnectedRater ? 1 : 0;
      contradictions += issue.kind == engine::CalibrationIssueKind::kRankContradictsRating ? 1 : 0;
    }
    nlohmann::ordered_json entry;
    entry["group"] = group.group_id;
    entry["ratings"] = group.ratings;
    entry["people"] = group.result.people.size();
    entry["raters"] = group.result.raters.size();
    entry["unconnected_raters"] = unconnected;
    entry["rank_contradictions"] = contradictions;
    entry["unrated_people"] = group.unrated.size();
    entry["performance_sd"] = group.result.variance.performance_sd;
    entry["leniency_sd"] = group.result.variance.leniency_sd;
    entry["rating_noise_sd"] = group.result.variance.rating_noise_sd;
    json.push_back(entry);
  }
  return json.dump();
}

}  // namespace

Result<LoadedCycleReport> LoadCycleReport(store::Store& store, const std::string& cycle_id) {
  Result<CycleScope> scope = LoadCycleScope(store, cycle_id);
  if (!scope.ok()) return scope.status();
  Result<std::vector<store::Store::PerformedResult>> results = store.CalibratedResults(cycle_id);
  if (!results.ok()) return results.status();
  if (results->empty()) {
    return Status::FailedPrecondition(
        fmt::format("cycle '{}' has not been calibrated yet (`yardstick cycle calibrate {}` while "
                    "it is calibrating)",
                    cycle_id, cycle_id));
  }
  Result<std::vector<store::Store::LeniencyResult>> leniencies = store.Leniencies(cycle_id);
  if (!leniencies.ok()) return leniencies.status();
  Result<std::vector<model::Rating>> ratings = store.Ratings(cycle_id);
  if (!ratings.ok()) return ratings.status();
  Result<std::vector<model::StackRank>> ranks = store.StackRanks(cycle_id);
  if (!ranks.ok()) return ranks.status();
  LoadedCycleReport loaded;
  loaded.scope = std::make_unique<CycleScope>(std::move(*scope));
  Result<std::vector<GroupCalibration>> run = CalibrateCycle(*loaded.scope, *ratings, *ranks);
  if (!run.ok()) return run.status();
  loaded.calibration = std::move(*run);
  loaded.report = BuildCycleReport(*loaded.scope, *results, *leniencies, loaded.calibration);
  return loaded;
}

Result<CalibratedCycle> CalibrateStoredCycle(store::Store& store, const std::string& cycle_id,
                                             const std::string& actor_id) {
  Result<CycleAndActor> loaded = LoadCycleAndActor(store, cycle_id, actor_id);
  if (!loaded.ok()) return loaded.status();
  CycleScope* scope = &loaded->scope;
  const org::Actor* actor = &loaded->actor;
  const model::Cycle& cycle = scope->cycle();
  if (Status s = org::RequireMayCalibrate(*actor, cycle_id, scope->groups()); !s.ok()) return s;
  if (cycle.state != model::CycleState::kCalibrating) {
    return Status::FailedPrecondition(fmt::format(
        "cycle '{}' is {}: it is calibrated while it is calibrating{}", cycle_id,
        model::ToString(cycle.state),
        cycle.state == model::CycleState::kRating ? " (`yardstick cycle advance` ends the rating)"
                                                  : ""));
  }
  Result<std::vector<model::Rating>> ratings = store.Ratings(cycle_id);
  if (!ratings.ok()) return ratings.status();
  Result<std::vector<model::StackRank>> ranks = store.StackRanks(cycle_id);
  if (!ranks.ok()) return ranks.status();
  Result<std::vector<GroupCalibration>> groups = CalibrateCycle(*scope, *ratings, *ranks);
  if (!groups.ok()) return groups.status();
  std::vector<store::Store::PerformedResult> people;
  std::vector<store::Store::LeniencyResult> raters;
  for (const GroupCalibration& group : *groups) {
    for (const engine::PersonEstimate& p : group.result.people) {
      people.push_back({p.person_id, p.level, p.se});
    }
    for (const engine::RaterEstimate& r : group.result.raters) {
      raters.push_back({r.rater_id, r.leniency, r.se});
    }
  }
  Status stored =
      store.PutCalibration(cycle_id, cycle.state, people, raters, Summary(*groups), actor_id);
  if (!stored.ok()) return stored;
  return CalibratedCycle{scope->framework().scale, std::move(*groups)};
}

}  // namespace yardstick::review
