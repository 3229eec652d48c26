#include "review/cycle_scope.h"

#include <algorithm>

#include "engine/levelling.h"

namespace yardstick::review {

CycleScope::CycleScope(model::Cycle cycle, model::Framework framework, std::set<std::string> groups,
                       std::vector<model::Person> people,
                       std::vector<model::BenchmarkAssignment> benchmarks)
    : cycle_(std::move(cycle)),
      framework_(std::move(framework)),
      groups_(std::move(groups)),
      people_(std::move(people)) {
  std::sort(people_.begin(), people_.end(),
            [](const model::Person& a, const model::Person& b) { return a.id < b.id; });
  for (size_t i = 0; i < people_.size(); ++i) {
    by_id_.emplace(people_[i].id, i);
    if (!people_[i].manager_id.empty()) reports_[people_[i].manager_id].push_back(i);
  }
  for (const model::BenchmarkAssignment& b : benchmarks) {
    benchmarks_.emplace(b.person_id, b.rater_id);
  }
  benchmark_list_ = std::move(benchmarks);
  std::set<std::string> ids;
  for (const model::Track& track : framework_.tracks) {
    for (const engine::CriterionHandle& handle : engine::TrackCriteria(framework_, track.id)) {
      ids.insert(handle.handle);
    }
  }
  criterion_ids_.assign(ids.begin(), ids.end());
}

const model::Person* CycleScope::Find(std::string_view id) const {
  const auto found = by_id_.find(id);
  return found == by_id_.end() ? nullptr : &people_[found->second];
}

bool CycleScope::InCycle(const model::Person& person) const {
  return person.status == model::PersonStatus::kActive && groups_.count(person.group) > 0;
}

std::vector<const model::Person*> CycleScope::TeamOf(std::string_view rater_id) const {
  std::vector<const model::Person*> team;
  const auto found = reports_.find(rater_id);
  const model::Person* rater = Find(rater_id);
  if (found == reports_.end() || rater == nullptr) return team;
  for (size_t i : found->second) {
    if (InCycle(people_[i]) && people_[i].group == rater->group) team.push_back(&people_[i]);
  }
  return team;
}

bool CycleScope::IsAssignedBenchmark(std::string_view person_id, std::string_view rater_id) const {
  return benchmarks_.count({std::string(person_id), std::string(rater_id)}) > 0;
}

}  // namespace yardstick::review
