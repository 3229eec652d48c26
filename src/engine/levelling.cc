#include "engine/levelling.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "base/text.h"

namespace yardstick::engine {
namespace {

std::string Range(const model::NumberRange& range) {
  return range.open_ended ? fmt::format("{:g}+", range.min)
                          : fmt::format("{:g}-{:g}", range.min, range.max);
}

}  // namespace

std::vector<CriterionHandle> TrackCriteria(const model::Framework& framework,
                                           std::string_view track) {
  std::vector<CriterionHandle> handles;
  for (const model::Level* level : framework.LevelsOfTrack(track)) {
    std::map<std::string, int> count;  // area → criteria so far
    for (const model::Criterion& criterion : level->criteria) {
      const int n = ++count[criterion.area];
      handles.push_back({criterion.id.empty()
                             ? fmt::format("{}/{}/{}", level->id, criterion.area, n)
                             : criterion.id,
                         level, &criterion});
    }
  }
  return handles;
}

Result<LevellingSuggestion> SuggestLevel(const model::Framework& framework, std::string_view track,
                                         const std::set<std::string>& demonstrated,
                                         std::optional<double> years) {
  const model::LevellingPolicy& rules = framework.policies.levelling;
  if (framework.FindTrack(track) == nullptr) {
    std::vector<std::string> tracks;
    for (const model::Track& t : framework.tracks) tracks.push_back(t.id);
    return Status::InvalidArgument(fmt::format("unknown track '{}' in framework '{}'{}", track,
                                               framework.id, DidYouMean(track, tracks)));
  }
  const std::vector<CriterionHandle> handles = TrackCriteria(framework, track);
  std::vector<std::string> known;
  for (const CriterionHandle& h : handles) known.push_back(h.handle);
  for (const std::string& handle : demonstrated) {
    if (std::find(known.begin(), known.end(), handle) == known.end()) {
      return Status::InvalidArgument(
          fmt::format("'{}' is not a criterion of track '{}' in framework '{}'{}", handle, track,
                      framework.id, DidYouMean(handle, known)));
    }
  }
  LevellingSuggestion suggestion;
  bool all_below_met = true;
  const model::Level* next_after_suggested = nullptr;
  for (const model::Level* level : framework.LevelsOfTrack(track)) {
    LevelFinding finding;
    finding.level = level;
    std::map<std::string, std::pair<double, double>> areas;  // area → (shown, total) weight
    double shown = 0;
    double total = 0;
    for (const CriterionHandle& h : handles) {
      if (h.level != level) continue;
      const bool done = demonstrated.count(h.handle) > 0;
      ++finding.criteria;
      finding.demonstrated += done ? 1 : 0;
      total += h.criterion->weight;
      shown += done ? h.criterion->weight : 0;
      auto& [area_shown, area_total] = areas[h.criterion->area];
      area_total += h.criterion->weight;
      area_shown += done ? h.criterion->weight : 0;
    }
    finding.share = total > 0 ? shown / total : 1;
    for (const auto& [area, weights] : areas) {
      const double share = weights.first / weights.second;
      if (finding.weakest_area.empty() || share < finding.weakest_share) {
        finding.weakest_area = area;
        finding.weakest_share = share;
      }
    }
    finding.met = finding.share >= rules.level_share && finding.weakest_share >= rules.area_share;
    if (all_below_met && finding.met) {
      suggestion.level = level;
      next_after_suggested = nullptr;
    } else if (all_below_met && next_after_suggested == nullptr) {
      next_after_suggested = level;
    }
    all_below_met = all_below_met && finding.met;
    suggestion.working.push_back(finding);
  }
  if (suggestion.level != nullptr) {
    const auto [low, high] = framework.BandOf(*suggestion.level);
    double progress = 0;
    for (const LevelFinding& finding : suggestion.working) {
      if (finding.level == next_after_suggested) progress = finding.share;
    }
    const int width = high - low + 1;
    const int step = std::min(width - 1, static_cast<int>(std::floor(progress * width)));
    suggestion.grade = framework.scale.IdAt(low + step);
    if (years) {
      const std::optional<model::NumberRange>& typical = suggestion.level->guides.typical_years;
      suggestion.years_note =
          typical
              ? fmt::format(
                    "{:g} years; {} typically has {} years (a soft guide only: the "
                    "suggestion does not depend on it)",
                    *years, suggestion.level->id, Range(*typical))
              : fmt::format("{:g} years; {} gives no typical years", *years, suggestion.level->id);
    }
  }
  return suggestion;
}

}  // namespace yardstick::engine
