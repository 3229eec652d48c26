#include "auth/login_throttle.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace yardstick::auth {
namespace {

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kNow = 1'000'000;

/// |count| failures, one a minute, the last |ago| seconds before kNow.
std::vector<std::int64_t> Failures(int count, std::int64_t ago) {
  std::vector<std::int64_t> failures;
  failures.reserve(count);
  for (std::int64_t i = count - 1; i >= 0; --i) failures.push_back(kNow - ago - i * kMinute);
  return failures;
}

TEST(LoginThrottleTest, NoFailuresAllow) {
  const ThrottleDecision decision = DecideLoginAttempt({}, {}, kNow);
  EXPECT_TRUE(decision.allowed);
  EXPECT_EQ(decision.retry_after, 0);
}

TEST(LoginThrottleTest, FourFailuresOfALoginStillAllow) {
  EXPECT_TRUE(DecideLoginAttempt(Failures(4, 0), {}, kNow).allowed);
}

TEST(LoginThrottleTest, FiveFailuresWithinFifteenMinutesLockTheLoginFromTheLastOne) {
  const ThrottleDecision decision = DecideLoginAttempt(Failures(5, 10), {}, kNow);
  EXPECT_FALSE(decision.allowed);
  EXPECT_EQ(decision.retry_after, 15 * kMinute - 10);
}

TEST(LoginThrottleTest, TheLockEndsFifteenMinutesAfterTheLastFailure) {
  EXPECT_FALSE(DecideLoginAttempt(Failures(5, 15 * kMinute - 1), {}, kNow).allowed);
  const ThrottleDecision over = DecideLoginAttempt(Failures(5, 15 * kMinute), {}, kNow);
  EXPECT_TRUE(over.allowed);
}

TEST(LoginThrottleTest, FailuresSpreadOverMoreThanTheWindowDoNotLock) {
  // Five failures, four minutes apart: never five within fifteen minutes.
  std::vector<std::int64_t> spread;
  spread.reserve(5);
  for (std::int64_t i = 0; i < 5; ++i) spread.push_back(kNow - i * 4 * kMinute);
  EXPECT_TRUE(DecideLoginAttempt(spread, {}, kNow).allowed);
}

TEST(LoginThrottleTest, AnOldBurstAndOneNewFailureDoNotLock) {
  std::vector<std::int64_t> failures = Failures(5, 20 * kMinute);
  failures.push_back(kNow - 1);
  EXPECT_TRUE(DecideLoginAttempt(failures, {}, kNow).allowed);
}

TEST(LoginThrottleTest, OrderOfFailuresDoesNotMatter) {
  std::vector<std::int64_t> failures = Failures(5, 0);
  std::reverse(failures.begin(), failures.end());
  EXPECT_FALSE(DecideLoginAttempt(failures, {}, kNow).allowed);
}

TEST(LoginThrottleTest, AnAddressIsLockedAfterTwentyFailures) {
  std::vector<std::int64_t> nineteen;
  std::vector<std::int64_t> twenty;
  for (std::int64_t i = 0; i < 20; ++i) {
    if (i < 19) nineteen.push_back(kNow - 30 - i * 10);
    twenty.push_back(kNow - 30 - i * 10);
  }
  EXPECT_TRUE(DecideLoginAttempt({}, nineteen, kNow).allowed);
  const ThrottleDecision decision = DecideLoginAttempt({}, twenty, kNow);
  EXPECT_FALSE(decision.allowed);
  EXPECT_EQ(decision.retry_after, 15 * kMinute - 30);
}

TEST(LoginThrottleTest, TheLaterOfTwoLocksWins) {
  const std::vector<std::int64_t> address(20, kNow - 5);
  const ThrottleDecision decision = DecideLoginAttempt(Failures(5, 100), address, kNow);
  EXPECT_FALSE(decision.allowed);
  EXPECT_EQ(decision.retry_after, 15 * kMinute - 5);
}

TEST(LoginThrottleTest, APolicyCanBeStricter) {
  ThrottlePolicy policy;
  policy.login_failures = 3;
  policy.lockout = 60 * kMinute;
  const ThrottleDecision decision = DecideLoginAttempt(Failures(3, 0), {}, kNow, policy);
  EXPECT_FALSE(decision.allowed);
  EXPECT_EQ(decision.retry_after, 60 * kMinute);
  EXPECT_EQ(policy.history(), 75 * kMinute);
}

}  // namespace
}  // namespace yardstick::auth
