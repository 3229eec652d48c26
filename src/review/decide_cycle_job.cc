#include "review/decide_cycle_job.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "engine/decision_rules.h"
#include "org/permissions.h"
#include "review/cycle_inputs_job.h"

namespace yardstick::review {
namespace {

/// The earlier cycles on |cycle|'s ladder whose results count: decided or closed, ending before
/// it starts, oldest first.
Result<std::vector<model::Cycle>> EarlierCycles(store::Store& store, const model::Cycle& cycle) {
  Result<std::vector<model::Cycle>> cycles = store.Cycles();
  if (!cycles.ok()) return cycles.status();
  std::vector<model::Cycle> earlier;
  for (model::Cycle& other : *cycles) {
    const bool settled =
        other.state == model::CycleState::kDecided || other.state == model::CycleState::kClosed;
    if (other.id != cycle.id && other.framework_id == cycle.framework_id && settled &&
        other.period.end < cycle.period.start) {
      earlier.push_back(std::move(other));
    }
  }
  std::sort(earlier.begin(), earlier.end(), [](const model::Cycle& a, const model::Cycle& b) {
    return a.period.end < b.period.end;
  });
  return earlier;
}

/// Each person's grade on a day, from the level history.
class GradeHistory {
 public:
  explicit GradeHistory(std::vector<model::LevelChange> changes) : changes_(std::move(changes)) {
    for (size_t i = 0; i < changes_.size(); ++i) by_person_[changes_[i].person_id].push_back(i);
  }

  /// The grade |person_id| held at the end of |day|, or "" before they were hired.
  [[nodiscard]] std::string GradeOn(const std::string& person_id, const model::Date& day) const {
    const auto found = by_person_.find(person_id);
    if (found == by_person_.end()) return "";
    std::string grade;
    for (size_t i : found->second) {  // by date, as the store returns them
      if (day < changes_[i].effective) break;
      grade = changes_[i].to_grade;
    }
    return grade;
  }

 private:
  std::vector<model::LevelChange> changes_;
  std::unordered_map<std::string, std::vector<size_t>> by_person_;
};

model::Decision ToDecision(const engine::SlateEntry& entry) {
  model::Decision decision;
  decision.person_id = entry.person_id;
  decision.proposal = entry.proposal;
  decision.from_grade = entry.from_grade;
  decision.to_grade = entry.to_grade;
  decision.performed = entry.performed;
  decision.se = entry.se;
  decision.streak = entry.streak;
  decision.executive_level = entry.executive_level;
  decision.position_change = entry.position_change;
  decision.flags = entry.flags;
  decision.reason = entry.reason;
  if (entry.bonus) decision.bonus = entry.bonus->amount;
  return decision;
}

std::string Summary(const std::vector<model::Decision>& slate, int past_cycles) {
  std::map<std::string, int> counts;
  double bonuses = 0;
  for (const model::Decision& d : slate) {
    ++counts[std::string(model::ToString(d.proposal))];
    bonuses += d.bonus.value_or(0);
  }
  nlohmann::ordered_json json;
  json["people"] = slate.size();
  json["past_cycles"] = past_cycles;
  json["proposals"] = counts;
  json["bonuses"] = bonuses;
  return json.dump();
}

}  // namespace

double PeriodShare(const model::Period& period, const std::string& pay_period) {
  const bool whole_months = period.start.day == 1 && period.end.AddDays(1).day == 1;
  const double months =
      whole_months
          ? (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
          : (period.end.ToDays() - period.start.ToDays() + 1) * 12.0 / 365.0;
  return pay_period == "month" ? months : months / 12.0;
}

Result<DecidedCycle> DecideCycle(store::Store& store, const std::string& cycle_id,
                                 const std::string& actor_id) {
  Result<CycleAndActor> loaded = LoadCycleAndActor(store, cycle_id, actor_id);
  if (!loaded.ok()) return loaded.status();
  CycleScope* scope = &loaded->scope;
  const org::Actor* actor = &loaded->actor;
  const model::Cycle& cycle = scope->cycle();
  if (Status s = org::RequirePeopleTeam(*actor, fmt::format("decide cycle '{}'", cycle_id));
      !s.ok()) {
    return s;
  }
  if (cycle.state != model::CycleState::kCalibrating) {
    return Status::FailedPrecondition(
        fmt::format("cycle '{}' is {}: it is decided while it is calibrating, once calibrated",
                    cycle_id, model::ToString(cycle.state)));
  }
  Result<std::vector<store::Store::PerformedResult>> results = store.CalibratedResults(cycle_id);
  if (!results.ok()) return results.status();
  if (results->empty()) {
    return Status::FailedPrecondition(
        fmt::format("cycle '{}' has not been calibrated: run `yardstick cycle calibrate {}` first",
                    cycle_id, cycle_id));
  }
  Result<std::vector<model::Cycle>> earlier = EarlierCycles(store, cycle);
  if (!earlier.ok()) return earlier.status();
  Result<std::vector<model::LevelChange>> changes = store.AllLevelHistory();
  if (!changes.ok()) return changes.status();
  const GradeHistory history(std::move(*changes));
  const model::Framework& framework = scope->framework();
  const model::Scale& scale = framework.scale;

  std::vector<engine::PersonRecord> records;
  std::unordered_map<std::string, size_t> index;
  scope->ForEachInCycle([&](const model::Person& person) {
    index[person.id] = records.size();
    records.push_back({person, std::nullopt, {}});
  });
  const auto add = [&](const model::Cycle& from, const store::Store::PerformedResult& result,
                       bool current) {
    const auto found = index.find(result.person_id);
    if (found == index.end()) return;  // left, or moved to another group since
    engine::PersonRecord& record = records[found->second];
    const std::string held =
        current ? record.person.grade : history.GradeOn(result.person_id, from.period.end);
    const int held_index = scale.IndexOf(held);
    if (held_index < 0) return;
    engine::CycleResult r{from.id, held_index, result.performed, result.se};
    if (current) {
      record.result = r;
    } else {
      record.past.push_back(r);
    }
  };
  for (const model::Cycle& past : *earlier) {
    Result<std::vector<store::Store::PerformedResult>> past_results =
        store.CalibratedResults(past.id);
    if (!past_results.ok()) return past_results.status();
    for (const auto& result : *past_results) add(past, result, false);
  }
  for (const auto& result : *results) add(cycle, result, true);

  engine::DecideOptions options;
  options.period_share = PeriodShare(cycle.period, framework.pay.period);
  DecidedCycle decided;
  for (const engine::SlateEntry& entry : engine::Decide(framework, records, options)) {
    decided.slate.push_back(ToDecision(entry));
  }
  std::sort(decided.slate.begin(), decided.slate.end(),
            [](const auto& a, const auto& b) { return a.person_id < b.person_id; });
  decided.scale = scale;
  decided.currency = framework.pay.currency;
  decided.past_cycles = static_cast<int>(earlier->size());
  decided.period_share = options.period_share;
  if (Status s = store.PutSlate(cycle_id, cycle.state, decided.slate,
                                Summary(decided.slate, decided.past_cycles), actor_id);
      !s.ok()) {
    return s;
  }
  return decided;
}

}  // namespace yardstick::review
