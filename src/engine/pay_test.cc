// Pay from the scale (engine/pay.h) on the built-in engineering ladder.
#include "engine/pay.h"

#include <gtest/gtest.h>

#include "engineering_ladder.h"

namespace yardstick::engine {
namespace {

using testing::EngineeringLadder;

TEST(PayTest, BasePayIsTheScaleAtTheGrade) {
  const model::Framework& f = EngineeringLadder();
  EXPECT_DOUBLE_EQ(*BasePay(f, "ic", f.scale.IndexOf("G")), 56000);
  EXPECT_DOUBLE_EQ(*BasePay(f, "manager", f.scale.IndexOf("G")), 56000);
  EXPECT_EQ(BasePay(f, "ic", 99).status().code(), Status::Code::kNotFound);
}

TEST(PayTest, ARealGradeIsPaidBetweenTheStepsEitherSide) {
  const model::Framework& f = EngineeringLadder();
  const int g = f.scale.IndexOf("G");
  EXPECT_DOUBLE_EQ(*BasePayAt(f, "ic", g), 56000);
  EXPECT_DOUBLE_EQ(*BasePayAt(f, "ic", g + 0.25), 56000 + 0.25 * (62000 - 56000));
  EXPECT_DOUBLE_EQ(*BasePayAt(f, "ic", 99.0), 145000);  // clamped to the top grade
  EXPECT_DOUBLE_EQ(*BasePayAt(f, "ic", -3.0), 30000);
}

TEST(PayTest, APersonsPayIsBasePlusTheirPositionsAllowance) {
  model::Person lead;
  lead.id = "lead";
  lead.track = "ic";
  lead.grade = "J";
  lead.position = "tech-lead";
  Result<PayDerivation> pay = DerivePay(EngineeringLadder(), lead);
  ASSERT_TRUE(pay.ok()) << pay.status().message();
  EXPECT_EQ(pay->family, "engineering");
  EXPECT_DOUBLE_EQ(pay->base, 78000);
  EXPECT_DOUBLE_EQ(pay->allowance, 6000);
  EXPECT_DOUBLE_EQ(pay->total, 84000);
  EXPECT_EQ(pay->currency, "EUR");
  lead.position.clear();  // the allowance goes with the position
  EXPECT_DOUBLE_EQ(DerivePay(EngineeringLadder(), lead)->total, 78000);
  lead.position = "astronaut";
  EXPECT_EQ(DerivePay(EngineeringLadder(), lead).status().message(),
            "lead's position 'astronaut' is not in framework 'engineering'");
  lead.grade = "Z";
  EXPECT_EQ(DerivePay(EngineeringLadder(), lead).status().message(),
            "lead's grade Z is not on the scale of framework 'engineering'");
}

}  // namespace
}  // namespace yardstick::engine
