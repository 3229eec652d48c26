#include "ladder/framework_writer.h"

#include <cmath>
#include <cstdlib>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

namespace yardstick::ladder {
namespace {

using model::Framework;

// Defaults the format reference documents; a value equal to its default is not written.
const model::PromotionPolicy kDefaultPromotion;
const model::PlanPolicy kDefaultPlan;
const model::BonusPolicy kDefaultBonus;
const model::LevellingPolicy kDefaultLevelling;

/// The shortest text that reads back as exactly |value| ("2", "0.5", "40000").
std::string FormatNumber(double value) { return fmt::format("{}", value); }

/// |stored| × |divisor| as a percentage with the fewest decimals that read back as exactly
/// |stored| once divided by |divisor| again: 0.8 with divisor 100 is "80%", 12.5 with 1 "12.5%".
std::string FormatPercent(double stored, double divisor) {
  constexpr int kMostDecimals = 17;
  const double percent = stored * divisor;
  for (int decimals = 0; decimals <= kMostDecimals; ++decimals) {
    const std::string text = fmt::format("{:.{}f}", percent, decimals);
    if (std::strtod(text.c_str(), nullptr) / divisor == stored) return text + "%";
  }
  return FormatNumber(percent) + "%";
}

std::string FormatGradeBand(const std::string& low, const std::string& high) {
  if (high.empty() || high == low) return low;
  return low + "-" + high;
}

std::string FormatIntRange(int low, int high) {
  if (low == high) return std::to_string(low);
  return std::to_string(low) + "-" + std::to_string(high);
}

std::string FormatNumberRange(const model::NumberRange& range, std::string_view suffix) {
  if (range.open_ended) return FormatNumber(range.min) + "+" + std::string(suffix);
  if (range.min == range.max) return FormatNumber(range.min) + std::string(suffix);
  return FormatNumber(range.min) + "-" + FormatNumber(range.max) + std::string(suffix);
}

/// Small helpers over YAML::Emitter so that each section reads as the format reference does.
class YamlWriter {
 public:
  void Key(std::string_view key) { out_ << YAML::Key << std::string(key) << YAML::Value; }

  void String(std::string_view key, const std::string& value) {
    Key(key);
    out_ << value;
  }
  void StringIfSet(std::string_view key, const std::string& value) {
    if (!value.empty()) String(key, value);
  }
  void Bool(std::string_view key, bool value) {
    Key(key);
    out_ << value;
  }
  void Number(std::string_view key, double value) { String(key, FormatNumber(value)); }
  void Int(std::string_view key, int value) {
    Key(key);
    out_ << value;
  }
  void FlowList(std::string_view key, const std::vector<std::string>& values) {
    Key(key);
    out_ << YAML::Flow << YAML::BeginSeq;
    for (const std::string& value : values) out_ << value;
    out_ << YAML::EndSeq;
  }
  void FlowListIfSet(std::string_view key, const std::vector<std::string>& values) {
    if (!values.empty()) FlowList(key, values);
  }

  void BeginMap() { out_ << YAML::BeginMap; }
  void BeginFlowMap() { out_ << YAML::Flow << YAML::BeginMap; }
  void EndMap() { out_ << YAML::EndMap; }
  void BeginSeq(std::string_view key) {
    Key(key);
    out_ << YAML::BeginSeq;
  }
  void EndSeq() { out_ << YAML::EndSeq; }
  void BeginMapValue(std::string_view key) {
    Key(key);
    BeginMap();
  }
  void BeginFlowMapValue(std::string_view key) {
    Key(key);
    BeginFlowMap();
  }
  void Scalar(const std::string& value) { out_ << value; }
  void BlankLine() { out_ << YAML::Newline; }

  [[nodiscard]] bool good() const { return out_.good(); }
  [[nodiscard]] std::string error() const { return out_.GetLastError(); }
  [[nodiscard]] std::string text() const { return out_.c_str(); }

 private:
  YAML::Emitter out_;
};

void WriteScale(YamlWriter& yaml, const model::Scale& scale) {
  std::vector<std::string> ids;
  for (const model::Scale::Grade& grade : scale.grades) ids.push_back(grade.id);
  yaml.BeginMapValue("scale");
  yaml.FlowList("grades", ids);
  yaml.EndMap();
}

void WriteTracks(YamlWriter& yaml, const std::vector<model::Track>& tracks) {
  yaml.BeginSeq("tracks");
  for (const model::Track& track : tracks) {
    yaml.BeginMap();
    yaml.String("id", track.id);
    yaml.String("name", track.name);
    yaml.StringIfSet("description", track.description);
    yaml.EndMap();
  }
  yaml.EndSeq();
}

void WriteGuides(YamlWriter& yaml, const model::SoftGuides& guides) {
  if (!guides.typical_years && !guides.leadership_years && !guides.ic_time_percent) return;
  yaml.BeginMapValue("guides");
  if (guides.typical_years) {
    yaml.String("typical_years", FormatNumberRange(*guides.typical_years, ""));
  }
  if (guides.leadership_years) {
    yaml.String("leadership_years", FormatNumberRange(*guides.leadership_years, ""));
  }
  if (guides.ic_time_percent) {
    yaml.String("ic_time", FormatNumberRange(*guides.ic_time_percent, "%"));
  }
  yaml.EndMap();
}

bool IsPlainCriterion(const model::Criterion& criterion) {
  return criterion.id.empty() && criterion.weight == 1.0 && criterion.lint_allow.empty();
}

void WriteCriterion(YamlWriter& yaml, const model::Criterion& criterion) {
  if (IsPlainCriterion(criterion)) {
    yaml.Scalar(criterion.text);
    return;
  }
  yaml.BeginMap();
  yaml.String("text", criterion.text);
  yaml.StringIfSet("id", criterion.id);
  if (criterion.weight != 1.0) yaml.Number("weight", criterion.weight);
  yaml.FlowListIfSet("allow", criterion.lint_allow);
  yaml.EndMap();
}

/// Criteria grouped by area, areas in the order they first appear: a YAML mapping cannot hold
/// the same area key twice.
void WriteCriteria(YamlWriter& yaml, const std::vector<model::Criterion>& criteria) {
  if (criteria.empty()) return;
  std::vector<std::string> areas;
  for (const model::Criterion& criterion : criteria) {
    if (std::find(areas.begin(), areas.end(), criterion.area) == areas.end()) {
      areas.push_back(criterion.area);
    }
  }
  yaml.BeginMapValue("criteria");
  for (const std::string& area : areas) {
    yaml.BeginSeq(area);
    for (const model::Criterion& criterion : criteria) {
      if (criterion.area == area) WriteCriterion(yaml, criterion);
    }
    yaml.EndSeq();
  }
  yaml.EndMap();
}

void WriteLevel(YamlWriter& yaml, const model::Level& level) {
  yaml.BeginMap();
  yaml.String("id", level.id);
  yaml.String("name", level.name);
  yaml.String("grades", FormatGradeBand(level.low_grade, level.high_grade));
  yaml.FlowListIfSet("tracks", level.tracks);
  yaml.StringIfSet("summary", level.summary);
  yaml.StringIfSet("description", level.description);
  WriteGuides(yaml, level.guides);
  WriteCriteria(yaml, level.criteria);
  yaml.EndMap();
}

void WriteLevels(YamlWriter& yaml, const std::vector<model::Level>& levels) {
  yaml.BeginSeq("levels");
  for (const model::Level& level : levels) WriteLevel(yaml, level);
  yaml.EndSeq();
}

void WriteEquivalences(YamlWriter& yaml, const std::vector<model::Equivalence>& equivalences) {
  if (equivalences.empty()) return;
  yaml.BeginSeq("equivalences");
  for (const model::Equivalence& equivalence : equivalences) {
    yaml.BeginMap();
    yaml.FlowList("levels", equivalence.levels);
    yaml.EndMap();
  }
  yaml.EndSeq();
}

void WriteTransitions(YamlWriter& yaml, const std::vector<model::Transition>& transitions) {
  if (transitions.empty()) return;
  yaml.BeginSeq("transitions");
  for (const model::Transition& transition : transitions) {
    yaml.BeginMap();
    yaml.String("from", transition.from_level);
    yaml.String("to", transition.to_level);
    if (!transition.both_ways) yaml.Bool("both_ways", false);
    yaml.EndMap();
  }
  yaml.EndSeq();
}

void WriteAreas(YamlWriter& yaml, const std::vector<model::Area>& areas) {
  if (areas.empty()) return;
  yaml.BeginSeq("areas");
  for (const model::Area& area : areas) {
    yaml.BeginMap();
    yaml.String("id", area.id);
    yaml.String("name", area.name);
    yaml.StringIfSet("description", area.description);
    yaml.FlowListIfSet("tracks", area.tracks);
    yaml.EndMap();
  }
  yaml.EndSeq();
}

void WriteRubricOutcomes(YamlWriter& yaml, const model::RubricOutcomes& outcomes) {
  yaml.BeginMapValue("outcomes");
  yaml.String("name", outcomes.name);
  yaml.StringIfSet("description", outcomes.description);
  yaml.String("points", FormatIntRange(outcomes.min_points, outcomes.max_points));
  if (!outcomes.weighted_by_involvement) yaml.Bool("weighted_by_involvement", false);
  yaml.FlowListIfSet("measures", outcomes.measures);
  yaml.EndMap();
}

void WriteRubric(YamlWriter& yaml, const std::optional<model::Rubric>& rubric) {
  if (!rubric) return;
  yaml.BeginMapValue("rubric");
  yaml.BeginSeq("areas");
  for (const model::RubricArea& area : rubric->areas) {
    yaml.BeginMap();
    yaml.String("id", area.id);
    yaml.String("name", area.name);
    yaml.StringIfSet("description", area.description);
    yaml.String("points", FormatIntRange(area.min_points, area.max_points));
    yaml.FlowList("sources", area.sources);
    yaml.EndMap();
  }
  yaml.EndSeq();
  if (rubric->outcomes) WriteRubricOutcomes(yaml, *rubric->outcomes);
  yaml.BeginSeq("grades");
  for (const model::PointsBand& band : rubric->table) {
    yaml.BeginFlowMap();
    yaml.String("points", FormatIntRange(band.min_points, band.max_points));
    yaml.String("grade", band.grade);
    yaml.EndMap();
  }
  yaml.EndSeq();
  yaml.EndMap();
}

void WritePositions(YamlWriter& yaml, const std::vector<model::Position>& positions) {
  if (positions.empty()) return;
  yaml.BeginSeq("positions");
  for (const model::Position& position : positions) {
    yaml.BeginMap();
    yaml.String("id", position.id);
    yaml.String("name", position.name);
    yaml.StringIfSet("description", position.description);
    yaml.StringIfSet("track", position.track);
    yaml.String("min_level", position.min_level);
    yaml.String("max_level", position.max_level);
    if (position.allowance != 0) yaml.Number("allowance", position.allowance);
    yaml.EndMap();
  }
  yaml.EndSeq();
}

void WritePayFamily(YamlWriter& yaml, const model::PayFamily& family) {
  yaml.BeginMap();
  yaml.String("id", family.id);
  yaml.String("name", family.name);
  yaml.FlowListIfSet("tracks", family.tracks);
  yaml.BeginFlowMapValue("base");
  for (const model::PayFamily::Step& step : family.base) yaml.Number(step.grade, step.amount);
  yaml.EndMap();
  yaml.EndMap();
}

void WritePay(YamlWriter& yaml, const model::Pay& pay) {
  const model::Pay defaults;
  if (pay.currency.empty() && pay.period == defaults.period && pay.families.empty()) return;
  yaml.BeginMapValue("pay");
  yaml.StringIfSet("currency", pay.currency);
  if (pay.period != defaults.period) yaml.String("period", pay.period);
  if (!pay.families.empty()) {
    yaml.BeginSeq("families");
    for (const model::PayFamily& family : pay.families) WritePayFamily(yaml, family);
    yaml.EndSeq();
  }
  yaml.EndMap();
}

bool IsDefault(const model::PromotionPolicy& policy) {
  return policy.far_above == kDefaultPromotion.far_above &&
         policy.slightly_above == kDefaultPromotion.slightly_above &&
         policy.periods == kDefaultPromotion.periods &&
         policy.confidence == kDefaultPromotion.confidence;
}

bool IsDefault(const model::PlanPolicy& policy) {
  return policy.below == kDefaultPlan.below && policy.exit_after == kDefaultPlan.exit_after;
}

bool IsDefault(const model::BonusPolicy& policy) {
  return policy.method == kDefaultBonus.method && policy.min_gap == kDefaultBonus.min_gap &&
         policy.cap_percent == kDefaultBonus.cap_percent;
}

bool IsDefault(const model::LevellingPolicy& policy) {
  return policy.level_share == kDefaultLevelling.level_share &&
         policy.area_share == kDefaultLevelling.area_share;
}

const char* BonusMethodName(model::BonusPolicy::Method method) {
  switch (method) {
    case model::BonusPolicy::Method::kPayDifference:
      return "pay-difference";
    case model::BonusPolicy::Method::kNone:
      return "none";
  }
  return "pay-difference";
}

/// A policy section is written whole (every key) as soon as one of its values differs from the
/// default, so that a reader sees the complete rule in one place.
void WritePolicies(YamlWriter& yaml, const model::Policies& policies) {
  const bool promotion = !IsDefault(policies.promotion);
  const bool plan = !IsDefault(policies.plan);
  const bool bonus = !IsDefault(policies.bonus);
  const bool levelling = !IsDefault(policies.levelling);
  const bool approval = !policies.executive_approval.empty();
  if (!promotion && !plan && !bonus && !levelling && !approval) return;
  yaml.BeginMapValue("policies");
  if (promotion) {
    yaml.BeginFlowMapValue("promotion");
    yaml.Number("far_above", policies.promotion.far_above);
    yaml.Number("slightly_above", policies.promotion.slightly_above);
    yaml.Int("periods", policies.promotion.periods);
    yaml.String("confidence", FormatPercent(policies.promotion.confidence, 100));
    yaml.EndMap();
  }
  if (plan) {
    yaml.BeginFlowMapValue("plan");
    yaml.Number("below", policies.plan.below);
    yaml.Int("exit_after", policies.plan.exit_after);
    yaml.EndMap();
  }
  if (bonus) {
    yaml.BeginFlowMapValue("bonus");
    yaml.String("method", BonusMethodName(policies.bonus.method));
    yaml.Number("min_gap", policies.bonus.min_gap);
    yaml.String("cap", FormatPercent(policies.bonus.cap_percent, 1));
    yaml.EndMap();
  }
  if (levelling) {
    yaml.BeginFlowMapValue("levelling");
    yaml.String("level_share", FormatPercent(policies.levelling.level_share, 100));
    yaml.String("area_share", FormatPercent(policies.levelling.area_share, 100));
    yaml.EndMap();
  }
  if (approval) yaml.FlowList("executive_approval", policies.executive_approval);
  yaml.EndMap();
}

void WriteHeader(YamlWriter& yaml, const Framework& framework) {
  yaml.String("format",
              framework.format.empty() ? std::string(model::kFrameworkFormat) : framework.format);
  yaml.String("id", framework.id);
  yaml.String("name", framework.name);
  yaml.StringIfSet("description", framework.description);
  if (framework.cumulative_criteria) yaml.Bool("cumulative_criteria", true);
}

}  // namespace

std::string WriteFrameworkYaml(const model::Framework& framework) {
  YamlWriter yaml;
  yaml.BeginMap();
  WriteHeader(yaml, framework);
  WriteScale(yaml, framework.scale);
  WriteTracks(yaml, framework.tracks);
  WriteLevels(yaml, framework.levels);
  WriteEquivalences(yaml, framework.equivalences);
  WriteTransitions(yaml, framework.transitions);
  WriteAreas(yaml, framework.areas);
  WriteRubric(yaml, framework.rubric);
  WritePositions(yaml, framework.positions);
  WritePay(yaml, framework.pay);
  WritePolicies(yaml, framework.policies);
  yaml.EndMap();
  std::string text = yaml.text();
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}

}  // namespace yardstick::ladder
