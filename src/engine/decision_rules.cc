#include "engine/decision_rules.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "engine/pay.h"

namespace yardstick::engine {
namespace {

/// How far above the grade held a result is, with confidence (negative: below).
struct Gap {
  double above = 0;  ///< (performed − z·se) − held
  double below = 0;  ///< held − (performed + z·se)
};

Gap GapOf(const CycleResult& result, double z) {
  return {result.performed - z * result.se - result.held,
          result.held - (result.performed + z * result.se)};
}

/// Cycles, ending with the latest, in which |holds| is true of the result.
template <typename Holds>
int Streak(const PersonRecord& record, Holds holds) {
  if (!record.result || !holds(*record.result)) return 0;
  int streak = 1;
  for (auto it = record.past.rbegin(); it != record.past.rend() && holds(*it); ++it) ++streak;
  return streak;
}

std::string Grades(double count) {
  return fmt::format("{:g} grade{}", count, count == 1 ? "" : "s");
}

/// Checks |to| against the person's position and the bestowed levels.
void CheckPositionAndApproval(const model::Framework& framework, const model::Person& person,
                              int held, int to, SlateEntry& entry) {
  const model::Scale& scale = framework.scale;
  if (to > held) {
    const model::Level* level = framework.LevelAt(person.track, to);
    const auto& bestowed = framework.policies.executive_approval;
    if (level != nullptr &&
        std::find(bestowed.begin(), bestowed.end(), level->id) != bestowed.end()) {
      entry.executive_level = level->id;
    }
  }
  if (person.position.empty()) return;
  const model::Position* position = framework.FindPosition(person.position);
  if (position == nullptr) {
    entry.flags.push_back(fmt::format("position '{}' is not in the framework", person.position));
    return;
  }
  const auto [low, high] = framework.BandOf(*position);
  if (low >= 0 && held < low) {
    entry.flags.push_back(fmt::format("grade {} is below the minimum of position {} ({})",
                                      scale.IdAt(held), position->id, scale.IdAt(low)));
  }
  if (high >= 0 && to > high) {
    const model::Position* needed = PositionHolding(framework, person.track, to);
    if (needed != nullptr) {
      entry.position_change = needed->id;
      entry.flags.push_back(fmt::format(
          "grade {} is past the maximum of position {} ({}): the promotion needs a move to {}",
          scale.IdAt(to), position->id, scale.IdAt(high), needed->id));
    } else {
      entry.flags.push_back(fmt::format(
          "grade {} is past the maximum of position {} ({}), and no position of track {} holds it",
          scale.IdAt(to), position->id, scale.IdAt(high), person.track));
    }
  }
}

}  // namespace

const model::Position* PositionHolding(const model::Framework& framework, std::string_view track,
                                       int grade) {
  for (const model::Position& position : framework.positions) {
    if (!position.track.empty() && position.track != track) continue;
    const auto [low, high] = framework.BandOf(position);
    if (low <= grade && grade <= high) return &position;
  }
  return nullptr;
}

std::string PositionAfterPromotion(const model::Framework& framework, const model::Person& person,
                                   int grade) {
  if (person.position.empty()) return person.position;
  const model::Position* position = framework.FindPosition(person.position);
  if (position == nullptr) return person.position;
  const auto [low, high] = framework.BandOf(*position);
  if (high < 0 || grade <= high) return person.position;
  const model::Position* needed = PositionHolding(framework, person.track, grade);
  return needed != nullptr ? needed->id : person.position;
}

namespace {

/// The bonus for performing above the grade held, or nullopt when none is due.
std::optional<BonusWorking> BonusFor(const model::Framework& framework, const PersonRecord& record,
                                     double z, const DecideOptions& options, SlateEntry& entry) {
  const model::BonusPolicy& policy = framework.policies.bonus;
  const CycleResult& result = *record.result;
  if (policy.method != model::BonusPolicy::Method::kPayDifference ||
      GapOf(result, z).above < policy.min_gap) {
    return std::nullopt;
  }
  const std::string& track = record.person->track;
  Result<double> performed_pay = BasePayAt(framework, track, result.performed);
  Result<double> held_pay = BasePay(framework, track, result.held);
  if (!performed_pay.ok() || !held_pay.ok()) {
    entry.flags.push_back(
        fmt::format("no bonus computed: {}",
                    (!performed_pay.ok() ? performed_pay.status() : held_pay.status()).message()));
    return std::nullopt;
  }
  BonusWorking bonus;
  bonus.performed_pay = *performed_pay;
  bonus.held_pay = *held_pay;
  bonus.period_share = options.period_share;
  bonus.cap = policy.cap_percent / 100.0 * *held_pay * options.period_share;
  const double difference = (*performed_pay - *held_pay) * options.period_share;
  bonus.capped = difference > bonus.cap;
  bonus.amount = std::max(0.0, std::min(difference, bonus.cap));
  return bonus;
}

}  // namespace

double OneSidedZ(double confidence) {
  // Φ(z) = erfc(−z/√2)/2 rises with z: bisect for Φ(z) = confidence.
  double low = -10;
  double high = 10;
  for (int step = 0; step < 100; ++step) {
    const double mid = (low + high) / 2;
    (0.5 * std::erfc(-mid / std::sqrt(2.0)) < confidence ? low : high) = mid;
  }
  return (low + high) / 2;
}

std::vector<SlateEntry> Decide(const model::Framework& framework,
                               std::span<const PersonRecord> people, const DecideOptions& options) {
  const model::Policies& policies = framework.policies;
  const model::Scale& scale = framework.scale;
  const double z = OneSidedZ(policies.promotion.confidence);
  const int top = scale.size() - 1;

  std::vector<SlateEntry> slate;
  slate.reserve(people.size());
  for (const PersonRecord& record : people) {
    SlateEntry entry;
    entry.person_id = record.person->id;
    entry.from_grade = entry.to_grade = record.person->grade;
    const int held = scale.IndexOf(record.person->grade);
    if (held < 0) {
      entry.proposal = Proposal::kNotCalibrated;
      entry.reason = fmt::format("grade {} is not on the scale", record.person->grade);
      slate.push_back(std::move(entry));
      continue;
    }
    if (!record.result) {
      entry.proposal = Proposal::kNotCalibrated;
      entry.reason = "not calibrated this cycle (no rating): nothing to decide from";
      slate.push_back(std::move(entry));
      continue;
    }
    const CycleResult& result = *record.result;
    entry.performed = result.performed;
    entry.se = result.se;
    const Gap gap = GapOf(result, z);
    const std::string performed =
        !options.explain
            ? std::string()
            : fmt::format("performed at {} ± {:.2f} while holding {}",
                          scale.Describe(result.performed), result.se, scale.IdAt(result.held));
    const int confidence = static_cast<int>(std::lround(policies.promotion.confidence * 100));
    int to = held;
    if (gap.above >= policies.promotion.far_above) {
      const double lower = result.performed - z * result.se;
      to = std::clamp(static_cast<int>(std::floor(lower + 1e-9)), held + 1, top);
      entry.proposal = to > held ? Proposal::kPromoteNow : Proposal::kNoChange;
      entry.streak = 1;
      if (options.explain) {
        entry.reason = fmt::format(
            "{}: at least {:.2f} grades above with {}% confidence, far above (≥ {}) → promote now "
            "to {}, the grade the evidence supports",
            performed, gap.above, confidence, Grades(policies.promotion.far_above), scale.IdAt(to));
      }
    } else if (gap.above >= policies.promotion.slightly_above) {
      entry.streak = Streak(record, [&](const CycleResult& r) {
        return GapOf(r, z).above >= policies.promotion.slightly_above;
      });
      const int needed = policies.promotion.periods;
      if (entry.streak >= needed && held < top) {
        to = held + 1;
        entry.proposal = Proposal::kPromote;
        if (options.explain) {
          entry.reason = fmt::format(
              "{}: at least {:.2f} grades above with {}% confidence, slightly above (≥ {}) for "
              "the last {} cycles → promote to {}",
              performed, gap.above, confidence, Grades(policies.promotion.slightly_above), needed,
              scale.IdAt(to));
        }
      } else {
        entry.proposal = Proposal::kNoChange;
        if (options.explain) {
          entry.reason = fmt::format(
              "{}: at least {:.2f} grades above with {}% confidence, slightly above (≥ {}) for {} "
              "of the {} cycles a promotion needs → no change yet",
              performed, gap.above, confidence, Grades(policies.promotion.slightly_above),
              entry.streak, needed);
        }
      }
    } else if (gap.below >= policies.plan.below) {
      entry.streak = Streak(
          record, [&](const CycleResult& r) { return GapOf(r, z).below >= policies.plan.below; });
      const int needed = policies.plan.exit_after;
      const bool exit = entry.streak >= needed;
      entry.proposal = exit ? Proposal::kExitConversation : Proposal::kPlan;
      if (options.explain) {
        entry.reason =
            fmt::format("{}: at least {:.2f} grades below with {}% confidence (≥ {}){} → {}",
                        performed, gap.below, confidence, Grades(policies.plan.below),
                        exit ? fmt::format(" for the last {} cycles", entry.streak)
                             : fmt::format(", {} of {} cycles", entry.streak, needed),
                        exit ? "an exit conversation" : "a performance plan");
      }
    } else {
      entry.proposal = Proposal::kNoChange;
      if (options.explain) entry.reason = fmt::format("{}: at level → no change", performed);
    }
    entry.to_grade = scale.IdAt(to);
    CheckPositionAndApproval(framework, *record.person, held, to, entry);
    entry.bonus = BonusFor(framework, record, z, options, entry);
    slate.push_back(std::move(entry));
  }
  return slate;
}

}  // namespace yardstick::engine
