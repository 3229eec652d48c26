// engine::Decide without reasons (DecideOptions::explain = false) decides exactly as with them.
#include "engine/decision_rules.h"

#include <gtest/gtest.h>

#include "engineering_ladder.h"

namespace yardstick::engine {
namespace {

TEST(DecideWithoutReasons, SameProposalsGradesAndBonusesWithEmptyReasons) {
  const model::Framework& ladder = testing::EngineeringLadder();
  std::vector<model::Person> people(5);
  std::vector<PersonRecord> records(5);
  const double performed[] = {9.0, 6.7, 5.1, 3.2, 5.6};
  for (size_t k = 0; k < people.size(); ++k) {
    people[k].id = "P" + std::to_string(k);
    people[k].track = "ic";
    people[k].grade = "F";  // index 5
    records[k].person = &people[k];
    records[k].result = CycleResult{5, performed[k], 0.2};
    records[k].past = {CycleResult{5, 5.9, 0.2}, CycleResult{5, 6.0, 0.2}};
  }
  DecideOptions quiet;
  quiet.explain = false;
  const std::vector<SlateEntry> explained = Decide(ladder, records);
  const std::vector<SlateEntry> unexplained = Decide(ladder, records, quiet);
  ASSERT_EQ(explained.size(), unexplained.size());
  for (size_t k = 0; k < explained.size(); ++k) {
    EXPECT_EQ(explained[k].proposal, unexplained[k].proposal) << k;
    EXPECT_EQ(explained[k].to_grade, unexplained[k].to_grade) << k;
    EXPECT_EQ(explained[k].streak, unexplained[k].streak) << k;
    EXPECT_EQ(explained[k].bonus.has_value(), unexplained[k].bonus.has_value()) << k;
    if (explained[k].bonus) {
      EXPECT_EQ(explained[k].bonus->amount, unexplained[k].bonus->amount);
    }
    EXPECT_FALSE(explained[k].reason.empty());
    EXPECT_TRUE(unexplained[k].reason.empty());
  }
  EXPECT_EQ(explained[0].proposal, model::Proposal::kPromoteNow);
  EXPECT_EQ(explained[1].proposal, model::Proposal::kPromote);
  EXPECT_EQ(explained[3].proposal, model::Proposal::kPlan);
}

}  // namespace
}  // namespace yardstick::engine
