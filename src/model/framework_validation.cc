#include "model/framework_validation.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include <fmt/format.h>

#include "base/text.h"

namespace yardstick::model {
namespace {

bool IsIdChar(char c, bool allow_dash) {
  const auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || c == '_' || c == '+' || (allow_dash && (c == '-' || c == '.'));
}

/// " (first defined at line N)", or "" for frameworks built in code.
std::string FirstAt(SourceLoc loc) {
  return loc.line > 0 ? fmt::format(" (first defined at line {})", loc.line) : "";
}

std::string FormatNumber(double value) { return fmt::format("{:g}", value); }

class Validator {
 public:
  explicit Validator(const Framework& framework) : f_(framework) {
    for (const Scale::Grade& grade : f_.scale.grades) grade_ids_.push_back(grade.id);
    for (const Track& track : f_.tracks) track_ids_.push_back(track.id);
    for (const Level& level : f_.levels) level_ids_.push_back(level.id);
    for (const Area& area : f_.areas) area_ids_.push_back(area.id);
  }

  Diagnostics Run() {
    CheckHeader();
    CheckScale();
    CheckTracks();
    CheckLevels();
    CheckTrackBands();
    CheckEquivalences();
    CheckTransitions();
    CheckAreas();
    CheckRubric();
    CheckPositions();
    CheckPay();
    CheckPolicies();
    return std::move(d_);
  }

 private:
  /// Reports ids that are empty, badly formed or repeated within one kind.
  template <typename T>
  void CheckIds(const std::vector<T>& items, std::string_view kind, bool allow_dash = true) {
    std::map<std::string, SourceLoc> seen;
    for (const T& item : items) {
      if (item.id.empty()) continue;  // the loader reported the missing id
      CheckIdSyntax(item.id, item.loc, kind, allow_dash);
      const auto [it, inserted] = seen.emplace(item.id, item.loc);
      if (!inserted) {
        d_.Error(item.loc, "duplicate-id",
                 fmt::format("duplicate {} id '{}'{}", kind, item.id, FirstAt(it->second)));
      }
    }
  }

  void CheckIdSyntax(const std::string& id, SourceLoc loc, std::string_view kind, bool allow_dash) {
    const bool ok =
        std::all_of(id.begin(), id.end(), [allow_dash](char c) { return IsIdChar(c, allow_dash); });
    if (ok) return;
    d_.Error(loc, "bad-id",
             fmt::format("{} id '{}' may only use letters, digits, '_', '+'{}", kind, id,
                         allow_dash ? ", '-' and '.'" : " (a '-' would read as a range)"));
  }

  void CheckGradeRef(const std::string& grade, SourceLoc loc, std::string_view where) {
    if (grade.empty() || f_.scale.IndexOf(grade) >= 0) return;
    d_.Error(loc, "unknown-grade",
             fmt::format("{} names grade '{}', which is not on the scale{}", where, grade,
                         DidYouMean(grade, grade_ids_)));
  }

  bool CheckTrackRef(const std::string& track, SourceLoc loc, std::string_view where) {
    if (track.empty() || f_.FindTrack(track) != nullptr) return true;
    d_.Error(loc, "unknown-track",
             fmt::format("{} names track '{}', which is not defined{}", where, track,
                         DidYouMean(track, track_ids_)));
    return false;
  }

  const Level* CheckLevelRef(const std::string& level, SourceLoc loc, std::string_view where) {
    if (level.empty()) return nullptr;
    if (const Level* found = f_.FindLevel(level)) return found;
    d_.Error(loc, "unknown-level",
             fmt::format("{} names level '{}', which is not defined{}", where, level,
                         DidYouMean(level, level_ids_)));
    return nullptr;
  }

  bool ShareTrack(const Level& a, const Level& b) const {
    return std::any_of(f_.tracks.begin(), f_.tracks.end(), [&](const Track& track) {
      return Framework::LevelOnTrack(a, track.id) && Framework::LevelOnTrack(b, track.id);
    });
  }

  void CheckHeader() {
    if (f_.format != kFrameworkFormat) {
      d_.Error(f_.format_loc, "format",
               fmt::format("unsupported format '{}': this version of Yardstick reads '{}'",
                           f_.format, kFrameworkFormat));
    }
    if (!f_.id.empty()) CheckIdSyntax(f_.id, f_.loc, "framework", true);
  }

  void CheckScale() {
    if (f_.scale.grades.size() < 2 && f_.scale.loc.line > 0) {
      d_.Error(f_.scale.loc, "scale-too-small",
               "the scale needs at least two grades, lowest first");
    }
    std::map<std::string, SourceLoc> seen;
    for (const Scale::Grade& grade : f_.scale.grades) {
      CheckIdSyntax(grade.id, grade.loc, "grade", false);
      const auto [it, inserted] = seen.emplace(grade.id, grade.loc);
      if (!inserted) {
        d_.Error(grade.loc, "duplicate-id",
                 fmt::format("grade '{}' appears twice on the scale", grade.id));
      }
    }
  }

  void CheckTracks() { CheckIds(f_.tracks, "track"); }

  void CheckLevels() {
    CheckIds(f_.levels, "level");
    std::map<std::string, SourceLoc> criterion_ids;
    for (const Level& level : f_.levels) {
      const std::string where = fmt::format("level '{}'", level.id);
      CheckGradeRef(level.low_grade, level.grades_loc, where);
      if (level.high_grade != level.low_grade) {
        CheckGradeRef(level.high_grade, level.grades_loc, where);
      }
      const auto [low, high] = f_.BandOf(level);
      if (low >= 0 && high >= 0 && low > high) {
        d_.Error(level.grades_loc, "reversed-range",
                 fmt::format("level '{}' has grades {}-{} the wrong way round: write the lower "
                             "grade first ({}-{})",
                             level.id, level.low_grade, level.high_grade, level.high_grade,
                             level.low_grade));
      }
      for (const std::string& track : level.tracks) CheckTrackRef(track, level.tracks_loc, where);
      CheckGuides(level);
      for (const Criterion& criterion : level.criteria) {
        CheckCriterion(level, criterion);
        if (criterion.id.empty()) continue;
        const auto [it, inserted] = criterion_ids.emplace(criterion.id, criterion.loc);
        if (!inserted) {
          d_.Error(criterion.loc, "duplicate-id",
                   fmt::format("duplicate criterion id '{}'{}", criterion.id, FirstAt(it->second)));
        }
      }
    }
  }

  void CheckGuideRange(const std::optional<NumberRange>& range, SourceLoc loc,
                       std::string_view name, double upper) {
    if (!range) return;
    if (!range->open_ended && range->min > range->max) {
      d_.Error(loc, "reversed-range",
               fmt::format("guide '{}' runs from {} down to {}: write the smaller number first",
                           name, FormatNumber(range->min), FormatNumber(range->max)));
    }
    if (range->min < 0 || range->max > upper) {
      d_.Error(loc, "out-of-range",
               fmt::format("guide '{}' must lie between 0 and {}", name, FormatNumber(upper)));
    }
  }

  void CheckGuides(const Level& level) {
    const SoftGuides& guides = level.guides;
    CheckGuideRange(guides.typical_years, guides.loc, "typical_years", 60);
    CheckGuideRange(guides.leadership_years, guides.loc, "leadership_years", 60);
    CheckGuideRange(guides.ic_time_percent, guides.loc, "ic_time", 100);
  }

  void CheckCriterion(const Level& level, const Criterion& criterion) {
    if (Trim(criterion.text).empty()) {
      d_.Error(criterion.loc, "empty-criterion",
               fmt::format("a criterion of level '{}' has no text", level.id));
    }
    if (criterion.weight <= 0) {
      d_.Error(criterion.loc, "bad-weight",
               fmt::format("criterion weight must be greater than 0, found {}",
                           FormatNumber(criterion.weight)));
    }
    const Area* area = f_.FindArea(criterion.area);
    if (area == nullptr) {
      d_.Error(criterion.area_loc, "unknown-area",
               fmt::format("level '{}' has criteria for area '{}', which is not defined in "
                           "'areas'{}",
                           level.id, criterion.area, DidYouMean(criterion.area, area_ids_)));
      return;
    }
    const std::vector<std::string> tracks = f_.TracksOf(level);
    const bool applies = std::any_of(tracks.begin(), tracks.end(), [&](const std::string& track) {
      return Framework::AreaOnTrack(*area, track);
    });
    if (!applies && !tracks.empty()) {
      d_.Error(criterion.area_loc, "area-not-on-track",
               fmt::format("area '{}' does not apply to any track of level '{}' ({})", area->id,
                           level.id, QuotedList(tracks)));
    }
  }

  /// On every track, the levels' bands must neither overlap nor leave a gap.
  void CheckTrackBands() {
    for (const Track& track : f_.tracks) {
      const std::vector<const Level*> levels = f_.LevelsOfTrack(track.id);
      if (levels.empty()) {
        const bool listed = std::any_of(f_.levels.begin(), f_.levels.end(), [&](const Level& l) {
          return Framework::LevelOnTrack(l, track.id);
        });
        if (!listed && !f_.levels.empty()) {
          d_.Error(track.loc, "empty-track",
                   fmt::format("track '{}' has no levels: list it under some level's 'tracks'",
                               track.id));
        }
        continue;
      }
      for (size_t i = 1; i < levels.size(); ++i) {
        const Level& lower = *levels[i - 1];
        const Level& upper = *levels[i];
        const auto [lower_low, lower_high] = f_.BandOf(lower);
        const auto [upper_low, upper_high] = f_.BandOf(upper);
        if (lower_low > lower_high || upper_low > upper_high) continue;  // reported already
        if (upper_low <= lower_high) {
          d_.Error(upper.grades_loc, "band-overlap",
                   fmt::format("on track '{}', level '{}' ({}-{}) overlaps level '{}' ({}-{})",
                               track.id, upper.id, upper.low_grade, upper.high_grade, lower.id,
                               lower.low_grade, lower.high_grade));
        } else if (upper_low > lower_high + 1) {
          d_.Error(upper.grades_loc, "band-gap",
                   fmt::format("on track '{}', no level covers grade{} {} between level '{}' and "
                               "level '{}'",
                               track.id, upper_low - lower_high > 2 ? "s" : "",
                               GradeSpan(lower_high + 1, upper_low - 1), lower.id, upper.id));
        }
      }
    }
  }

  std::string GradeSpan(int low, int high) const {
    if (low == high) return f_.scale.IdAt(low);
    return f_.scale.IdAt(low) + "-" + f_.scale.IdAt(high);
  }

  void CheckEquivalences() {
    for (const Equivalence& equivalence : f_.equivalences) {
      if (equivalence.levels.size() < 2) {
        d_.Error(equivalence.loc, "equivalence-too-small",
                 "an equivalence needs at least two levels on different tracks");
      }
      std::vector<const Level*> found;
      for (const std::string& id : equivalence.levels) {
        if (const Level* level = CheckLevelRef(id, equivalence.loc, "the equivalence")) {
          found.push_back(level);
        }
      }
      for (size_t i = 0; i < found.size(); ++i) {
        for (size_t j = i + 1; j < found.size(); ++j) {
          if (ShareTrack(*found[i], *found[j])) {
            d_.Error(equivalence.loc, "equivalence-same-track",
                     fmt::format("levels '{}' and '{}' are on the same track, so they cannot be "
                                 "equivalent",
                                 found[i]->id, found[j]->id));
          }
        }
      }
    }
  }

  void CheckTransitions() {
    for (const Transition& transition : f_.transitions) {
      const Level* from = CheckLevelRef(transition.from_level, transition.loc, "the transition");
      const Level* to = CheckLevelRef(transition.to_level, transition.loc, "the transition");
      if (from == nullptr || to == nullptr) continue;
      if (from == to || ShareTrack(*from, *to)) {
        d_.Error(transition.loc, "transition-same-track",
                 fmt::format("a transition moves between tracks, but '{}' and '{}' share a track",
                             from->id, to->id));
        continue;
      }
      const auto [from_low, from_high] = f_.BandOf(*from);
      const auto [to_low, to_high] = f_.BandOf(*to);
      if (from_low < 0 || to_low < 0) continue;
      if (from_high < to_low || to_high < from_low) {
        d_.Error(transition.loc, "transition-changes-grade",
                 fmt::format("a transition keeps the grade, but '{}' ({}-{}) and '{}' ({}-{}) "
                             "share no grade",
                             from->id, from->low_grade, from->high_grade, to->id, to->low_grade,
                             to->high_grade));
      }
    }
  }

  void CheckAreas() {
    CheckIds(f_.areas, "area");
    for (const Area& area : f_.areas) {
      for (const std::string& track : area.tracks) {
        CheckTrackRef(track, area.loc, fmt::format("area '{}'", area.id));
      }
    }
  }

  void CheckRubric() {
    if (!f_.rubric) return;
    const Rubric& rubric = *f_.rubric;
    CheckIds(rubric.areas, "rubric area");
    for (const RubricArea& area : rubric.areas) {
      CheckPoints(area.min_points, area.max_points, area.loc,
                  fmt::format("rubric area '{}'", area.id));
      if (area.sources.empty()) {
        d_.Error(
            area.loc, "no-sources",
            fmt::format("rubric area '{}' needs at least one named source who scores it", area.id));
      }
    }
    if (rubric.outcomes) {
      CheckPoints(rubric.outcomes->min_points, rubric.outcomes->max_points, rubric.outcomes->loc,
                  "rubric outcomes");
    }
    CheckPointsTable(rubric);
  }

  void CheckPoints(int min, int max, SourceLoc loc, const std::string& what) {
    if (min < 0 || min > max) {
      d_.Error(loc, "bad-points",
               fmt::format("{} points must run from a number ≥ 0 up to a larger one, found {}-{}",
                           what, min, max));
    }
  }

  void CheckPointsTable(const Rubric& rubric) {
    if (rubric.table.empty()) {
      d_.Error(rubric.loc, "table-short",
               "the rubric needs a 'grades' table from points to grades");
      return;
    }
    std::vector<const PointsBand*> rows;
    for (const PointsBand& row : rubric.table) {
      CheckGradeRef(row.grade, row.loc, "the points table");
      if (row.min_points > row.max_points) {
        d_.Error(
            row.loc, "reversed-range",
            fmt::format("points {}-{} run the wrong way round", row.min_points, row.max_points));
        continue;
      }
      rows.push_back(&row);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const PointsBand* a, const PointsBand* b) {
      return a->min_points < b->min_points;
    });
    const int min_total = rubric.MinTotal();
    const int max_total = rubric.MaxTotal();
    int covered_to = min_total - 1;
    const PointsBand* previous = nullptr;
    for (const PointsBand* row : rows) {
      if (previous != nullptr && row->min_points <= previous->max_points) {
        d_.Error(row->loc, "table-overlap",
                 fmt::format("points {}-{} overlap the row for {}-{}", row->min_points,
                             row->max_points, previous->min_points, previous->max_points));
      } else if (row->min_points > covered_to + 1 && covered_to + 1 <= max_total) {
        d_.Error(row->loc, "table-gap",
                 fmt::format("no row of the points table covers {}-{}", covered_to + 1,
                             std::min(row->min_points - 1, max_total)));
      }
      if (previous != nullptr) {
        const int previous_grade = f_.scale.IndexOf(previous->grade);
        const int grade = f_.scale.IndexOf(row->grade);
        if (previous_grade >= 0 && grade >= 0 && grade < previous_grade) {
          d_.Error(row->loc, "table-order",
                   fmt::format("more points give a lower grade: {}-{} → {} after {}-{} → {}",
                               row->min_points, row->max_points, row->grade, previous->min_points,
                               previous->max_points, previous->grade));
        }
      }
      covered_to = std::max(covered_to, row->max_points);
      previous = row;
    }
    if (covered_to < max_total) {
      d_.Error(
          rubric.table.back().loc, "table-short",
          fmt::format("the points table stops at {}, but totals reach {}", covered_to, max_total));
    }
  }

  void CheckPositions() {
    CheckIds(f_.positions, "position");
    for (const Position& position : f_.positions) {
      const std::string where = fmt::format("position '{}'", position.id);
      const bool track_ok = CheckTrackRef(position.track, position.loc, where);
      const auto low = CheckBound(position, position.min_level, position.min_loc, "min_level");
      const auto high = CheckBound(position, position.max_level, position.max_loc, "max_level");
      if (low && high && low->first > high->second) {
        d_.Error(position.max_loc, "reversed-range",
                 fmt::format("position '{}' has max_level '{}' below its min_level '{}'",
                             position.id, position.max_level, position.min_level));
      }
      if (track_ok && !position.track.empty()) {
        CheckBoundOnTrack(position, position.min_level, position.min_loc);
        CheckBoundOnTrack(position, position.max_level, position.max_loc);
      }
      if (position.allowance < 0) {
        d_.Error(position.loc, "bad-amount",
                 fmt::format("position '{}' has a negative allowance", position.id));
      }
    }
  }

  std::optional<std::pair<int, int>> CheckBound(const Position& position, const std::string& bound,
                                                SourceLoc loc, std::string_view key) {
    if (bound.empty()) return std::nullopt;
    const auto band = f_.ResolveBound(bound);
    if (band.first >= 0) return band;
    if (f_.FindLevel(bound) != nullptr) return std::nullopt;  // its grades are reported already
    std::vector<std::string> candidates = level_ids_;
    candidates.insert(candidates.end(), grade_ids_.begin(), grade_ids_.end());
    d_.Error(loc, "position-outside-scale",
             fmt::format("position '{}' has {} '{}', which is neither a level nor a grade on the "
                         "scale{}",
                         position.id, key, bound, DidYouMean(bound, candidates)));
    return std::nullopt;
  }

  void CheckBoundOnTrack(const Position& position, const std::string& bound, SourceLoc loc) {
    const Level* level = f_.FindLevel(bound);
    if (level == nullptr || Framework::LevelOnTrack(*level, position.track)) return;
    d_.Error(loc, "level-not-on-track",
             fmt::format("position '{}' is on track '{}', but level '{}' is not", position.id,
                         position.track, level->id));
  }

  void CheckPay() {
    const Pay& pay = f_.pay;
    if (!pay.families.empty() && pay.currency.empty()) {
      d_.Error(pay.loc, "missing-currency",
               "pay needs a 'currency' (an ISO code such as EUR) when it has families");
    }
    if (pay.period != "year" && pay.period != "month") {
      d_.Error(pay.loc, "bad-value",
               fmt::format("pay period must be 'year' or 'month', found '{}'", pay.period));
    }
    CheckIds(pay.families, "pay family");
    std::map<std::string, std::string> payer_of_track;
    for (const PayFamily& family : pay.families) {
      CheckPayFamily(family);
      const std::vector<std::string> tracks = family.tracks.empty() ? track_ids_ : family.tracks;
      for (const std::string& track : tracks) {
        const auto [it, inserted] = payer_of_track.emplace(track, family.id);
        if (!inserted) {
          d_.Error(family.loc, "track-paid-twice",
                   fmt::format("track '{}' is paid by both pay family '{}' and '{}'", track,
                               it->second, family.id));
        }
      }
    }
  }

  void CheckPayFamily(const PayFamily& family) {
    const std::string where = fmt::format("pay family '{}'", family.id);
    for (const std::string& track : family.tracks) CheckTrackRef(track, family.loc, where);
    std::map<int, const PayFamily::Step*> by_grade;
    for (const PayFamily::Step& step : family.base) {
      CheckGradeRef(step.grade, step.loc, where);
      if (step.amount < 0) {
        d_.Error(step.loc, "bad-amount",
                 fmt::format("{} has a negative amount for grade '{}'", where, step.grade));
      }
      const int index = f_.scale.IndexOf(step.grade);
      if (index < 0) continue;
      if (!by_grade.emplace(index, &step).second) {
        d_.Error(step.loc, "duplicate-id",
                 fmt::format("{} gives grade '{}' twice", where, step.grade));
      }
    }
    std::vector<std::string> missing;
    for (int grade = 0; grade < f_.scale.size(); ++grade) {
      if (by_grade.count(grade) == 0) missing.push_back(f_.scale.IdAt(grade));
    }
    if (!missing.empty()) {
      d_.Error(family.loc, "pay-incomplete",
               fmt::format("{} has no base pay for grade{} {}: every grade needs one", where,
                           missing.size() > 1 ? "s" : "", Join(missing, ", ")));
    }
    const PayFamily::Step* previous = nullptr;
    for (const auto& [grade, step] : by_grade) {
      if (previous != nullptr && step->amount < previous->amount) {
        d_.Error(step->loc, "pay-decreases",
                 fmt::format("{} pays less at grade '{}' ({}) than at the lower grade '{}' ({})",
                             where, step->grade, FormatNumber(step->amount), previous->grade,
                             FormatNumber(previous->amount)));
      }
      previous = step;
    }
  }

  void CheckPolicies() {
    const Policies& policies = f_.policies;
    const PromotionPolicy& promotion = policies.promotion;
    if (promotion.slightly_above <= 0) {
      d_.Error(promotion.loc, "bad-policy", "promotion 'slightly_above' must be greater than 0");
    }
    if (promotion.far_above <= promotion.slightly_above) {
      d_.Error(
          promotion.loc, "bad-policy",
          fmt::format("promotion 'far_above' ({}) must be greater than 'slightly_above' ({})",
                      FormatNumber(promotion.far_above), FormatNumber(promotion.slightly_above)));
    }
    if (promotion.periods < 1) {
      d_.Error(promotion.loc, "bad-policy", "promotion 'periods' must be at least 1");
    }
    if (promotion.confidence <= 0.5 || promotion.confidence >= 1.0) {
      d_.Error(promotion.loc, "bad-policy",
               fmt::format("promotion 'confidence' must lie between 50% and 100%, found {}%",
                           FormatNumber(promotion.confidence * 100)));
    }
    if (policies.plan.below <= 0) {
      d_.Error(policies.plan.loc, "bad-policy", "plan 'below' must be greater than 0");
    }
    if (policies.plan.exit_after < 1) {
      d_.Error(policies.plan.loc, "bad-policy", "plan 'exit_after' must be at least 1");
    }
    if (policies.bonus.cap_percent < 0) {
      d_.Error(policies.bonus.loc, "bad-policy", "bonus 'cap' must not be negative");
    }
    if (policies.bonus.min_gap < 0) {
      d_.Error(policies.bonus.loc, "bad-policy", "bonus 'min_gap' must not be negative");
    }
    const LevellingPolicy& levelling = policies.levelling;
    if (levelling.level_share <= 0 || levelling.level_share > 1) {
      d_.Error(levelling.loc, "bad-policy",
               fmt::format("levelling 'level_share' must lie above 0% and at most 100%, found {}%",
                           FormatNumber(levelling.level_share * 100)));
    }
    if (levelling.area_share < 0 || levelling.area_share > levelling.level_share) {
      d_.Error(levelling.loc, "bad-policy",
               fmt::format("levelling 'area_share' must lie between 0% and 'level_share' ({}%), "
                           "found {}%",
                           FormatNumber(levelling.level_share * 100),
                           FormatNumber(levelling.area_share * 100)));
    }
    for (const std::string& level : policies.executive_approval) {
      CheckLevelRef(level, policies.executive_approval_loc, "executive_approval");
    }
  }

  const Framework& f_;
  Diagnostics d_;
  std::vector<std::string> grade_ids_;
  std::vector<std::string> track_ids_;
  std::vector<std::string> level_ids_;
  std::vector<std::string> area_ids_;
};

}  // namespace

Diagnostics Validate(const Framework& framework) { return Validator(framework).Run(); }

}  // namespace yardstick::model
