// The framework (a ladder): the definition of one family of career paths.
//
// A Framework is plain data, loaded from a YAML file by ladder/ or built in code by tests and
// importers. It holds the grade scale performance is rated on, levels as bands of grades per
// track, equivalences and transitions between tracks, competency areas with criteria, an optional
// points rubric, positions with level bands and allowances, pay families and the policies the
// decision engine applies. References between parts are by id, as written in the file; every part
// remembers where it was written (SourceLoc) so validation can point at it. Check a framework with
// Validate() (model/framework_validation.h) before relying on its references.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace yardstick::model {

/// The format version this build reads and writes (`format: yardstick/v1`).
inline constexpr std::string_view kFrameworkFormat = "yardstick/v1";

/// The ordered, fine-grained grades performance is rated on, lowest first. Grades are numeric under
/// the hood: grade i has the value i, so a calibrated performance can be 8.4 (between I and J).
struct Scale {
  struct Grade {
    std::string id;
    SourceLoc loc;
  };
  std::vector<Grade> grades;
  SourceLoc loc;

  /// The 0-based position of |grade| on the scale, or -1.
  [[nodiscard]] int IndexOf(std::string_view grade) const;
  [[nodiscard]] int size() const { return static_cast<int>(grades.size()); }
  [[nodiscard]] const std::string& IdAt(int index) const { return grades.at(index).id; }
  /// A real-valued grade (a calibrated performance) as people read it: "J" at a grade (within
  /// 0.05), "I-J (8.4)" between two; clamped to the scale's ends for the names.
  [[nodiscard]] std::string Describe(double value) const;
};

/// An inclusive range of numbers, for soft guides such as "3-5 years".
struct NumberRange {
  double min = 0;
  double max = 0;
  /// True for "8+" style ranges: max is unbounded.
  bool open_ended = false;
};

/// Soft guides shown beside a level. Never a gate: nothing in Yardstick decides from them.
struct SoftGuides {
  std::optional<NumberRange> typical_years;     ///< years of relevant experience
  std::optional<NumberRange> leadership_years;  ///< years of leading people or projects
  std::optional<NumberRange> ic_time_percent;   ///< share of time spent doing IC work, 0-100
  SourceLoc loc;
};

/// A testable statement of what someone at a level does, in one competency area.
struct Criterion {
  std::string id;  ///< optional; stable handle for checklists ("demonstrated criteria")
  std::string area;
  std::string text;
  double weight = 1.0;
  /// Lint rules or terms silenced deliberately for this criterion (see ladder/lint.h).
  std::vector<std::string> lint_allow;
  SourceLoc loc;
  SourceLoc area_loc;
};

/// A named band of grades, on one or more tracks. A level shared by several tracks is where
/// they have not split yet.
struct Level {
  std::string id;
  std::string name;
  std::string summary;  ///< the testable headline for the level
  std::string description;
  std::string low_grade;            ///< as written in the file
  std::string high_grade;           ///< as written; equal to low_grade for a one-grade level
  std::vector<std::string> tracks;  ///< empty means every track
  SoftGuides guides;
  std::vector<Criterion> criteria;
  SourceLoc loc;
  SourceLoc grades_loc;
  SourceLoc tracks_loc;
  SourceLoc summary_loc;
};

/// A career path, e.g. individual contributor or manager.
struct Track {
  std::string id;
  std::string name;
  std::string description;
  SourceLoc loc;
};

/// Levels on different tracks that are considered the same (Lead Engineer ≈ Manager).
struct Equivalence {
  std::vector<std::string> levels;
  SourceLoc loc;
};

/// A move between tracks allowed without a change of grade (technical lead ↔ staff IC).
struct Transition {
  std::string from_level;
  std::string to_level;
  bool both_ways = true;
  SourceLoc loc;
};

/// A competency area (axis) criteria are grouped by.
struct Area {
  std::string id;
  std::string name;
  std::string description;
  std::vector<std::string> tracks;  ///< empty means every track
  SourceLoc loc;
};

/// One scored area of a points rubric, e.g. "Persuasion, 1-7, by the director and teammates".
struct RubricArea {
  std::string id;
  std::string name;
  std::string description;
  int min_points = 1;
  int max_points = 1;
  std::vector<std::string> sources;  ///< who scores it (named evaluator sources)
  SourceLoc loc;
};

/// The outcomes part of a rubric: points for results, optionally weighted by the person's share
/// of involvement in the work (points × share).
struct RubricOutcomes {
  std::string name = "Outcomes";
  std::string description;
  int min_points = 1;
  int max_points = 1;
  bool weighted_by_involvement = true;
  std::vector<std::string> measures;
  SourceLoc loc;
};

/// A row of the points → grade table.
struct PointsBand {
  int min_points = 0;
  int max_points = 0;
  std::string grade;
  SourceLoc loc;
};

/// A points-based scoring sheet that produces a grade.
struct Rubric {
  std::vector<RubricArea> areas;
  std::optional<RubricOutcomes> outcomes;
  std::vector<PointsBand> table;
  SourceLoc loc;

  /// The lowest and highest total the rubric can produce (weighted outcomes can add 0).
  [[nodiscard]] int MinTotal() const;
  [[nodiscard]] int MaxTotal() const;
};

/// A role in the hierarchy: a band of levels it may be held at, and an allowance paid only while
/// it is held. Holding a position never changes a level.
struct Position {
  std::string id;
  std::string name;
  std::string description;
  std::string track;      ///< optional: the track the position belongs to
  std::string min_level;  ///< a level id or a grade id
  std::string max_level;  ///< a level id or a grade id
  double allowance = 0;   ///< per pay period, in the pay currency
  SourceLoc loc;
  SourceLoc min_loc;
  SourceLoc max_loc;
};

/// Base pay per grade for the people on some tracks. There are no individual exceptions.
struct PayFamily {
  struct Step {
    std::string grade;
    double amount = 0;
    SourceLoc loc;
  };
  std::string id;
  std::string name;
  std::vector<std::string> tracks;  ///< empty means every track
  std::vector<Step> base;
  SourceLoc loc;
};

struct Pay {
  std::string currency;
  std::string period = "year";  ///< "year" or "month": what one amount pays for
  std::vector<PayFamily> families;
  SourceLoc loc;
};

/// When the decision engine proposes a promotion. Distances are in grades.
struct PromotionPolicy {
  double far_above = 2.0;       ///< performed at least this far above → promote now
  double slightly_above = 0.5;  ///< performed at least this far above ...
  int periods = 3;              ///< ... for this many consecutive cycles → promote
  double confidence = 0.8;      ///< one-sided confidence the gap is real, from the standard error
  SourceLoc loc;
};

/// When the decision engine proposes a performance plan or an exit conversation.
struct PlanPolicy {
  double below = 1.0;  ///< performed at least this far below → performance plan
  int exit_after = 3;  ///< below for this many consecutive cycles → exit conversation
  SourceLoc loc;
};

/// How bonuses for temporary above-level performance are computed.
struct BonusPolicy {
  enum class Method { kPayDifference, kNone };
  /// kPayDifference: pay at the performed grade minus pay at the held grade, for the period.
  Method method = Method::kPayDifference;
  double min_gap = 0.5;     ///< performed at least this far above to earn a bonus
  double cap_percent = 20;  ///< at most this share of the person's base pay for the period
  SourceLoc loc;
};

/// How levelling from evidence (engine/levelling.h) decides that a level is met. Shares are of
/// the criteria's weight, 0 to 1.
struct LevellingPolicy {
  double level_share = 0.75;  ///< of a level's criteria demonstrated, at least
  double area_share = 0.5;    ///< of every area's, at least: how far areas compensate each other
  SourceLoc loc;
};

struct Policies {
  PromotionPolicy promotion;
  PlanPolicy plan;
  BonusPolicy bonus;
  LevellingPolicy levelling;
  /// Levels that are bestowed, not computed: proposals to them need an executive approver.
  std::vector<std::string> executive_approval;
  SourceLoc executive_approval_loc;
  SourceLoc loc;
};

struct Framework {
  std::string format{kFrameworkFormat};
  std::string id;
  std::string name;
  std::string description;
  /// When true, a level inherits every criterion of the levels below it on its track.
  bool cumulative_criteria = false;
  Scale scale;
  std::vector<Track> tracks;
  std::vector<Level> levels;
  std::vector<Equivalence> equivalences;
  std::vector<Transition> transitions;
  std::vector<Area> areas;
  std::optional<Rubric> rubric;
  std::vector<Position> positions;
  Pay pay;
  Policies policies;
  SourceLoc loc;
  SourceLoc format_loc;

  [[nodiscard]] const Track* FindTrack(std::string_view id) const;
  [[nodiscard]] const Level* FindLevel(std::string_view id) const;
  [[nodiscard]] const Area* FindArea(std::string_view id) const;
  [[nodiscard]] const Position* FindPosition(std::string_view id) const;

  /// True if |level| is on |track| (a level with no tracks listed is on every track).
  [[nodiscard]] static bool LevelOnTrack(const Level& level, std::string_view track);
  /// True if |area| applies to |track|.
  [[nodiscard]] static bool AreaOnTrack(const Area& area, std::string_view track);
  /// The ids of the tracks |level| is on, in track order.
  [[nodiscard]] std::vector<std::string> TracksOf(const Level& level) const;
  /// The levels of |track|, lowest band first (levels with unknown grades are left out).
  [[nodiscard]] std::vector<const Level*> LevelsOfTrack(std::string_view track) const;
  /// The level of |track| whose band holds grade |grade_index|, or nullptr.
  [[nodiscard]] const Level* LevelAt(std::string_view track, int grade_index) const;
  /// The 0-based grade positions of a level's band: {low, high}; -1 for an unknown grade.
  [[nodiscard]] std::pair<int, int> BandOf(const Level& level) const;
  /// The grade indices a position's band spans, {low, high} (its min_level's lowest grade to its
  /// max_level's highest); -1 for a bound that names nothing on the scale.
  [[nodiscard]] std::pair<int, int> BandOf(const Position& position) const;
  /// A position bound (level id or grade id) as a grade index range {low, high}; {-1,-1} if
  /// unknown.
  [[nodiscard]] std::pair<int, int> ResolveBound(std::string_view level_or_grade) const;
  /// The pay family for people on |track|, or nullptr.
  [[nodiscard]] const PayFamily* PayFamilyFor(std::string_view track) const;
  /// The criteria expected at |level| on |track|, including inherited ones when cumulative
  /// (lower levels first).
  [[nodiscard]] std::vector<const Criterion*> CriteriaFor(const Level& level,
                                                          std::string_view track) const;
};

}  // namespace yardstick::model
