// The four-fifths rule (engine/adverse_impact.h) on small cases computed by hand.
#include "engine/adverse_impact.h"

#include <gtest/gtest.h>

namespace yardstick::engine {
namespace {

/// |people| people with |value|, the first |promoted| of them promoted and the last |plans| of
/// them on a plan.
void Add(std::vector<PersonOutcome>& outcomes, std::optional<std::string> value, int people,
         int promoted, int plans) {
  for (int i = 0; i < people; ++i) {
    outcomes.push_back({value, i < promoted, i >= people - plans});
  }
}

const ImpactRow& Row(const AdverseImpact& impact, const std::string& value) {
  for (const ImpactRow& row : impact.rows) {
    if (row.value == value) return row;
  }
  ADD_FAILURE() << "no row " << value;
  return impact.rows.front();
}

TEST(AdverseImpactTest, ComparesEachValueWithTheBestRate) {
  std::vector<PersonOutcome> outcomes;
  Add(outcomes, "M", 20, 6, 2);  // promoted 0.30, plans 0.10
  Add(outcomes, "F", 10, 2, 3);  // promoted 0.20, plans 0.30
  const AdverseImpact impact = MeasureAdverseImpact("gender", outcomes);
  EXPECT_EQ(impact.attribute, "gender");
  ASSERT_EQ(impact.rows.size(), 2u);
  EXPECT_EQ(impact.rows[0].value, "F");  // by value
  EXPECT_FALSE(impact.nothing_to_compare);

  const ImpactRow& f = Row(impact, "F");
  EXPECT_EQ(f.people, 10);
  EXPECT_EQ(f.promotions, 2);
  EXPECT_EQ(f.plans, 3);
  EXPECT_DOUBLE_EQ(f.promotion_rate, 0.2);
  EXPECT_DOUBLE_EQ(f.plan_rate, 0.3);
  EXPECT_TRUE(f.judged);
  EXPECT_NEAR(*f.promotion_ratio, 0.2 / 0.3, 1e-12);  // 0.67 < 0.8
  EXPECT_TRUE(f.promotion_flagged);
  EXPECT_NEAR(*f.plan_ratio, 0.1 / 0.3, 1e-12);  // 0.33 < 0.8
  EXPECT_TRUE(f.plan_flagged);

  const ImpactRow& m = Row(impact, "M");
  EXPECT_DOUBLE_EQ(*m.promotion_ratio, 1.0);
  EXPECT_DOUBLE_EQ(*m.plan_ratio, 1.0);
  EXPECT_FALSE(m.promotion_flagged);
  EXPECT_FALSE(m.plan_flagged);
}

TEST(AdverseImpactTest, ExactlyFourFifthsIsNotFlagged) {
  std::vector<PersonOutcome> outcomes;
  Add(outcomes, "Lisbon", 10, 4, 5);  // promoted 0.4, plans 0.5
  Add(outcomes, "Berlin", 5, 5, 2);   // promoted 1.0, plans 0.4 (the counts are independent)
  const AdverseImpact impact = MeasureAdverseImpact("location", outcomes);
  const ImpactRow& lisbon = Row(impact, "Lisbon");
  EXPECT_NEAR(*lisbon.promotion_ratio, 0.4, 1e-12);
  EXPECT_TRUE(lisbon.promotion_flagged);
  EXPECT_NEAR(*lisbon.plan_ratio, 0.4 / 0.5, 1e-12);  // exactly four fifths
  EXPECT_FALSE(lisbon.plan_flagged);

  std::vector<PersonOutcome> even;
  Add(even, "a", 10, 8, 0);  // 0.8
  Add(even, "b", 5, 5, 0);   // 1.0
  const AdverseImpact measured = MeasureAdverseImpact("x", even);
  const ImpactRow& a = Row(measured, "a");
  EXPECT_NEAR(*a.promotion_ratio, 0.8, 1e-12);
  EXPECT_FALSE(a.promotion_flagged);
}

TEST(AdverseImpactTest, SmallGroupsAndUnknownValuesAreShownNotJudged) {
  std::vector<PersonOutcome> outcomes;
  Add(outcomes, "a", 10, 5, 1);
  Add(outcomes, "b", 10, 4, 1);
  Add(outcomes, "tiny", 4, 0, 4);  // would be flagged on both counts if judged
  Add(outcomes, std::nullopt, 6, 0, 6);
  const AdverseImpact impact = MeasureAdverseImpact("team", outcomes);
  ASSERT_EQ(impact.rows.size(), 4u);
  EXPECT_EQ(impact.rows.back().value, kNotGiven);  // last
  for (const char* value : {"tiny", kNotGiven}) {
    const ImpactRow& row = Row(impact, value);
    EXPECT_FALSE(row.judged) << value;
    EXPECT_FALSE(row.promotion_ratio) << value;
    EXPECT_FALSE(row.plan_ratio) << value;
    EXPECT_FALSE(row.promotion_flagged || row.plan_flagged) << value;
  }
  EXPECT_DOUBLE_EQ(Row(impact, "tiny").plan_rate, 1.0);
  EXPECT_EQ(Row(impact, kNotGiven).people, 6);
  // The small group is not the reference: b is compared with a (0.4 / 0.5), not with tiny.
  EXPECT_NEAR(*Row(impact, "b").promotion_ratio, 0.8, 1e-12);
  EXPECT_DOUBLE_EQ(*Row(impact, "b").plan_ratio, 1.0);
}

TEST(AdverseImpactTest, ZeroRates) {
  std::vector<PersonOutcome> none;
  Add(none, "a", 5, 0, 0);
  Add(none, "b", 6, 0, 0);
  const AdverseImpact impact = MeasureAdverseImpact("x", none);
  for (const ImpactRow& row : impact.rows) {
    EXPECT_FALSE(row.promotion_ratio) << "no promotion anywhere: nothing to compare with";
    EXPECT_FALSE(row.promotion_flagged);
    EXPECT_DOUBLE_EQ(*row.plan_ratio, 1.0) << "nobody got a plan";
    EXPECT_FALSE(row.plan_flagged);
  }

  // Nobody in a got a plan, one person in b did: b's ratio is 0 / 0.2.
  std::vector<PersonOutcome> one_plan;
  Add(one_plan, "a", 5, 1, 0);
  Add(one_plan, "b", 5, 1, 1);
  const AdverseImpact planned = MeasureAdverseImpact("x", one_plan);
  EXPECT_DOUBLE_EQ(*Row(planned, "a").plan_ratio, 1.0);
  EXPECT_DOUBLE_EQ(*Row(planned, "b").plan_ratio, 0.0);
  EXPECT_TRUE(Row(planned, "b").plan_flagged);
  EXPECT_DOUBLE_EQ(*Row(planned, "b").promotion_ratio, 1.0);
}

TEST(AdverseImpactTest, OneJudgedValueHasNothingToCompare) {
  std::vector<PersonOutcome> outcomes;
  Add(outcomes, "a", 8, 1, 1);
  Add(outcomes, "b", 2, 0, 2);
  const AdverseImpact impact = MeasureAdverseImpact("x", outcomes);
  EXPECT_TRUE(impact.nothing_to_compare);
  EXPECT_FALSE(Row(impact, "a").promotion_flagged || Row(impact, "a").plan_flagged);
  EXPECT_TRUE(MeasureAdverseImpact("x", {}).rows.empty());
}

}  // namespace
}  // namespace yardstick::engine
