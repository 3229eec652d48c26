#include "framework_compare.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "base/text.h"

namespace yardstick::testing {
namespace {

std::string Show(const std::string& value) { return "'" + value + "'"; }
std::string Show(const std::vector<std::string>& value) { return "[" + Join(value, ", ") + "]"; }
std::string Show(double value) { return fmt::format("{}", value); }
std::string Show(bool value) { return value ? "true" : "false"; }
std::string Show(int value) { return std::to_string(value); }
std::string Show(size_t value) { return std::to_string(value); }
std::string Show(const std::optional<model::NumberRange>& range) {
  if (!range) return "none";
  return fmt::format("{}-{}{}", range->min, range->max, range->open_ended ? "+" : "");
}

/// Compares two frameworks field by field, ignoring every SourceLoc.
class FrameworkDiffer {
 public:
  std::string Run(const model::Framework& a, const model::Framework& b) {
    Same("format", a.format, b.format);
    Same("id", a.id, b.id);
    Same("name", a.name, b.name);
    Same("description", a.description, b.description);
    Same("cumulative_criteria", a.cumulative_criteria, b.cumulative_criteria);
    List("scale.grades", a.scale.grades, b.scale.grades,
         [&](const std::string& at, const auto& x, const auto& y) { Same(at, x.id, y.id); });
    List("tracks", a.tracks, b.tracks, [&](const std::string& at, const auto& x, const auto& y) {
      Same(at + ".id", x.id, y.id);
      Same(at + ".name", x.name, y.name);
      Same(at + ".description", x.description, y.description);
    });
    List("levels", a.levels, b.levels,
         [&](const std::string& at, const auto& x, const auto& y) { Level(at, x, y); });
    List(
        "equivalences", a.equivalences, b.equivalences,
        [&](const std::string& at, const auto& x, const auto& y) { Same(at, x.levels, y.levels); });
    List("transitions", a.transitions, b.transitions,
         [&](const std::string& at, const auto& x, const auto& y) {
           Same(at + ".from", x.from_level, y.from_level);
           Same(at + ".to", x.to_level, y.to_level);
           Same(at + ".both_ways", x.both_ways, y.both_ways);
         });
    List("areas", a.areas, b.areas, [&](const std::string& at, const auto& x, const auto& y) {
      Same(at + ".id", x.id, y.id);
      Same(at + ".name", x.name, y.name);
      Same(at + ".description", x.description, y.description);
      Same(at + ".tracks", x.tracks, y.tracks);
    });
    Rubric(a.rubric, b.rubric);
    List("positions", a.positions, b.positions,
         [&](const std::string& at, const auto& x, const auto& y) { Position(at, x, y); });
    Pay(a.pay, b.pay);
    Policies(a.policies, b.policies);
    return out_;
  }

 private:
  template <typename T>
  void Same(const std::string& at, const T& a, const T& b) {
    if (a == b) return;
    out_ += fmt::format("{}: {} != {}\n", at, Show(a), Show(b));
  }

  void Range(const std::string& at, const std::optional<model::NumberRange>& a,
             const std::optional<model::NumberRange>& b) {
    const bool same =
        a.has_value() == b.has_value() &&
        (!a || (a->min == b->min && a->max == b->max && a->open_ended == b->open_ended));
    if (!same) out_ += fmt::format("{}: {} != {}\n", at, Show(a), Show(b));
  }

  template <typename T, typename Compare>
  void List(const std::string& at, const std::vector<T>& a, const std::vector<T>& b,
            Compare compare) {
    Same(at + ".size", a.size(), b.size());
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
      compare(fmt::format("{}[{}]", at, i), a[i], b[i]);
    }
  }

  void Level(const std::string& at, const model::Level& a, const model::Level& b) {
    Same(at + ".id", a.id, b.id);
    Same(at + ".name", a.name, b.name);
    Same(at + ".summary", a.summary, b.summary);
    Same(at + ".description", a.description, b.description);
    Same(at + ".low_grade", a.low_grade, b.low_grade);
    Same(at + ".high_grade", a.high_grade, b.high_grade);
    Same(at + ".tracks", a.tracks, b.tracks);
    Range(at + ".guides.typical_years", a.guides.typical_years, b.guides.typical_years);
    Range(at + ".guides.leadership_years", a.guides.leadership_years, b.guides.leadership_years);
    Range(at + ".guides.ic_time", a.guides.ic_time_percent, b.guides.ic_time_percent);
    List(at + ".criteria", a.criteria, b.criteria,
         [&](const std::string& c, const model::Criterion& x, const model::Criterion& y) {
           Same(c + ".id", x.id, y.id);
           Same(c + ".area", x.area, y.area);
           Same(c + ".text", x.text, y.text);
           Same(c + ".weight", x.weight, y.weight);
           Same(c + ".allow", x.lint_allow, y.lint_allow);
         });
  }

  void Rubric(const std::optional<model::Rubric>& a, const std::optional<model::Rubric>& b) {
    Same("rubric.present", a.has_value(), b.has_value());
    if (!a || !b) return;
    List("rubric.areas", a->areas, b->areas,
         [&](const std::string& at, const auto& x, const auto& y) {
           Same(at + ".id", x.id, y.id);
           Same(at + ".name", x.name, y.name);
           Same(at + ".description", x.description, y.description);
           Same(at + ".min_points", x.min_points, y.min_points);
           Same(at + ".max_points", x.max_points, y.max_points);
           Same(at + ".sources", x.sources, y.sources);
         });
    Same("rubric.outcomes.present", a->outcomes.has_value(), b->outcomes.has_value());
    if (a->outcomes && b->outcomes) {
      const model::RubricOutcomes& x = *a->outcomes;
      const model::RubricOutcomes& y = *b->outcomes;
      Same("rubric.outcomes.name", x.name, y.name);
      Same("rubric.outcomes.description", x.description, y.description);
      Same("rubric.outcomes.min_points", x.min_points, y.min_points);
      Same("rubric.outcomes.max_points", x.max_points, y.max_points);
      Same("rubric.outcomes.weighted", x.weighted_by_involvement, y.weighted_by_involvement);
      Same("rubric.outcomes.measures", x.measures, y.measures);
    }
    List("rubric.table", a->table, b->table,
         [&](const std::string& at, const auto& x, const auto& y) {
           Same(at + ".min_points", x.min_points, y.min_points);
           Same(at + ".max_points", x.max_points, y.max_points);
           Same(at + ".grade", x.grade, y.grade);
         });
  }

  void Position(const std::string& at, const model::Position& a, const model::Position& b) {
    Same(at + ".id", a.id, b.id);
    Same(at + ".name", a.name, b.name);
    Same(at + ".description", a.description, b.description);
    Same(at + ".track", a.track, b.track);
    Same(at + ".min_level", a.min_level, b.min_level);
    Same(at + ".max_level", a.max_level, b.max_level);
    Same(at + ".allowance", a.allowance, b.allowance);
  }

  void Pay(const model::Pay& a, const model::Pay& b) {
    Same("pay.currency", a.currency, b.currency);
    Same("pay.period", a.period, b.period);
    List("pay.families", a.families, b.families,
         [&](const std::string& at, const model::PayFamily& x, const model::PayFamily& y) {
           Same(at + ".id", x.id, y.id);
           Same(at + ".name", x.name, y.name);
           Same(at + ".tracks", x.tracks, y.tracks);
           List(at + ".base", x.base, y.base,
                [&](const std::string& step, const auto& s, const auto& t) {
                  Same(step + ".grade", s.grade, t.grade);
                  Same(step + ".amount", s.amount, t.amount);
                });
         });
  }

  void Policies(const model::Policies& a, const model::Policies& b) {
    Same("promotion.far_above", a.promotion.far_above, b.promotion.far_above);
    Same("promotion.slightly_above", a.promotion.slightly_above, b.promotion.slightly_above);
    Same("promotion.periods", a.promotion.periods, b.promotion.periods);
    Same("promotion.confidence", a.promotion.confidence, b.promotion.confidence);
    Same("plan.below", a.plan.below, b.plan.below);
    Same("plan.exit_after", a.plan.exit_after, b.plan.exit_after);
    Same("bonus.method", a.bonus.method == b.bonus.method, true);
    Same("bonus.min_gap", a.bonus.min_gap, b.bonus.min_gap);
    Same("bonus.cap", a.bonus.cap_percent, b.bonus.cap_percent);
    Same("executive_approval", a.executive_approval, b.executive_approval);
  }

  std::string out_;
};

}  // namespace

std::string FrameworkDifferences(const model::Framework& expected, const model::Framework& actual) {
  return FrameworkDiffer().Run(expected, actual);
}

}  // namespace yardstick::testing
