#include "base/text.h"

#include <gtest/gtest.h>

namespace yardstick {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(EditDistance("", ""), 0);
  EXPECT_EQ(EditDistance("grades", "grades"), 0);
  EXPECT_EQ(EditDistance("grdes", "grades"), 1);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3);
  EXPECT_EQ(EditDistance("", "abc"), 3);
}

TEST(DidYouMean, SuggestsOnlyPlausibleTypos) {
  const std::vector<std::string> keys = {"grades", "tracks", "summary", "criteria"};
  EXPECT_EQ(DidYouMean("grdes", keys), " (did you mean 'grades'?)");
  EXPECT_EQ(DidYouMean("Summary", keys), " (did you mean 'summary'?)");
  EXPECT_EQ(DidYouMean("salary", keys), "");
  EXPECT_EQ(DidYouMean("x", {}), "");
}

TEST(Text, CountsCodePointsNotBytes) {
  EXPECT_EQ(CodePoints(""), 0u);
  EXPECT_EQ(CodePoints("abc"), 3u);
  EXPECT_EQ(CodePoints("3.1 ± 0.2"), 9u);
  EXPECT_EQ(CodePoints("Zoë → ✓"), 7u);
}

TEST(Text, TrimsJoinsAndQuotes) {
  EXPECT_EQ(Trim("  a b \n"), "a b");
  EXPECT_EQ(Trim("   "), "");
  EXPECT_EQ(ToLower("MiXeD"), "mixed");
  EXPECT_TRUE(StartsWith("yardstick", "yard"));
  EXPECT_FALSE(StartsWith("yard", "yardstick"));
  EXPECT_EQ(Join({"a", "b", "c"}, ", "), "a, b, c");
  EXPECT_EQ(QuotedList({"ic"}), "'ic'");
  EXPECT_EQ(QuotedList({"ic", "manager", "lead"}), "'ic', 'manager' and 'lead'");
}

TEST(Text, FormatsAmountsWithTheirThousandsGrouped) {
  EXPECT_EQ(FormatAmount(216889.021, 2), "216,889.02");
  EXPECT_EQ(FormatAmount(56000, 0), "56,000");
  EXPECT_EQ(FormatAmount(999, 0), "999");
  EXPECT_EQ(FormatAmount(1234567.5, 1), "1,234,567.5");
  EXPECT_EQ(FormatAmount(-1234, 0), "-1,234");
  EXPECT_EQ(FormatAmount(-123, 0), "-123");
}

TEST(Text, SplitsTheLinesJoinLinesJoined) {
  EXPECT_EQ(SplitLines(JoinLines({"a", "b c"})), (std::vector<std::string>{"a", "b c"}));
  EXPECT_TRUE(SplitLines("").empty());
  EXPECT_EQ(SplitAndTrim(" a ; ;b", ';'), (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace yardstick
