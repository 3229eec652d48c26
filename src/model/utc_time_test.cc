#include "model/utc_time.h"

#include <gtest/gtest.h>

namespace yardstick::model {
namespace {

TEST(UtcTimeTest, ReadsWhatTheClockWrites) {
  EXPECT_EQ(ParseUtcSeconds("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseUtcSeconds("1970-01-02T00:00:01Z"), 86401);
  EXPECT_EQ(ParseUtcSeconds("2026-11-21T10:15:00Z"), 1795256100);
}

TEST(UtcTimeTest, RefusesAnythingElse) {
  for (const char* text :
       {"", "2026-11-21", "2026-11-21 10:15:00Z", "2026-11-21T10:15:00",
        "2026-11-21T10:15:00+01:00", "2026-02-29T10:15:00Z", "2026-11-21T24:00:00Z",
        "2026-11-21T10:60:00Z", "2026-11-21T10:15:6xZ"}) {
    EXPECT_EQ(ParseUtcSeconds(text), std::nullopt) << text;
  }
}

TEST(UtcTimeTest, FormatsBackExactly) {
  for (const char* text : {"1970-01-01T00:00:00Z", "2024-02-29T23:59:59Z", "2026-11-21T10:15:00Z",
                           "1969-12-31T23:59:59Z"}) {
    EXPECT_EQ(FormatUtcSeconds(*ParseUtcSeconds(text)), text);
  }
  EXPECT_EQ(FormatUtcSeconds(-1), "1969-12-31T23:59:59Z");
}

TEST(UtcTimeTest, AddsSecondsAcrossDaysMonthsAndYears) {
  EXPECT_EQ(AddUtcSeconds("2026-11-21T10:15:00Z", std::int64_t{12} * 3600), "2026-11-21T22:15:00Z");
  EXPECT_EQ(AddUtcSeconds("2026-12-31T23:00:00Z", 3600), "2027-01-01T00:00:00Z");
  EXPECT_EQ(AddUtcSeconds("2024-02-28T12:00:00Z", 86400), "2024-02-29T12:00:00Z");
  EXPECT_EQ(AddUtcSeconds("2026-03-01T00:00:00Z", -1), "2026-02-28T23:59:59Z");
  EXPECT_EQ(AddUtcSeconds("not a time", 1), std::nullopt);
}

}  // namespace
}  // namespace yardstick::model
