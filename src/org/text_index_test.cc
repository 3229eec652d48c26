#include "org/text_index.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace yardstick::org {
namespace {

TEST(ImportTextIndexTest, InsertsOnceAndFinds) {
  TextIndex index;
  EXPECT_FALSE(index.Find("E1").has_value());
  EXPECT_EQ(index.Insert("E1", 7), std::make_pair(7u, true));
  EXPECT_EQ(index.Insert("E1", 9), std::make_pair(7u, false));  // the first one stays
  EXPECT_EQ(index.Find("E1"), 7u);
  EXPECT_FALSE(index.Contains("E2"));
  EXPECT_FALSE(index.Contains(""));
  EXPECT_EQ(index.size(), 1u);
}

TEST(ImportTextIndexTest, GrowsAndKeepsEveryKey) {
  std::vector<std::string> keys;
  for (int i = 0; i < 100000; ++i) keys.push_back("person-" + std::to_string(i));
  TextIndex index;  // no Reserve: grows as it goes
  for (size_t i = 0; i < keys.size(); ++i) {
    ASSERT_TRUE(index.Insert(keys[i], static_cast<std::uint32_t>(i)).second);
  }
  EXPECT_EQ(index.size(), keys.size());
  for (size_t i = 0; i < keys.size(); ++i) ASSERT_EQ(index.Find(keys[i]), i);
  EXPECT_FALSE(index.Contains("person-100000"));
}

}  // namespace
}  // namespace yardstick::org
