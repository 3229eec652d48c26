#include "model/cycle.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace yardstick::model {
namespace {

std::string ParsedPeriod(std::string_view text) {
  Result<Period> period = Period::Parse(text);
  return period.ok() ? period->ToString() : period.status().message();
}

TEST(PeriodTest, ReadsTheFormsPeopleWrite) {
  EXPECT_EQ(ParsedPeriod("2026"), "2026-01-01..2026-12-31");
  EXPECT_EQ(ParsedPeriod("2026-H1"), "2026-01-01..2026-06-30");
  EXPECT_EQ(ParsedPeriod("2026-h2"), "2026-07-01..2026-12-31");
  EXPECT_EQ(ParsedPeriod("2026-Q1"), "2026-01-01..2026-03-31");
  EXPECT_EQ(ParsedPeriod("2024-02"), "2024-02-01..2024-02-29");
  EXPECT_EQ(ParsedPeriod("2025-02"), "2025-02-01..2025-02-28");
  EXPECT_EQ(ParsedPeriod("2026-03-15..2026-09-14"), "2026-03-15..2026-09-14");
}

TEST(PeriodTest, SaysWhatItExpects) {
  const std::string forms =
      "expected a period as 2026, 2026-H2, 2026-Q3, 2026-09 or 2026-07-01..2026-12-31";
  for (const char* text : {"", "26", "2026-H3", "2026-Q0", "2026-13", "H2-2026",
                           "2026-02-30..2026-03-01", "2026/H2", "2026-H2x"}) {
    EXPECT_EQ(ParsedPeriod(text), fmt::format("period '{}': {}", text, forms)) << text;
  }
  EXPECT_EQ(ParsedPeriod("2026-12-31..2026-01-01"),
            "period '2026-12-31..2026-01-01': the end is before the start");
}

TEST(PeriodTest, ContainsBothEnds) {
  const Period period = *Period::Parse("2026-Q2");
  EXPECT_TRUE(period.Contains(*Date::Parse("2026-04-01")));
  EXPECT_TRUE(period.Contains(*Date::Parse("2026-06-30")));
  EXPECT_FALSE(period.Contains(*Date::Parse("2026-07-01")));
}

TEST(CycleStateTest, NamesRoundTrip) {
  for (CycleState state : {CycleState::kOpen, CycleState::kRating, CycleState::kCalibrating,
                           CycleState::kDecided, CycleState::kClosed}) {
    EXPECT_EQ(ParseCycleState(ToString(state)), state);
  }
  EXPECT_EQ(ParseCycleState("Rating"), std::nullopt);
}

TEST(CycleStateTest, MovesOnlyForwardOneStepAndNeverOutOfClosed) {
  Cycle cycle;
  cycle.id = "c";
  EXPECT_TRUE(CheckTransition(cycle, CycleState::kRating).ok());
  EXPECT_EQ(CheckTransition(cycle, CycleState::kCalibrating).message(),
            "cycle 'c' is open: it can only move on to rating, not to calibrating");
  cycle.state = CycleState::kCalibrating;
  EXPECT_EQ(CheckTransition(cycle, CycleState::kRating).message(),
            "cycle 'c' is calibrating: it can only move on to decided, not to rating");
  cycle.state = CycleState::kClosed;
  EXPECT_EQ(CheckTransition(cycle, CycleState::kOpen).message(),
            "cycle 'c' is closed, and a closed cycle never changes");
}

TEST(CycleReadinessTest, RatingEndsWhenEveryoneIsRatedUnlessAllowed) {
  Cycle cycle;
  cycle.id = "c";
  cycle.state = CycleState::kRating;
  CycleProgress progress;
  progress.unrated = {"E1", "E2", "E3", "E4", "E5", "E6", "E7"};
  EXPECT_EQ(CheckReady(cycle, CycleState::kCalibrating, progress, false).message(),
            "cycle 'c' cannot stop rating yet: 7 people have no rating (E1, E2, E3, E4, E5 and 2 "
            "more); rate them or move on with --allow-unrated");
  EXPECT_TRUE(CheckReady(cycle, CycleState::kCalibrating, progress, true).ok());
  progress.unrated = {"E1"};
  EXPECT_EQ(CheckReady(cycle, CycleState::kCalibrating, progress, false).message(),
            "cycle 'c' cannot stop rating yet: 1 person has no rating (E1); rate them or move on "
            "with --allow-unrated");
  progress.unrated.clear();
  EXPECT_TRUE(CheckReady(cycle, CycleState::kCalibrating, progress, false).ok());
}

TEST(CycleReadinessTest, CalibratingEndsOnceCalibratedAndDecided) {
  Cycle cycle;
  cycle.id = "c";
  cycle.state = CycleState::kCalibrating;
  CycleProgress progress;
  EXPECT_EQ(CheckReady(cycle, CycleState::kDecided, progress, false).message(),
            "cycle 'c' has not been calibrated: run `yardstick cycle calibrate c` first");
  progress.calibrated = 12;
  EXPECT_EQ(CheckReady(cycle, CycleState::kDecided, progress, false).message(),
            "cycle 'c' has no slate yet: run `yardstick cycle decide c` first");
  progress.decided = 12;
  EXPECT_TRUE(CheckReady(cycle, CycleState::kDecided, progress, false).ok());
  // Readiness never bypasses the order of states.
  EXPECT_EQ(CheckReady(cycle, CycleState::kClosed, progress, true).code(),
            Status::Code::kFailedPrecondition);
}

TEST(CycleReadinessTest, ClosingNeedsEveryDecisionReviewedAndTheAcceptedOnesApplied) {
  Cycle cycle;
  cycle.id = "c";
  cycle.state = CycleState::kDecided;
  CycleProgress progress;
  progress.proposed = 2;
  progress.accepted = 1;
  EXPECT_EQ(CheckReady(cycle, CycleState::kClosed, progress, false).message(),
            "cycle 'c' cannot close yet: 2 decisions are still proposed; accept or reject them "
            "(`yardstick cycle accept|reject`)");
  progress.proposed = 0;
  EXPECT_EQ(CheckReady(cycle, CycleState::kClosed, progress, false).message(),
            "cycle 'c' cannot close yet: 1 accepted decision is not applied; run `yardstick cycle "
            "apply c` first");
  progress.accepted = 0;
  EXPECT_TRUE(CheckReady(cycle, CycleState::kClosed, progress, false).ok());
}

}  // namespace
}  // namespace yardstick::model
