#include "ladder/yaml_reader.h"

#include <gtest/gtest.h>

namespace yardstick::ladder {
namespace {

using Range = std::pair<std::string, std::string>;

TEST(SplitRange, ReadsHyphenEnDashDotsAndSingleValues) {
  EXPECT_EQ(SplitRange("A-C"), Range("A", "C"));
  EXPECT_EQ(SplitRange(" G \xE2\x80\x93 H "), Range("G", "H"));
  EXPECT_EQ(SplitRange("P1..P3"), Range("P1", "P3"));
  EXPECT_EQ(SplitRange("K"), Range("K", "K"));
  EXPECT_EQ(SplitRange(""), std::nullopt);
  EXPECT_EQ(SplitRange("A-"), std::nullopt);
  EXPECT_EQ(SplitRange("-C"), std::nullopt);
}

TEST(ParseNumberRange, ReadsRangesOpenEndsAndPercentages) {
  auto range = ParseNumberRange("3-5", false);
  ASSERT_TRUE(range);
  EXPECT_EQ(range->min, 3);
  EXPECT_EQ(range->max, 5);
  EXPECT_FALSE(range->open_ended);

  range = ParseNumberRange("8+", false);
  ASSERT_TRUE(range);
  EXPECT_EQ(range->min, 8);
  EXPECT_TRUE(range->open_ended);

  range = ParseNumberRange("60-80%", true);
  ASSERT_TRUE(range);
  EXPECT_EQ(range->min, 60);
  EXPECT_EQ(range->max, 80);

  EXPECT_FALSE(ParseNumberRange("60-80%", false));
  EXPECT_FALSE(ParseNumberRange("a few", false));
  EXPECT_FALSE(ParseNumberRange("-3", false));
  EXPECT_FALSE(ParseNumberRange("", false));
}

TEST(ParseNumber, ReadsPlainNumbersAndPercentages) {
  EXPECT_EQ(ParseNumber("2", false), 2.0);
  EXPECT_EQ(ParseNumber("0.5", false), 0.5);
  EXPECT_EQ(ParseNumber("80%", true), 80.0);
  EXPECT_EQ(ParseNumber("80", true), 80.0);
  EXPECT_EQ(ParseNumber("80%", false), std::nullopt);
  EXPECT_EQ(ParseNumber("1e", false), std::nullopt);
  EXPECT_EQ(ParseNumber("lots", false), std::nullopt);
}

TEST(MapReader, ReportsTheKeyAndWhereItIs) {
  const YAML::Node node = YAML::Load("name: x\nweight: [1, 2]\nflag: maybe\n");
  Diagnostics diagnostics;
  MapReader reader(node, "thing", {"name", "weight", "flag", "missing"}, diagnostics);
  EXPECT_EQ(reader.String("name", true), "x");
  EXPECT_EQ(reader.Number("weight", true), std::nullopt);
  EXPECT_EQ(reader.Boolean("flag", false), std::nullopt);
  EXPECT_EQ(reader.String("missing", true), std::nullopt);
  EXPECT_EQ(reader.String("optional_absent", false), std::nullopt);
  EXPECT_EQ(diagnostics.Format("f"),
            "f:2:9: error: expected a number for 'weight' in thing, found a list\n"
            "f:3:7: error: expected true or false for 'flag' in thing, found 'maybe'\n"
            "f:1:1: error: the thing needs 'missing'\n");
}

}  // namespace
}  // namespace yardstick::ladder
