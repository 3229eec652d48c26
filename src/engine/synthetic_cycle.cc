#include "engine/synthetic_cycle.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "engine/random.h"

namespace yardstick::engine {

Result<SyntheticCycle> GenerateSyntheticCycle(const SyntheticCycleOptions& options) {
  if (options.people < 2 || options.team_size < 1 || options.scale_size < 2 ||
      options.benchmarks_per_team < 0 || options.raters_per_benchmark < 0) {
    return Status::InvalidArgument(
        "a synthetic cycle needs at least 2 people, teams of at least 1, a scale of at least 2 "
        "grades and no negative counts");
  }
  RandomSource random(options.seed);
  SyntheticCycle cycle;
  const int teams = (options.people + options.team_size - 1) / options.team_size;
  const double center = options.lowest_grade + (options.scale_size - 1) / 2.0;
  const int person_width = static_cast<int>(std::to_string(options.people).size());
  const int rater_width = static_cast<int>(std::to_string(teams).size());
  cycle.raters.resize(teams);
  for (int team = 0; team < teams; ++team) {
    cycle.raters[team].id = fmt::format("R{:0{}}", team + 1, rater_width);
    cycle.raters[team].leniency = options.leniency_sd * random.Normal();
  }
  cycle.people.resize(options.people);
  for (int person = 0; person < options.people; ++person) {
    cycle.people[person].id = fmt::format("P{:0{}}", person + 1, person_width);
    cycle.people[person].level = center + options.performance_sd * random.Normal();
    cycle.people[person].team = person / options.team_size;
  }
  RateSyntheticCycle(options, random, cycle);
  return cycle;
}

void RateSyntheticCycle(const SyntheticCycleOptions& options, RandomSource& random,
                        SyntheticCycle& cycle) {
  const int teams = static_cast<int>(cycle.raters.size());
  const int people = static_cast<int>(cycle.people.size());
  const double lowest = options.lowest_grade;
  const double highest = lowest + options.scale_size - 1;
  CalibrationInput& input = cycle.input;
  input.ratings.clear();  // kept allocated: the lab rates the same people every cycle
  input.ranks.clear();
  input.scale_min = lowest;
  input.scale_max = highest;
  auto rate = [&](int person, int rater) {
    const double raw = cycle.people[person].level + cycle.raters[rater].leniency +
                       options.rating_noise * random.Normal();
    const double grade = std::clamp(std::round(raw), lowest, highest);
    input.ratings.push_back({cycle.people[person].id, cycle.raters[rater].id, grade});
  };
  for (int team = 0; team < teams; ++team) {
    const int first = team * options.team_size;
    const int last = std::min(people, first + options.team_size);
    std::vector<int> members(last - first);
    std::iota(members.begin(), members.end(), first);
    for (int person : members) rate(person, team);
    // Benchmarks: a random few of the team, each rated by raters of other teams.
    if (teams > 1) {
      std::vector<int> shuffled = members;
      for (size_t k = shuffled.size(); k > 1; --k) {
        std::swap(shuffled[k - 1], shuffled[random.Index(k)]);
      }
      const int benchmarks =
          std::min(options.benchmarks_per_team, static_cast<int>(shuffled.size()));
      for (int b = 0; b < benchmarks; ++b) {
        std::vector<int> chosen;
        const int wanted = std::min(options.raters_per_benchmark, teams - 1);
        while (static_cast<int>(chosen.size()) < wanted) {
          const int other = static_cast<int>(random.Index(teams - 1));
          const int rater = other >= team ? other + 1 : other;
          if (std::find(chosen.begin(), chosen.end(), rater) != chosen.end()) continue;
          chosen.push_back(rater);
          rate(shuffled[b], rater);
        }
      }
    }
    // The stack rank: the team ordered by noisier truth, best first.
    std::vector<std::pair<double, int>> scored;
    scored.reserve(members.size());
    for (int person : members) {
      scored.emplace_back(cycle.people[person].level + options.rank_noise * random.Normal(),
                          person);
    }
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    StackRank rank{cycle.raters[team].id, {}};
    for (const auto& entry : scored) rank.person_ids.push_back(cycle.people[entry.second].id);
    input.ranks.push_back(std::move(rank));
  }
}

}  // namespace yardstick::engine
