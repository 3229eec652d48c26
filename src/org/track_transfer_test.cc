#include "org/track_transfer.h"

#include <gtest/gtest.h>

#include "base/file.h"
#include "ladder/framework_loader.h"

namespace yardstick::org {
namespace {

model::Level Level(const std::string& id) {
  model::Level level;
  level.id = id;
  return level;
}

TEST(TrackTransferTest, ATransitionGoesOneWayUnlessBothWays) {
  model::Framework framework;
  framework.transitions.push_back({"staff", "manager", /*both_ways=*/false, {}});
  EXPECT_TRUE(MayMoveBetweenLevels(framework, Level("staff"), Level("manager")));
  EXPECT_FALSE(MayMoveBetweenLevels(framework, Level("manager"), Level("staff")));
  framework.transitions.back().both_ways = true;
  EXPECT_TRUE(MayMoveBetweenLevels(framework, Level("manager"), Level("staff")));
  EXPECT_FALSE(MayMoveBetweenLevels(framework, Level("staff"), Level("director")));
}

TEST(TrackTransferTest, ASharedLevelOrAnEquivalenceAllowsTheMove) {
  model::Framework framework;
  EXPECT_TRUE(MayMoveBetweenLevels(framework, Level("L3"), Level("L3")));
  EXPECT_FALSE(MayMoveBetweenLevels(framework, Level("L3"), Level("M3")));
  framework.equivalences.push_back({{"L3", "M3", "P3"}, {}});
  EXPECT_TRUE(MayMoveBetweenLevels(framework, Level("M3"), Level("P3")));
  EXPECT_FALSE(MayMoveBetweenLevels(framework, Level("L3"), Level("M4")));
}

TEST(TrackTransferTest, TheBuiltInDualLadderLetsALeadBecomeAManagerButNotASenior) {
  const Result<std::string> yaml =
      ReadTextFile(YARDSTICK_SOURCE_DIR "/frameworks/dual-ladder.yaml");
  ASSERT_TRUE(yaml.ok()) << yaml.status().message();
  const ladder::LoadedFramework loaded = ladder::LoadFramework(*yaml);
  ASSERT_TRUE(loaded.ok());
  const model::Framework& framework = loaded.framework;
  const auto level = [&](const char* id) -> const model::Level& {
    const model::Level* found = framework.FindLevel(id);
    EXPECT_NE(found, nullptr) << id;
    return *found;
  };
  EXPECT_TRUE(MayMoveBetweenLevels(framework, level("lead"), level("manager")));
  EXPECT_TRUE(MayMoveBetweenLevels(framework, level("manager"), level("lead")));
  EXPECT_FALSE(MayMoveBetweenLevels(framework, level("senior"), level("manager")));
}

}  // namespace
}  // namespace yardstick::org
