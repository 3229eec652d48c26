#include "review/decide_cycle_job.h"

#include <algorithm>
#include <map>
#include <optional>
#include <thread>

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

/// Calls |visit(i, j)| for each |a|[i] and |b|[j] with the same person id, both sorted by it.
template <typename A, typename B, typename IdA, typename IdB, typename Visit>
void ForEachMatch(const std::vector<A>& a, const std::vector<B>& b, IdA id_a, IdB id_b,
                  Visit&& visit) {
  size_t i = 0;
  for (size_t j = 0; j < b.size() && i < a.size(); ++j) {
    const std::string& wanted = id_b(b[j]);
    while (i < a.size() && id_a(a[i]) < wanted) ++i;
    if (i < a.size() && id_a(a[i]) == wanted) visit(i, j);
  }
}

/// The people's grades over time, from the level history: for each record, the grade indices it
/// took and from which day, oldest first (one flat array, sliced per record).
class GradeHistory {
 public:
  GradeHistory(const std::vector<engine::PersonRecord>& records,
               const std::vector<model::LevelChange>& changes, const model::Scale& scale)
      : start_(records.size() + 1, 0) {
    std::vector<size_t> owner(changes.size(), records.size());
    ForEachMatch(
        records, changes,
        [](const engine::PersonRecord& r) -> const std::string& { return r.person->id; },
        [](const model::LevelChange& c) -> const std::string& { return c.person_id; },
        [&](size_t record, size_t change) { owner[change] = record; });
    for (size_t c = 0; c < changes.size(); ++c) {
      if (owner[c] < records.size()) ++start_[owner[c] + 1];
    }
    for (size_t r = 0; r < records.size(); ++r) start_[r + 1] += start_[r];
    steps_.resize(start_.back());
    std::vector<size_t> next(start_.begin(), start_.end() - 1);
    for (size_t c = 0; c < changes.size(); ++c) {  // by person, then date, as the store gives them
      if (owner[c] == records.size()) continue;
      steps_[next[owner[c]]++] = {changes[c].effective.ToDays(),
                                  scale.IndexOf(changes[c].to_grade)};
    }
  }

  /// The grade index record |record| held at the end of |day|; -1 before they were hired.
  [[nodiscard]] int GradeOn(size_t record, const model::Date& day) const {
    const int days = day.ToDays();
    int grade = -1;
    for (size_t i = start_[record]; i < start_[record + 1] && steps_[i].first <= days; ++i) {
      grade = steps_[i].second;
    }
    return grade;
  }

 private:
  std::vector<size_t> start_;               ///< record r's steps: [start_[r], start_[r + 1])
  std::vector<std::pair<int, int>> steps_;  ///< {day, grade index}
};

model::Decision ToDecision(engine::SlateEntry&& entry) {
  model::Decision decision;
  decision.person_id = std::move(entry.person_id);
  decision.proposal = entry.proposal;
  decision.from_grade = std::move(entry.from_grade);
  decision.to_grade = std::move(entry.to_grade);
  decision.performed = entry.performed;
  decision.se = entry.se;
  decision.streak = entry.streak;
  decision.executive_level = std::move(entry.executive_level);
  decision.position_change = std::move(entry.position_change);
  decision.flags = std::move(entry.flags);
  decision.reason = std::move(entry.reason);
  if (entry.bonus) decision.bonus = entry.bonus->amount;
  return decision;
}

/// What a decision reads besides the organisation: the cycle's results, the earlier cycles' and
/// the level history.
struct Evidence {
  Status status = Status::Ok();
  std::vector<store::Store::PerformedResult> results;
  std::vector<model::Cycle> earlier;
  std::vector<std::vector<store::Store::PerformedResult>> past;  ///< one per earlier cycle
  std::vector<model::LevelChange> history;
};

Evidence LoadEvidence(store::Store& store, const model::Cycle& cycle) {
  Evidence evidence;
  const auto load = [&]() -> Status {
    Result<std::vector<store::Store::PerformedResult>> results = store.CalibratedResults(cycle.id);
    if (!results.ok()) return results.status();
    evidence.results = std::move(*results);
    if (evidence.results.empty()) return Status::Ok();
    Result<std::vector<model::Cycle>> earlier = EarlierCycles(store, cycle);
    if (!earlier.ok()) return earlier.status();
    evidence.earlier = std::move(*earlier);
    for (const model::Cycle& past : evidence.earlier) {
      Result<std::vector<store::Store::PerformedResult>> past_results =
          store.CalibratedResults(past.id);
      if (!past_results.ok()) return past_results.status();
      evidence.past.push_back(std::move(*past_results));
    }
    Result<std::vector<model::LevelChange>> history = store.AllLevelHistory();
    if (!history.ok()) return history.status();
    evidence.history = std::move(*history);
    return Status::Ok();
  };
  evidence.status = load();
  return evidence;
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
  Result<std::optional<model::Cycle>> stored = store.GetCycle(cycle_id);
  if (!stored.ok()) return stored.status();
  Result<org::Actor> actor = org::LoadActor(store, actor_id);
  if (!actor.ok()) return actor.status();
  if (Status s = org::RequirePeopleTeam(*actor, fmt::format("decide cycle '{}'", cycle_id));
      !s.ok()) {
    return s;
  }
  if (*stored && (*stored)->state != model::CycleState::kCalibrating) {
    return Status::FailedPrecondition(
        fmt::format("cycle '{}' is {}: it is decided while it is calibrating, once calibrated",
                    cycle_id, model::ToString((*stored)->state)));
  }
  // The evidence is read on a second connection while this one reads the organisation: on two
  // cores that overlaps the two largest reads (a store that cannot be opened again reads both
  // here, one after the other).
  Evidence evidence;
  std::thread reader;
  std::unique_ptr<store::Store> second;
  if (*stored) {
    if (Result<std::unique_ptr<store::Store>> another = store.OpenAnother(); another.ok()) {
      second = std::move(*another);
      reader = std::thread([&] { evidence = LoadEvidence(*second, **stored); });
    }
  }
  Result<CycleScope> loaded = LoadCycleScope(store, cycle_id);
  if (reader.joinable()) {
    reader.join();
  } else if (loaded.ok()) {
    evidence = LoadEvidence(store, loaded->cycle());
  }
  if (!loaded.ok()) return loaded.status();
  if (!evidence.status.ok()) return evidence.status;
  const CycleScope& scope = *loaded;
  const model::Cycle& cycle = scope.cycle();
  if (evidence.results.empty()) {
    return Status::FailedPrecondition(
        fmt::format("cycle '{}' has not been calibrated: run `yardstick cycle calibrate {}` first",
                    cycle_id, cycle_id));
  }
  const model::Framework& framework = scope.framework();
  const model::Scale& scale = framework.scale;

  // Everyone in the cycle, by id; the results and the level history come by person id too, so
  // they are matched by walking both in order.
  std::vector<engine::PersonRecord> records;
  scope.ForEachInCycle([&](const model::Person& person) {
    records.push_back({&person, std::nullopt, {}});
  });
  const auto by_id = [](const engine::PersonRecord& a, const engine::PersonRecord& b) {
    return a.person->id < b.person->id;
  };
  if (!std::is_sorted(records.begin(), records.end(), by_id)) {
    std::sort(records.begin(), records.end(), by_id);
  }
  const auto record_id = [](const engine::PersonRecord& r) -> const std::string& {
    return r.person->id;
  };
  const auto result_id = [](const store::Store::PerformedResult& r) -> const std::string& {
    return r.person_id;
  };
  for (engine::PersonRecord& record : records) record.past.reserve(evidence.earlier.size());
  const GradeHistory history(records, evidence.history, scale);
  evidence.history = {};
  for (size_t c = 0; c < evidence.earlier.size(); ++c) {
    const model::Cycle& past = evidence.earlier[c];
    const std::vector<store::Store::PerformedResult>& past_results = evidence.past[c];
    ForEachMatch(records, past_results, record_id, result_id, [&](size_t r, size_t j) {
      const int held = history.GradeOn(r, past.period.end);
      if (held < 0) return;  // not hired yet then, or a grade no longer on the scale
      const store::Store::PerformedResult& result = past_results[j];
      records[r].past.push_back({held, result.performed, result.se});
    });
  }
  evidence.past = {};
  ForEachMatch(records, evidence.results, record_id, result_id, [&](size_t r, size_t j) {
    const int held = scale.IndexOf(records[r].person->grade);
    if (held < 0) return;
    const store::Store::PerformedResult& result = evidence.results[j];
    records[r].result = engine::CycleResult{held, result.performed, result.se};
  });

  engine::DecideOptions options;
  options.period_share = PeriodShare(cycle.period, framework.pay.period);
  DecidedCycle decided;
  decided.scale = scale;
  decided.currency = framework.pay.currency;
  decided.past_cycles = static_cast<int>(evidence.earlier.size());
  decided.period_share = options.period_share;
  // The slate is decided a part at a time as the store asks for it, which it does on its second
  // thread while it writes the part before: deciding overlaps storing. The records are by person
  // id, and so is the slate (one entry per record, in order).
  constexpr size_t kPart = 4096;
  decided.slate.resize(records.size());
  size_t decided_up_to = 0;
  const store::Store::SlateSource source{
      records.size(), [&](size_t i) -> const model::Decision& {
        if (i >= decided_up_to) {
          const size_t end = std::min(i + kPart, records.size());
          std::vector<engine::SlateEntry> entries = engine::Decide(
              framework, std::span<const engine::PersonRecord>(records).subspan(i, end - i),
              options);
          for (size_t k = 0; k < entries.size(); ++k) {
            decided.slate[i + k] = ToDecision(std::move(entries[k]));
          }
          decided_up_to = end;
        }
        return decided.slate[i];
      }};
  if (Status s = store.PutSlate(
          cycle_id, cycle.state, source,
          [&] { return Summary(decided.slate, decided.past_cycles); }, actor_id);
      !s.ok()) {
    return s;
  }
  return decided;
}

}  // namespace yardstick::review
