// What the policy lab's tests share: the built-in engineering ladder, and a policy that checks
// every verdict of the policy it wraps as the simulation runs.
#pragma once

#include <fstream>
#include <functional>
#include <memory>
#include <sstream>

#include <gtest/gtest.h>

#include "lab/policy.h"
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

/// Runs |inner| and shows |check| each cycle's view with the verdicts it gave.
class SpyPolicy : public lab::Policy {
 public:
  using Check = std::function<void(const lab::CycleView&, std::span<const lab::Verdict>)>;
  SpyPolicy(std::unique_ptr<lab::Policy> inner, Check check)
      : inner_(std::move(inner)), check_(std::move(check)) {}
  [[nodiscard]] bool needs_calibration() const override { return inner_->needs_calibration(); }
  void Decide(const lab::CycleView& view, std::span<lab::Verdict> verdicts) override {
    inner_->Decide(view, verdicts);
    check_(view, verdicts);
  }

 private:
  std::unique_ptr<lab::Policy> inner_;
  Check check_;
};

}  // namespace yardstick::testing
