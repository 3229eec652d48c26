#include "engine/rubric_scoring.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/text.h"

namespace yardstick::engine {

Result<RubricScoring> ScoreRubric(const model::Rubric& rubric,
                                  const std::vector<SourceScore>& scores,
                                  const std::vector<OutcomeScore>& outcomes) {
  RubricScoring scoring;
  std::vector<std::string> area_ids;
  for (const model::RubricArea& area : rubric.areas) {
    scoring.areas.push_back({area, {}, 0});
    area_ids.push_back(area.id);
  }
  for (const SourceScore& score : scores) {
    auto working = std::find_if(scoring.areas.begin(), scoring.areas.end(),
                                [&](const AreaWorking& w) { return w.area.id == score.area; });
    if (working == scoring.areas.end()) {
      return Status::InvalidArgument(
          fmt::format("unknown rubric area '{}'{}", score.area, DidYouMean(score.area, area_ids)));
    }
    const model::RubricArea& area = working->area;
    if (!area.sources.empty() &&
        std::find(area.sources.begin(), area.sources.end(), score.source) == area.sources.end()) {
      return Status::InvalidArgument(fmt::format("'{}' does not score {}: its sources are {}",
                                                 score.source, area.id,
                                                 fmt::join(area.sources, ", ")));
    }
    for (const SourceScore& earlier : working->scores) {
      if (earlier.source == score.source) {
        return Status::InvalidArgument(fmt::format("{} scores {} twice", score.source, area.id));
      }
    }
    if (score.points < area.min_points || score.points > area.max_points) {
      return Status::InvalidArgument(fmt::format("{} gives {} {:g} points; it is scored {}-{}",
                                                 score.source, area.id, score.points,
                                                 area.min_points, area.max_points));
    }
    working->scores.push_back(score);
  }
  for (AreaWorking& working : scoring.areas) {
    if (working.scores.empty()) {
      return Status::InvalidArgument(fmt::format(
          "{} has no score{}", working.area.id,
          working.area.sources.empty()
              ? ""
              : fmt::format(" (its sources: {})", fmt::join(working.area.sources, ", "))));
    }
    double sum = 0;
    for (const SourceScore& score : working.scores) sum += score.points;
    working.mean = sum / static_cast<double>(working.scores.size());
    scoring.total += working.mean;
  }
  if (!outcomes.empty() && !rubric.outcomes) {
    return Status::InvalidArgument("this rubric scores no outcomes");
  }
  if (rubric.outcomes) {
    const model::RubricOutcomes& spec = *rubric.outcomes;
    for (const OutcomeScore& outcome : outcomes) {
      if (outcome.points < spec.min_points || outcome.points > spec.max_points) {
        return Status::InvalidArgument(
            fmt::format("outcome '{}' has {:g} points; outcomes are "
                        "scored {}-{}",
                        outcome.name, outcome.points, spec.min_points, spec.max_points));
      }
      if (outcome.involvement < 0 || outcome.involvement > 1) {
        return Status::InvalidArgument(
            fmt::format("outcome '{}': involvement {:g} is not a share between 0 and 1",
                        outcome.name, outcome.involvement));
      }
      scoring.outcome_points +=
          spec.weighted_by_involvement ? outcome.points * outcome.involvement : outcome.points;
    }
    if (outcomes.empty() && !spec.weighted_by_involvement) {
      return Status::InvalidArgument(fmt::format("{} has no score", spec.name));
    }
    scoring.outcome_points = std::min(scoring.outcome_points, double(spec.max_points));
    scoring.outcomes = outcomes;
    scoring.total += scoring.outcome_points;
  }
  scoring.rounded = static_cast<int>(std::floor(scoring.total + 0.5));
  for (const model::PointsBand& band : rubric.table) {
    if (scoring.rounded >= band.min_points && scoring.rounded <= band.max_points) {
      scoring.grade = band.grade;
    }
  }
  if (scoring.grade.empty()) {
    return Status::InvalidArgument(
        fmt::format("a total of {} points is outside the rubric's table", scoring.rounded));
  }
  return scoring;
}

}  // namespace yardstick::engine
