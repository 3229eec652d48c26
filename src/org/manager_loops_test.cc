#include "org/manager_loops.h"

#include <gtest/gtest.h>

namespace yardstick::org {
namespace {

using Loops = std::vector<std::vector<int>>;

TEST(ImportManagerLoopsTest, ATreeHasNoLoops) {
  EXPECT_EQ(FindManagerLoops({-1, 0, 0, 1, 3}), Loops{});
  EXPECT_EQ(FindManagerLoops({}), Loops{});
}

TEST(ImportManagerLoopsTest, FindsEachLoopOnceFromItsSmallestNode) {
  // 0 → 2 → 1 → 0; 3 hangs off the loop; 4 ↔ 5; 6 reports to itself.
  EXPECT_EQ(FindManagerLoops({2, 0, 1, 2, 5, 4, 6}), (Loops{{0, 2, 1}, {4, 5}, {6}}));
}

TEST(ImportManagerLoopsTest, AChainLeadingIntoALoopReportsOnlyTheLoop) {
  EXPECT_EQ(FindManagerLoops({1, 2, 3, 4, 3}), (Loops{{3, 4}}));
}

TEST(ImportManagerLoopsTest, IgnoresManagersOutsideTheGraph) {
  EXPECT_EQ(FindManagerLoops({7, -3, 0}), Loops{});
}

TEST(ImportManagerLoopsTest, HandlesAMillionDeepChainWithoutRecursion) {
  const int size = 1000000;
  std::vector<int> next(size);
  for (int i = 0; i < size; ++i) next[static_cast<size_t>(i)] = i + 1;
  next.back() = -1;
  EXPECT_EQ(FindManagerLoops(next), Loops{});
  next.back() = 0;
  const Loops loops = FindManagerLoops(next);
  ASSERT_EQ(loops.size(), 1u);
  EXPECT_EQ(loops[0].size(), static_cast<size_t>(size));
}

}  // namespace
}  // namespace yardstick::org
