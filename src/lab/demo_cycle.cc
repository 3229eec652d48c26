#include "lab/demo_cycle.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

#include "engine/random.h"

namespace yardstick::lab {
namespace {

/// How the demo's raters and ratings behave, in grades.
constexpr double kPerformanceSd = 0.6;  ///< performance around the grade held
constexpr double kLeniencySd = 0.6;
constexpr double kRatingNoiseSd = 0.5;
constexpr double kRankNoiseSd = 0.35;

}  // namespace

DemoCycleInputs GenerateDemoCycle(const std::vector<model::Person>& people,
                                  const std::vector<model::BenchmarkAssignment>& benchmarks,
                                  const model::Scale& scale, std::uint64_t seed) {
  engine::RandomSource random(seed);
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < people.size(); ++i) index.emplace(people[i].id, i);
  // The truth: a performance per person, a leniency per person (used when they rate).
  std::vector<double> performance(people.size());
  std::vector<double> leniency(people.size());
  for (size_t i = 0; i < people.size(); ++i) {
    performance[i] = scale.IndexOf(people[i].grade) + kPerformanceSd * random.Normal();
    leniency[i] = kLeniencySd * random.Normal();
  }
  const int top = scale.size() - 1;
  const auto rate = [&](size_t person, size_t rater, bool benchmark) {
    const double seen = performance[person] + leniency[rater] + kRatingNoiseSd * random.Normal();
    const int grade = std::clamp(static_cast<int>(std::lround(seen)), 0, top);
    return model::Rating{people[person].id, people[rater].id, scale.IdAt(grade), "", {}, benchmark};
  };
  DemoCycleInputs inputs;
  std::map<std::string, std::vector<size_t>> teams;  // manager → team, by id
  for (size_t i = 0; i < people.size(); ++i) {
    const auto manager = index.find(people[i].manager_id);
    if (manager == index.end() || people[manager->second].group != people[i].group) continue;
    inputs.ratings.push_back(rate(i, manager->second, false));
    teams[people[i].manager_id].push_back(i);
  }
  for (const model::BenchmarkAssignment& assignment : benchmarks) {
    const auto person = index.find(assignment.person_id);
    const auto rater = index.find(assignment.rater_id);
    if (person == index.end() || rater == index.end()) continue;
    inputs.ratings.push_back(rate(person->second, rater->second, true));
  }
  for (auto& [manager, team] : teams) {
    std::vector<std::pair<double, size_t>> seen;
    for (size_t member : team) {
      seen.emplace_back(performance[member] + kRankNoiseSd * random.Normal(), member);
    }
    std::sort(seen.begin(), seen.end(), [](const auto& a, const auto& b) { return a > b; });
    model::StackRank rank{manager, {}};
    for (const auto& [value, member] : seen) rank.people.push_back(people[member].id);
    inputs.ranks.push_back(std::move(rank));
  }
  return inputs;
}

}  // namespace yardstick::lab
