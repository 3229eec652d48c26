// What the policy lab's tests share: the built-in engineering ladder (engineering_ladder.h), and a
// policy that checks every verdict of the policy it wraps as the simulation runs.
#pragma once

#include <functional>
#include <memory>

#include <gtest/gtest.h>

#include "engineering_ladder.h"
#include "lab/policy.h"

namespace yardstick::testing {

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
