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

}  // namespace
}  // namespace yardstick
