#include "lab/absolute_rules_policy.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace yardstick::lab {

AbsoluteRulesPolicy::AbsoluteRulesPolicy(const model::Framework& framework,
                                         const model::PromotionPolicy& thresholds,
                                         Evidence evidence, double cycle_years, std::string track)
    : framework_(framework), evidence_(evidence), track_(std::move(track)) {
  framework_.policies.promotion = thresholds;
  // Positions play no part in the lab: nobody holds one, so no band is checked.
  framework_.positions.clear();
  decide_options_.explain = false;  // nobody reads the reasons; they would cost most of Decide
  decide_options_.period_share = framework_.pay.period == "month" ? cycle_years * 12 : cycle_years;
  kept_ =
      static_cast<size_t>(std::max({1, thresholds.periods, framework_.policies.plan.exit_after}));
}

void AbsoluteRulesPolicy::Decide(const CycleView& view, std::span<Verdict> verdicts) {
  const model::Scale& scale = framework_.scale;
  if (people_.size() != view.people.size()) {
    people_.assign(view.people.size(), {});
    records_.assign(view.people.size(), {});
    for (size_t slot = 0; slot < people_.size(); ++slot) {
      people_[slot].id = fmt::format("P{}", slot + 1);
      people_[slot].track = track_;
      records_[slot].person = &people_[slot];
    }
  }
  for (size_t slot = 0; slot < view.people.size(); ++slot) {
    const PersonView& person = view.people[slot];
    engine::PersonRecord& record = records_[slot];
    if (person.tenure == 0) {  // a new person in the slot
      record.past.clear();
      record.result.reset();
    }
    if (record.result) {
      record.past.push_back(*record.result);
      if (record.past.size() > kept_) record.past.erase(record.past.begin());
    }
    people_[slot].grade = scale.IdAt(person.held);
    record.result = evidence_ == Evidence::kCalibrated
                        ? engine::CycleResult{person.held, person.calibrated, person.se}
                        : engine::CycleResult{person.held, person.raw_grade, 0.0};
  }
  const std::vector<engine::SlateEntry> slate =
      engine::Decide(framework_, records_, decide_options_);
  for (size_t slot = 0; slot < slate.size(); ++slot) {
    const engine::SlateEntry& entry = slate[slot];
    if (entry.proposal == model::Proposal::kPromote ||
        entry.proposal == model::Proposal::kPromoteNow) {
      verdicts[slot].next_grade = scale.IndexOf(entry.to_grade);
    }
    if (entry.bonus) verdicts[slot].bonus = entry.bonus->amount;
  }
}

std::string DescribeThresholds(const model::PromotionPolicy& thresholds) {
  return fmt::format("far {:g}, slightly {:g} × {}, {:g}%", thresholds.far_above,
                     thresholds.slightly_above, thresholds.periods, thresholds.confidence * 100);
}

PolicyFactory AbsoluteRulesPolicyFactory(const model::PromotionPolicy& thresholds,
                                         Evidence evidence, double cycle_years,
                                         const std::string& track) {
  return {evidence == Evidence::kCalibrated ? "Yardstick calibrated" : "Yardstick raw",
          fmt::format("Yardstick rules, {} ({})",
                      evidence == Evidence::kCalibrated ? "calibrated" : "raw grades",
                      DescribeThresholds(thresholds)),
          [=](const model::Framework& framework, uint64_t) {
            return std::make_unique<AbsoluteRulesPolicy>(framework, thresholds, evidence,
                                                         cycle_years, track);
          }};
}

}  // namespace yardstick::lab
