#include "review/cycle_calibration.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

namespace yardstick::review {

Result<std::vector<GroupCalibration>> CalibrateCycle(const CycleScope& scope,
                                                     const std::vector<model::Rating>& ratings,
                                                     const std::vector<model::StackRank>& ranks,
                                                     const engine::CalibrationOptions& options) {
  const model::Scale& scale = scope.framework().scale;
  std::map<std::string, engine::CalibrationInput> inputs;
  for (const std::string& group : scope.groups()) {
    engine::CalibrationInput& input = inputs[group];
    input.scale_min = 0;
    input.scale_max = scale.size() - 1;
  }
  for (const model::Rating& rating : ratings) {
    const model::Person* person = scope.Find(rating.person_id);
    const int grade = scale.IndexOf(rating.grade);
    if (person == nullptr || !scope.InCycle(*person) || grade < 0) continue;
    inputs[person->group].ratings.push_back(
        {rating.person_id, rating.rater_id, static_cast<double>(grade)});
  }
  for (const model::StackRank& rank : ranks) {
    const model::Person* rater = scope.Find(rank.rater_id);
    if (rater == nullptr || inputs.count(rater->group) == 0) continue;
    inputs[rater->group].ranks.push_back({rank.rater_id, rank.people});
  }
  std::map<std::string, std::set<std::string>> seen;  // group → people rated or ranked
  for (const auto& [group, input] : inputs) {
    for (const engine::Rating& rating : input.ratings) seen[group].insert(rating.person_id);
    for (const engine::StackRank& rank : input.ranks) {
      seen[group].insert(rank.person_ids.begin(), rank.person_ids.end());
    }
  }
  std::map<std::string, std::vector<std::string>> unrated;
  for (const std::string& group : scope.groups()) unrated[group];
  scope.ForEachInCycle([&](const model::Person& person) {
    if (seen[person.group].count(person.id) == 0) unrated[person.group].push_back(person.id);
  });
  std::vector<GroupCalibration> groups;
  for (auto& [group, input] : inputs) {
    GroupCalibration calibration;
    calibration.group_id = group;
    calibration.unrated = std::move(unrated[group]);
    calibration.ratings = static_cast<int>(input.ratings.size());
    if (!input.ratings.empty()) {
      Result<engine::CalibrationResult> result = engine::Calibrate(input, options);
      if (!result.ok()) {
        return Status::InvalidArgument(
            fmt::format("group '{}': {}", group, result.status().message()));
      }
      calibration.result = std::move(*result);
    }
    groups.push_back(std::move(calibration));
  }
  return groups;
}

std::vector<engine::BenchmarkSuggestion> SuggestCycleBenchmarks(
    const CycleScope& scope, const std::vector<model::Rating>& ratings,
    const std::vector<model::StackRank>& ranks) {
  std::map<std::string, std::vector<engine::StackRank>> teams;  // group → its raters' teams
  std::map<std::string, std::vector<engine::Rating>> links;     // group → ratings and assignments
  std::set<std::string> raters;
  scope.ForEachInCycle([&](const model::Person& person) {
    if (!person.manager_id.empty()) raters.insert(person.manager_id);
  });
  for (const std::string& rater_id : raters) {
    const model::Person* rater = scope.Find(rater_id);
    std::vector<const model::Person*> team = scope.TeamOf(rater_id);
    if (rater == nullptr || team.empty()) continue;
    engine::StackRank stack{rater_id, {}};
    const auto ranked = std::find_if(ranks.begin(), ranks.end(), [&](const model::StackRank& r) {
      return r.rater_id == rater_id;
    });
    if (ranked != ranks.end()) stack.person_ids = ranked->people;
    for (const model::Person* member : team) {
      if (std::find(stack.person_ids.begin(), stack.person_ids.end(), member->id) ==
          stack.person_ids.end()) {
        stack.person_ids.push_back(member->id);
      }
      // The manager rates each of their team, whether or not they have yet.
      links[rater->group].push_back({member->id, rater_id, 0});
    }
    teams[rater->group].push_back(std::move(stack));
  }
  for (const model::Rating& rating : ratings) {
    if (const model::Person* person = scope.Find(rating.person_id)) {
      links[person->group].push_back({rating.person_id, rating.rater_id, 0});
    }
  }
  for (const model::BenchmarkAssignment& assignment : scope.benchmarks()) {
    if (const model::Person* person = scope.Find(assignment.person_id)) {
      links[person->group].push_back({assignment.person_id, assignment.rater_id, 0});
    }
  }
  std::vector<engine::BenchmarkSuggestion> suggestions;
  for (const auto& [group, group_teams] : teams) {
    for (engine::BenchmarkSuggestion& s : engine::SuggestBenchmarks(group_teams, links[group])) {
      suggestions.push_back(std::move(s));
    }
  }
  return suggestions;
}

void AppendLimited(std::string& out, const std::vector<std::string>& lines, int limit) {
  for (size_t i = 0; i < lines.size(); ++i) {
    if (limit > 0 && i == static_cast<size_t>(limit)) {
      out += fmt::format("    … and {} more\n", lines.size() - i);
      return;
    }
    out += "    " + lines[i] + "\n";
  }
}

std::string FormatGroupCalibration(const GroupCalibration& group, int limit) {
  const engine::CalibrationResult& result = group.result;
  std::string out = fmt::format("group {}: {} ratings of {} people by {} raters\n", group.group_id,
                                group.ratings, result.people.size(), result.raters.size());
  if (group.ratings == 0) {
    out += "  nobody was rated: nothing to calibrate\n";
  } else {
    const engine::VarianceComponents& v = result.variance;
    out += fmt::format(
        "  spread of performance {:.2f} grades, of rater leniency {:.2f}, rating noise {:.2f}{}\n",
        v.performance_sd, v.leniency_sd, v.rating_noise_sd,
        v.rank_noise_sd > 0 ? fmt::format(", stack-rank noise {:.2f}", v.rank_noise_sd) : "");
    std::vector<engine::RaterEstimate> raters = result.raters;
    std::sort(raters.begin(), raters.end(), [](const auto& a, const auto& b) {
      return std::fabs(a.leniency) > std::fabs(b.leniency);
    });
    std::vector<std::string> lines;
    for (const engine::RaterEstimate& r : raters) {
      lines.push_back(fmt::format("{:<12} {:+.2f} ± {:.2f} grades{}", r.rater_id, r.leniency,
                                  kZ90 * r.se, r.connected ? "" : "  (not connected: fixed at 0)"));
    }
    out += "  rater leniency, most lenient or strict first (90% interval):\n";
    AppendLimited(out, lines, limit);
  }
  std::vector<std::string> issues;
  for (const engine::CalibrationIssue& issue : result.issues) {
    issues.push_back(engine::DescribeIssue(issue));
  }
  if (!issues.empty()) {
    out += "  what calibration could not resolve:\n";
    AppendLimited(out, issues, limit);
  }
  if (!group.unrated.empty()) {
    out += fmt::format(
        "  {} in the cycle {} neither rated nor ranked:\n",
        group.unrated.size() == 1 ? "1 person" : fmt::format("{} people", group.unrated.size()),
        group.unrated.size() == 1 ? "was" : "were");
    AppendLimited(out, group.unrated, limit);
  }
  return out;
}

}  // namespace yardstick::review
