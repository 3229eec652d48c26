#include "model/framework.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace yardstick::model {
namespace {

template <typename T>
const T* FindById(const std::vector<T>& items, std::string_view id) {
  for (const T& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

bool ListedOrEmpty(const std::vector<std::string>& ids, std::string_view id) {
  return ids.empty() || std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

int Scale::IndexOf(std::string_view grade) const {
  for (size_t i = 0; i < grades.size(); ++i) {
    if (grades[i].id == grade) return static_cast<int>(i);
  }
  return -1;
}

std::string Scale::Describe(double value) const {
  if (grades.empty()) return fmt::format("{:.1f}", value);
  const double clamped = std::clamp(value, 0.0, static_cast<double>(size() - 1));
  const int nearest = static_cast<int>(std::lround(clamped));
  if (std::fabs(clamped - nearest) < 0.05) return IdAt(nearest);
  const int below = static_cast<int>(std::floor(clamped));
  return fmt::format("{}-{} ({:.1f})", IdAt(below), IdAt(below + 1), value);
}

int Rubric::MinTotal() const {
  int total = 0;
  for (const RubricArea& area : areas) total += area.min_points;
  if (outcomes && !outcomes->weighted_by_involvement) total += outcomes->min_points;
  return total;
}

int Rubric::MaxTotal() const {
  int total = 0;
  for (const RubricArea& area : areas) total += area.max_points;
  if (outcomes) total += outcomes->max_points;
  return total;
}

const Track* Framework::FindTrack(std::string_view id) const { return FindById(tracks, id); }
const Level* Framework::FindLevel(std::string_view id) const { return FindById(levels, id); }
const Area* Framework::FindArea(std::string_view id) const { return FindById(areas, id); }
const Position* Framework::FindPosition(std::string_view id) const {
  return FindById(positions, id);
}

bool Framework::LevelOnTrack(const Level& level, std::string_view track) {
  return ListedOrEmpty(level.tracks, track);
}

bool Framework::AreaOnTrack(const Area& area, std::string_view track) {
  return ListedOrEmpty(area.tracks, track);
}

std::vector<std::string> Framework::TracksOf(const Level& level) const {
  std::vector<std::string> ids;
  for (const Track& track : tracks) {
    if (LevelOnTrack(level, track.id)) ids.push_back(track.id);
  }
  return ids;
}

std::pair<int, int> Framework::BandOf(const Level& level) const {
  return {scale.IndexOf(level.low_grade), scale.IndexOf(level.high_grade)};
}

std::vector<const Level*> Framework::LevelsOfTrack(std::string_view track) const {
  std::vector<const Level*> result;
  if (FindTrack(track) == nullptr) return result;
  for (const Level& level : levels) {
    const auto [low, high] = BandOf(level);
    if (LevelOnTrack(level, track) && low >= 0 && high >= 0) result.push_back(&level);
  }
  std::stable_sort(result.begin(), result.end(), [this](const Level* a, const Level* b) {
    return BandOf(*a).first < BandOf(*b).first;
  });
  return result;
}

const Level* Framework::LevelAt(std::string_view track, int grade_index) const {
  // The first of LevelsOfTrack whose band holds the grade, without building that list: this is
  // on every request that shows a person.
  if (grade_index < 0 || FindTrack(track) == nullptr) return nullptr;
  const Level* found = nullptr;
  int found_low = 0;
  for (const Level& level : levels) {
    const auto [low, high] = BandOf(level);
    if (low < 0 || high < 0 || grade_index < low || grade_index > high) continue;
    if (!LevelOnTrack(level, track)) continue;
    if (found == nullptr || low < found_low) {
      found = &level;
      found_low = low;
    }
  }
  return found;
}

std::pair<int, int> Framework::BandOf(const Position& position) const {
  return {ResolveBound(position.min_level).first, ResolveBound(position.max_level).second};
}

std::pair<int, int> Framework::ResolveBound(std::string_view level_or_grade) const {
  if (const Level* level = FindLevel(level_or_grade)) {
    const auto band = BandOf(*level);
    if (band.first >= 0 && band.second >= 0) return band;
    return {-1, -1};
  }
  const int grade = scale.IndexOf(level_or_grade);
  return {grade, grade};
}

const PayFamily* Framework::PayFamilyFor(std::string_view track) const {
  for (const PayFamily& family : pay.families) {
    if (ListedOrEmpty(family.tracks, track)) return &family;
  }
  return nullptr;
}

std::vector<const Criterion*> Framework::CriteriaFor(const Level& level,
                                                     std::string_view track) const {
  std::vector<const Criterion*> result;
  if (cumulative_criteria) {
    const int own_low = BandOf(level).first;
    for (const Level* lower : LevelsOfTrack(track)) {
      if (lower == &level || BandOf(*lower).first >= own_low) continue;
      for (const Criterion& criterion : lower->criteria) result.push_back(&criterion);
    }
  }
  for (const Criterion& criterion : level.criteria) result.push_back(&criterion);
  return result;
}

}  // namespace yardstick::model
