#include "ladder/framework_loader.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "ladder/yaml_reader.h"
#include "model/framework_validation.h"

namespace yardstick::ladder {
namespace {

using model::Framework;

/// Reads one part of the file into |framework|; every reader reports into |diagnostics|.
class FrameworkParser {
 public:
  FrameworkParser(Framework& framework, Diagnostics& diagnostics)
      : framework_(framework), diagnostics_(diagnostics) {}

  void ParseRoot(const YAML::Node& root);

 private:
  void ParseScale(const YAML::Node& node);
  void ParseTracks(const YAML::Node& list);
  void ParseLevels(const YAML::Node& list);
  void ParseLevel(const YAML::Node& node);
  void ParseGuides(const YAML::Node& node, model::SoftGuides& guides);
  void ParseCriteria(const YAML::Node& node, model::Level& level);
  void ParseCriterion(const YAML::Node& node, const std::string& area, SourceLoc area_loc,
                      model::Level& level);
  void ParseEquivalences(const YAML::Node& list);
  void ParseTransitions(const YAML::Node& list);
  void ParseAreas(const YAML::Node& list);
  void ParseRubric(const YAML::Node& node);
  void ParseRubricOutcomes(const YAML::Node& node, model::Rubric& rubric);
  void ParsePositions(const YAML::Node& list);
  void ParsePay(const YAML::Node& node);
  void ParsePayFamily(const YAML::Node& node);
  void ParsePolicies(const YAML::Node& node);

  /// Reads "low-high" points into |min|, |max|.
  void ReadPointRange(MapReader& reader, std::string_view key, int& min, int& max);
  /// Reads a soft-guide range like "3-5", "8+" or "60-80%".
  std::optional<model::NumberRange> ReadGuideRange(MapReader& reader, std::string_view key,
                                                   bool percent);

  Framework& framework_;
  Diagnostics& diagnostics_;
};

void FrameworkParser::ParseRoot(const YAML::Node& root) {
  if (!root.IsDefined() || root.IsNull()) {
    diagnostics_.Error({}, "empty",
                       "the file is empty: a framework needs at least 'format', "
                       "'id', 'name', 'scale', 'tracks' and 'levels'");
    return;
  }
  MapReader reader(
      root, "framework",
      {"format", "id", "name", "description", "cumulative_criteria", "scale", "tracks", "levels",
       "equivalences", "transitions", "areas", "rubric", "positions", "pay", "policies"},
      diagnostics_);
  if (!reader.valid()) return;
  framework_.loc = reader.loc();
  if (auto format = reader.String("format", true)) framework_.format = *format;
  framework_.format_loc = reader.LocOf("format");
  framework_.id = reader.String("id", true).value_or("");
  framework_.name = reader.String("name", true).value_or("");
  framework_.description = reader.String("description", false).value_or("");
  framework_.cumulative_criteria = reader.Boolean("cumulative_criteria", false).value_or(false);

  if (const YAML::Node scale = reader.Map("scale", true); scale.IsDefined()) ParseScale(scale);
  ParseTracks(reader.List("tracks", true));
  ParseLevels(reader.List("levels", true));
  ParseEquivalences(reader.List("equivalences", false));
  ParseTransitions(reader.List("transitions", false));
  ParseAreas(reader.List("areas", false));
  if (const YAML::Node rubric = reader.Map("rubric", false); rubric.IsDefined()) {
    ParseRubric(rubric);
  }
  ParsePositions(reader.List("positions", false));
  if (const YAML::Node pay = reader.Map("pay", false); pay.IsDefined()) ParsePay(pay);
  if (const YAML::Node policies = reader.Map("policies", false); policies.IsDefined()) {
    ParsePolicies(policies);
  }
}

void FrameworkParser::ParseScale(const YAML::Node& node) {
  MapReader reader(node, "scale", {"grades"}, diagnostics_);
  framework_.scale.loc = reader.loc();
  const YAML::Node grades = reader.List("grades", true);
  if (!grades.IsDefined()) return;
  framework_.scale.loc = LocOf(grades);
  for (const YAML::Node& grade : grades) {
    if (!grade.IsScalar()) {
      diagnostics_.Error(LocOf(grade), "type",
                         fmt::format("expected a grade name, found {}", DescribeNode(grade)));
      continue;
    }
    framework_.scale.grades.push_back({grade.Scalar(), LocOf(grade)});
  }
}

void FrameworkParser::ParseTracks(const YAML::Node& list) {
  if (!list.IsDefined()) return;
  for (const YAML::Node& node : list) {
    MapReader reader(node, "track", {"id", "name", "description"}, diagnostics_);
    if (!reader.valid()) continue;
    model::Track track;
    track.loc = reader.loc();
    track.id = reader.String("id", true).value_or("");
    track.name = reader.String("name", true).value_or("");
    track.description = reader.String("description", false).value_or("");
    framework_.tracks.push_back(std::move(track));
  }
}

void FrameworkParser::ParseLevels(const YAML::Node& list) {
  if (!list.IsDefined()) return;
  for (const YAML::Node& node : list) ParseLevel(node);
}

void FrameworkParser::ParseLevel(const YAML::Node& node) {
  MapReader reader(
      node, "level",
      {"id", "name", "grades", "tracks", "summary", "description", "guides", "criteria"},
      diagnostics_);
  if (!reader.valid()) return;
  model::Level level;
  level.loc = reader.loc();
  level.id = reader.String("id", true).value_or("");
  level.name = reader.String("name", true).value_or("");
  level.summary = reader.String("summary", false).value_or("");
  level.summary_loc = reader.LocOf("summary");
  level.description = reader.String("description", false).value_or("");
  level.grades_loc = reader.LocOf("grades");
  if (auto grades = reader.String("grades", true)) {
    if (auto range = SplitRange(*grades)) {
      level.low_grade = range->first;
      level.high_grade = range->second;
    } else {
      diagnostics_.Error(level.grades_loc, "range",
                         fmt::format("expected a grade or a range of grades like 'G-H' for "
                                     "'grades', found '{}'",
                                     *grades));
    }
  }
  level.tracks = reader.StringList("tracks", false, &level.tracks_loc);
  if (const YAML::Node guides = reader.Map("guides", false); guides.IsDefined()) {
    ParseGuides(guides, level.guides);
  }
  if (const YAML::Node criteria = reader.Map("criteria", false); criteria.IsDefined()) {
    ParseCriteria(criteria, level);
  }
  framework_.levels.push_back(std::move(level));
}

std::optional<model::NumberRange> FrameworkParser::ReadGuideRange(MapReader& reader,
                                                                  std::string_view key,
                                                                  bool percent) {
  const auto text = reader.String(key, false);
  if (!text) return std::nullopt;
  auto range = ParseNumberRange(*text, percent);
  if (!range) {
    diagnostics_.Error(reader.LocOf(key), "range",
                       fmt::format("expected a range like '{}' for '{}', found '{}'",
                                   percent ? "60-80%" : "3-5", key, *text));
  }
  return range;
}

void FrameworkParser::ParseGuides(const YAML::Node& node, model::SoftGuides& guides) {
  MapReader reader(node, "guides", {"typical_years", "leadership_years", "ic_time"}, diagnostics_);
  if (!reader.valid()) return;
  guides.loc = reader.loc();
  guides.typical_years = ReadGuideRange(reader, "typical_years", false);
  guides.leadership_years = ReadGuideRange(reader, "leadership_years", false);
  guides.ic_time_percent = ReadGuideRange(reader, "ic_time", true);
}

void FrameworkParser::ParseCriteria(const YAML::Node& node, model::Level& level) {
  for (const auto& entry : node) {
    const std::string area = entry.first.IsScalar() ? entry.first.Scalar() : "";
    const SourceLoc area_loc = LocOf(entry.first);
    const YAML::Node& items = entry.second;
    if (items.IsScalar()) {
      ParseCriterion(items, area, area_loc, level);
      continue;
    }
    if (!items.IsSequence()) {
      diagnostics_.Error(LocOf(items), "type",
                         fmt::format("expected a list of criteria for area '{}', found {}", area,
                                     DescribeNode(items)));
      continue;
    }
    for (const YAML::Node& item : items) ParseCriterion(item, area, area_loc, level);
  }
}

void FrameworkParser::ParseCriterion(const YAML::Node& node, const std::string& area,
                                     SourceLoc area_loc, model::Level& level) {
  model::Criterion criterion;
  criterion.area = area;
  criterion.area_loc = area_loc;
  criterion.loc = LocOf(node);
  if (node.IsScalar()) {
    criterion.text = node.Scalar();
    level.criteria.push_back(std::move(criterion));
    return;
  }
  MapReader reader(node, "criterion", {"text", "id", "weight", "allow"}, diagnostics_);
  if (!reader.valid()) return;
  const auto text = reader.String("text", true);
  if (!text) return;  // reported; a criterion without text carries nothing to check
  criterion.text = *text;
  criterion.id = reader.String("id", false).value_or("");
  criterion.weight = reader.Number("weight", false).value_or(1.0);
  criterion.lint_allow = reader.StringList("allow", false);
  level.criteria.push_back(std::move(criterion));
}

void FrameworkParser::ParseEquivalences(const YAML::Node& list) {
  if (!list.IsDefined()) return;
  for (const YAML::Node& node : list) {
    MapReader reader(node, "equivalence", {"levels"}, diagnostics_);
    if (!reader.valid()) continue;
    model::Equivalence equivalence;
    equivalence.loc = reader.loc();
    equivalence.levels = reader.StringList("levels", true, &equivalence.loc);
    framework_.equivalences.push_back(std::move(equivalence));
  }
}

void FrameworkParser::ParseTransitions(const YAML::Node& list) {
  if (!list.IsDefined()) return;
  for (const YAML::Node& node : list) {
    MapReader reader(node, "transition", {"from", "to", "both_ways"}, diagnostics_);
    if (!reader.valid()) continue;
    model::Transition transition;
    transition.loc = reader.loc();
    transition.from_level = reader.String("from", true).value_or("");
    transition.to_level = reader.String("to", true).value_or("");
    transition.both_ways = reader.Boolean("both_ways", false).value_or(true);
    framework_.transitions.push_back(std::move(transition));
  }
}

void FrameworkParser::ParseAreas(const YAML::Node& list) {
  if (!list.IsDefined()) return;
  for (const YAML::Node& node : list) {
    MapReader reader(node, "area", {"id", "name", "description", "tracks"}, diagnostics_);
    if (!reader.valid()) continue;
    model::Area area;
    area.loc = reader.loc();
    area.id = reader.String("id", true).value_or("");
    area.name = reader.String("name", true).value_or("");
    area.description = reader.String("description", false).value_or("");
    area.tracks = reader.StringList("tracks", false);
    framework_.areas.push_back(std::move(area));
  }
}

void FrameworkParser::ReadPointRange(MapReader& reader, std::string_view key, int& min, int& max) {
  const auto text = reader.String(key, true);
  if (!text) return;
  const auto range = ParseNumberRange(*text, false);
  const auto whole = [](double value) { return value == static_cast<int>(value); };
  if (!range || range->open_ended || !whole(range->min) || !whole(range->max)) {
    diagnostics_.Error(
        reader.LocOf(key), "range",
        fmt::format("expected whole points like '1-7' for '{}', found '{}'", key, *text));
    return;
  }
  min = static_cast<int>(range->min);
  max = static_cast<int>(range->max);
}

void FrameworkParser::ParseRubric(const YAML::Node& node) {
  MapReader reader(node, "rubric", {"areas", "outcomes", "grades"}, diagnostics_);
  if (!reader.valid()) return;
  model::Rubric rubric;
  rubric.loc = reader.loc();
  if (const YAML::Node areas = reader.List("areas", true); areas.IsDefined()) {
    for (const YAML::Node& item : areas) {
      MapReader area_reader(item, "rubric area", {"id", "name", "description", "points", "sources"},
                            diagnostics_);
      if (!area_reader.valid()) continue;
      model::RubricArea area;
      area.loc = area_reader.loc();
      area.id = area_reader.String("id", true).value_or("");
      area.name = area_reader.String("name", true).value_or("");
      area.description = area_reader.String("description", false).value_or("");
      ReadPointRange(area_reader, "points", area.min_points, area.max_points);
      area.sources = area_reader.StringList("sources", true);
      rubric.areas.push_back(std::move(area));
    }
  }
  if (const YAML::Node outcomes = reader.Map("outcomes", false); outcomes.IsDefined()) {
    ParseRubricOutcomes(outcomes, rubric);
  }
  if (const YAML::Node table = reader.List("grades", true); table.IsDefined()) {
    for (const YAML::Node& row : table) {
      MapReader row_reader(row, "points table row", {"points", "grade"}, diagnostics_);
      if (!row_reader.valid()) continue;
      model::PointsBand band;
      band.loc = row_reader.loc();
      ReadPointRange(row_reader, "points", band.min_points, band.max_points);
      band.grade = row_reader.String("grade", true).value_or("");
      rubric.table.push_back(std::move(band));
    }
  }
  framework_.rubric = std::move(rubric);
}

void FrameworkParser::ParseRubricOutcomes(const YAML::Node& node, model::Rubric& rubric) {
  MapReader reader(node, "rubric outcomes",
                   {"name", "description", "points", "weighted_by_involvement", "measures"},
                   diagnostics_);
  if (!reader.valid()) return;
  model::RubricOutcomes outcomes;
  outcomes.loc = reader.loc();
  outcomes.name = reader.String("name", false).value_or("Outcomes");
  outcomes.description = reader.String("description", false).value_or("");
  ReadPointRange(reader, "points", outcomes.min_points, outcomes.max_points);
  outcomes.weighted_by_involvement =
      reader.Boolean("weighted_by_involvement", false).value_or(true);
  outcomes.measures = reader.StringList("measures", false);
  rubric.outcomes = std::move(outcomes);
}

void FrameworkParser::ParsePositions(const YAML::Node& list) {
  if (!list.IsDefined()) return;
  for (const YAML::Node& node : list) {
    MapReader reader(node, "position",
                     {"id", "name", "description", "track", "min_level", "max_level", "allowance"},
                     diagnostics_);
    if (!reader.valid()) continue;
    model::Position position;
    position.loc = reader.loc();
    position.id = reader.String("id", true).value_or("");
    position.name = reader.String("name", true).value_or("");
    position.description = reader.String("description", false).value_or("");
    position.track = reader.String("track", false).value_or("");
    position.min_level = reader.String("min_level", true).value_or("");
    position.max_level = reader.String("max_level", true).value_or("");
    position.min_loc = reader.LocOf("min_level");
    position.max_loc = reader.LocOf("max_level");
    position.allowance = reader.Number("allowance", false).value_or(0);
    framework_.positions.push_back(std::move(position));
  }
}

void FrameworkParser::ParsePay(const YAML::Node& node) {
  MapReader reader(node, "pay", {"currency", "period", "families"}, diagnostics_);
  if (!reader.valid()) return;
  framework_.pay.loc = reader.loc();
  framework_.pay.currency = reader.String("currency", false).value_or("");
  framework_.pay.period = reader.String("period", false).value_or("year");
  if (const YAML::Node families = reader.List("families", false); families.IsDefined()) {
    for (const YAML::Node& family : families) ParsePayFamily(family);
  }
}

void FrameworkParser::ParsePayFamily(const YAML::Node& node) {
  MapReader reader(node, "pay family", {"id", "name", "tracks", "base"}, diagnostics_);
  if (!reader.valid()) return;
  model::PayFamily family;
  family.loc = reader.loc();
  family.id = reader.String("id", true).value_or("");
  family.name = reader.String("name", true).value_or("");
  family.tracks = reader.StringList("tracks", false);
  if (const YAML::Node base = reader.Map("base", true); base.IsDefined()) {
    for (const auto& entry : base) {
      model::PayFamily::Step step;
      step.grade = entry.first.IsScalar() ? entry.first.Scalar() : "";
      step.loc = LocOf(entry.first);
      const auto amount =
          entry.second.IsScalar() ? ParseNumber(entry.second.Scalar(), false) : std::nullopt;
      if (!amount) {
        diagnostics_.Error(LocOf(entry.second), "type",
                           fmt::format("expected an amount for grade '{}' in pay family '{}', "
                                       "found {}",
                                       step.grade, family.id, DescribeNode(entry.second)));
        continue;
      }
      step.amount = *amount;
      family.base.push_back(std::move(step));
    }
  }
  framework_.pay.families.push_back(std::move(family));
}

void FrameworkParser::ParsePolicies(const YAML::Node& node) {
  MapReader reader(node, "policies",
                   {"promotion", "plan", "bonus", "levelling", "executive_approval"}, diagnostics_);
  if (!reader.valid()) return;
  model::Policies& policies = framework_.policies;
  policies.loc = reader.loc();
  if (const YAML::Node promotion = reader.Map("promotion", false); promotion.IsDefined()) {
    MapReader r(promotion, "promotion policy",
                {"far_above", "slightly_above", "periods", "confidence"}, diagnostics_);
    policies.promotion.loc = r.loc();
    policies.promotion.far_above = r.Number("far_above", false).value_or(2.0);
    policies.promotion.slightly_above = r.Number("slightly_above", false).value_or(0.5);
    policies.promotion.periods = r.Integer("periods", false).value_or(3);
    policies.promotion.confidence = r.Number("confidence", false, true).value_or(80) / 100.0;
  }
  if (const YAML::Node plan = reader.Map("plan", false); plan.IsDefined()) {
    MapReader r(plan, "plan policy", {"below", "exit_after"}, diagnostics_);
    policies.plan.loc = r.loc();
    policies.plan.below = r.Number("below", false).value_or(1.0);
    policies.plan.exit_after = r.Integer("exit_after", false).value_or(3);
  }
  if (const YAML::Node bonus = reader.Map("bonus", false); bonus.IsDefined()) {
    MapReader r(bonus, "bonus policy", {"method", "min_gap", "cap"}, diagnostics_);
    policies.bonus.loc = r.loc();
    const std::string method = r.String("method", false).value_or("pay-difference");
    if (method == "none") {
      policies.bonus.method = model::BonusPolicy::Method::kNone;
    } else if (method != "pay-difference") {
      diagnostics_.Error(
          r.LocOf("method"), "bad-value",
          fmt::format("unknown bonus method '{}': use 'pay-difference' or 'none'", method));
    }
    policies.bonus.min_gap = r.Number("min_gap", false).value_or(0.5);
    policies.bonus.cap_percent = r.Number("cap", false, true).value_or(20);
  }
  if (const YAML::Node levelling = reader.Map("levelling", false); levelling.IsDefined()) {
    MapReader r(levelling, "levelling policy", {"level_share", "area_share"}, diagnostics_);
    policies.levelling.loc = r.loc();
    policies.levelling.level_share = r.Number("level_share", false, true).value_or(75) / 100.0;
    policies.levelling.area_share = r.Number("area_share", false, true).value_or(50) / 100.0;
  }
  policies.executive_approval =
      reader.StringList("executive_approval", false, &policies.executive_approval_loc);
}

}  // namespace

LoadedFramework ParseFramework(std::string_view yaml_text) {
  LoadedFramework loaded;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& error) {
    loaded.diagnostics.Error({error.mark.line + 1, error.mark.column + 1}, "yaml",
                             fmt::format("this is not valid YAML: {}", error.msg));
    return loaded;
  }
  try {
    FrameworkParser(loaded.framework, loaded.diagnostics).ParseRoot(root);
  } catch (const YAML::Exception& error) {
    // yaml-cpp throws on malformed nodes it could not represent; report rather than crash.
    loaded.diagnostics.Error({error.mark.line + 1, error.mark.column + 1}, "yaml",
                             fmt::format("could not read this YAML: {}", error.msg));
  }
  loaded.diagnostics.SortByLocation();
  return loaded;
}

LoadedFramework LoadFramework(std::string_view yaml_text) {
  LoadedFramework loaded = ParseFramework(yaml_text);
  // A file whose YAML does not parse has no structure to validate.
  const bool syntax_error =
      !loaded.diagnostics.empty() && loaded.diagnostics.items().front().code == "yaml";
  if (!syntax_error) loaded.diagnostics.Append(model::Validate(loaded.framework));
  loaded.diagnostics.SortByLocation();
  return loaded;
}

}  // namespace yardstick::ladder
