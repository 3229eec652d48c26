// What a review cycle's inputs are judged against: the cycle, the framework version it pinned,
// the comparison groups on that framework, the organisation and the benchmark assignments.
//
// People are in a cycle when they are active and in one of its groups. A rater rates the people
// who report to them directly in the same comparison group (their team) and the benchmark people
// they are assigned; ratings never cross comparison groups, and nobody rates themselves. Plain data
// plus lookups; build one per request. Not thread-safe while being built, read-only afterwards.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/cycle.h"
#include "model/framework.h"
#include "model/person.h"
#include "model/rating.h"

namespace yardstick::review {

class CycleScope {
 public:
  CycleScope(model::Cycle cycle, model::Framework framework, std::set<std::string> groups,
             std::vector<model::Person> people, std::vector<model::BenchmarkAssignment> benchmarks);
  // The lookups point into the people held: copying would leave them pointing elsewhere.
  CycleScope(const CycleScope&) = delete;
  CycleScope& operator=(const CycleScope&) = delete;
  CycleScope(CycleScope&&) = default;

  [[nodiscard]] const model::Cycle& cycle() const { return cycle_; }
  [[nodiscard]] const model::Framework& framework() const { return framework_; }
  [[nodiscard]] const std::set<std::string>& groups() const { return groups_; }

  /// The stored person with |id|, or nullptr.
  [[nodiscard]] const model::Person* Find(std::string_view id) const;
  /// True for an active person in one of the cycle's groups.
  [[nodiscard]] bool InCycle(const model::Person& person) const;
  /// The people in the cycle who report to |rater_id| directly and are in the rater's comparison
  /// group, by id.
  [[nodiscard]] std::vector<const model::Person*> TeamOf(std::string_view rater_id) const;
  /// True if |rater_id| is assigned to rate |person_id| as a benchmark person.
  [[nodiscard]] bool IsAssignedBenchmark(std::string_view person_id,
                                         std::string_view rater_id) const;
  /// Calls |visit| for everyone in the cycle, by id.
  template <typename Visit>
  void ForEachInCycle(Visit&& visit) const {
    for (const model::Person& person : people_) {
      if (InCycle(person)) visit(person);
    }
  }
  [[nodiscard]] const std::vector<model::BenchmarkAssignment>& benchmarks() const {
    return benchmark_list_;
  }
  /// Every criterion handle of the framework (its id, or LEVEL/AREA/N: engine/levelling.h),
  /// sorted, for checklists.
  [[nodiscard]] const std::vector<std::string>& criterion_ids() const { return criterion_ids_; }

 private:
  model::Cycle cycle_;
  model::Framework framework_;
  std::set<std::string> groups_;
  std::vector<model::Person> people_;
  std::unordered_map<std::string_view, size_t> by_id_;
  std::unordered_map<std::string_view, std::vector<size_t>> reports_;
  std::set<std::pair<std::string, std::string>> benchmarks_;  ///< (person, rater)
  std::vector<model::BenchmarkAssignment> benchmark_list_;
  std::vector<std::string> criterion_ids_;
};

}  // namespace yardstick::review
