// The built-in engineering ladder (frameworks/engineering.yaml), loaded once, for tests that need
// a real framework: its scale, pay and policies.
#pragma once

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "ladder/framework_loader.h"

namespace yardstick::testing {

/// frameworks/engineering.yaml, loaded once.
inline const model::Framework& EngineeringLadder() {
  static const model::Framework framework = [] {
    std::ifstream in(YARDSTICK_SOURCE_DIR "/frameworks/engineering.yaml");
    std::stringstream text;
    text << in.rdbuf();
    ladder::LoadedFramework loaded = ladder::LoadFramework(text.str());
    EXPECT_TRUE(loaded.ok());
    return loaded.framework;
  }();
  return framework;
}

}  // namespace yardstick::testing
