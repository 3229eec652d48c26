// Calibrating a review cycle: each comparison group's ratings and stack ranks through the engine
// (engine/calibration.h), separately, since ratings never cross groups.
//
// Grades become numbers by their place on the pinned framework's scale (the first grade is 0),
// so a performed grade of 8.4 lies between the 9th and the 10th grade. A group nobody rated is
// reported, not calibrated; people in the cycle who were neither rated nor ranked are listed per
// group, so that nobody silently drops out. Pure: no I/O; thread-safe for distinct inputs.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "engine/benchmark_suggestion.h"
#include "engine/calibration.h"
#include "model/rating.h"
#include "review/cycle_scope.h"

namespace yardstick::review {

struct GroupCalibration {
  std::string group_id;
  /// Empty (no people, no raters) when the group has no ratings.
  engine::CalibrationResult result;
  /// People in the cycle and the group with neither a rating nor a place in a stack rank.
  std::vector<std::string> unrated;
  int ratings = 0;
};

/// Calibrates every group of |scope| with ratings in it, in group order. Fails only on input the
/// engine cannot give a meaning to (which review/ratings_input.h refuses before it is stored).
Result<std::vector<GroupCalibration>> CalibrateCycle(
    const CycleScope& scope, const std::vector<model::Rating>& ratings,
    const std::vector<model::StackRank>& ranks, const engine::CalibrationOptions& options = {});

/// Benchmark ratings that would connect every rater of each group with every other (see
/// engine/benchmark_suggestion.h), counting the benchmark assignments made so far as links.
/// Teams are the raters' direct reports in the cycle; within a team, people already stack-ranked
/// are in rank order. By group, then in the engine's order.
std::vector<engine::BenchmarkSuggestion> SuggestCycleBenchmarks(
    const CycleScope& scope, const std::vector<model::Rating>& ratings,
    const std::vector<model::StackRank>& ranks);

/// z for a two-sided 90% interval.
inline constexpr double kZ90 = 1.6449;

/// One group's calibration as terminal text: the spreads found, rater leniencies with 90%
/// intervals (largest first), what could not be resolved, who was neither rated nor ranked.
/// Lists show at most |limit| lines (0: all).
std::string FormatGroupCalibration(const GroupCalibration& group, int limit);

/// Appends |lines| to |out|, indented, at most |limit| of them (0: all), then how many more.
void AppendLimited(std::string& out, const std::vector<std::string>& lines, int limit);

}  // namespace yardstick::review
