// The decision engine: a calibrated cycle, with the cycles before it, turned into a slate of
// proposals — one per person, each with its reason spelled out from the numbers. The rules are
// the reference paper's; the thresholds are the framework's policies (model::Policies), in
// grades, and "with confidence" means the one-sided interval at the promotion policy's
// confidence (z·se, e.g. z = 0.84 at 80%):
//
//   far above   performed − z·se at least far_above above the grade held → promote now, to the
//               highest grade that lower end reaches (possibly several steps);
//   slightly    performed − z·se at least slightly_above above the grade held then, in each of
//               the last `periods` cycles the person was calibrated in → promote one grade;
//   below       performed + z·se at least `below` under the grade held → performance plan; in
//               each of the last `exit_after` cycles → flag for an exit conversation;
//   otherwise   no change.
//
// A promotion into a level the policies name for executive approval needs an executive. One
// past the person's position band says so and proposes a position whose band holds the new
// grade; a grade under the position's minimum is flagged. A bonus is paid for performing above
// the grade held by at least the bonus policy's min_gap (with confidence): base pay at the
// performed grade (interpolated) minus base pay at the grade held, for the period, capped at a
// share of the base pay for the period; it is measured against the grade held during the period,
// so it stops once a promotion has caught up. Nothing depends on the grade someone was hired at,
// on tenure, or on any estimate of potential. Pure and deterministic: no I/O, thread-safe.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/decision.h"
#include "model/framework.h"
#include "model/person.h"

namespace yardstick::engine {

/// One person's calibrated result in one cycle.
struct CycleResult {
  int held = -1;         ///< the grade (index) they held during the cycle
  double performed = 0;  ///< calibrated performance, on grade indices (8.4: between 8 and 9)
  double se = 0;         ///< its standard error
};

/// What the engine knows of one person: who they are now, this cycle's result and earlier ones.
struct PersonRecord {
  /// Who they are now: grade, track and position. Points into the caller's people, which must
  /// outlive the call (a million people are not copied to be decided).
  const model::Person* person = nullptr;
  std::optional<CycleResult> result;  ///< this cycle; nullopt when they were not calibrated
  std::vector<CycleResult> past;      ///< earlier cycles on the same ladder, oldest first
};

using model::Proposal;

/// A bonus for the period, and how it was worked out (per the framework's pay currency).
struct BonusWorking {
  double amount = 0;         ///< what is paid
  double performed_pay = 0;  ///< base pay at the performed grade, per pay period
  double held_pay = 0;       ///< base pay at the grade held, per pay period
  double period_share = 0;   ///< the cycle's period as a share of the pay period
  double cap = 0;            ///< the most it may be
  bool capped = false;
};

struct SlateEntry {
  std::string person_id;
  Proposal proposal = Proposal::kNoChange;
  std::string from_grade;  ///< the grade held
  std::string to_grade;    ///< the proposed grade (= from_grade unless promoting)
  double performed = 0;
  double se = 0;
  int streak = 0;  ///< consecutive cycles, ending with this one, above (or below) by the margin
  std::string executive_level;  ///< the bestowed level the promotion reaches, needing an executive
  std::string position_change;  ///< the position the promotion needs ("" none)
  std::vector<std::string> flags;  ///< position band and pay problems, in words
  std::optional<BonusWorking> bonus;
  std::string reason;  ///< the numbers and the rule, in one sentence
};

struct DecideOptions {
  /// The cycle's period as a share of the pay period (a half-year cycle and yearly pay: 0.5).
  double period_share = 0.5;
  /// Whether to spell out each entry's reason; false leaves SlateEntry::reason empty and is
  /// several times faster (the policy lab decides millions of people this way).
  bool explain = true;
};

/// The slate for |people| on |framework|: one entry per person, in their order. Each person is
/// decided on their own, so a list may be decided in parts.
std::vector<SlateEntry> Decide(const model::Framework& framework,
                               std::span<const PersonRecord> people,
                               const DecideOptions& options = {});

/// The first position of |track| (or of every track) whose band holds grade index |grade|, in
/// the framework's order, or nullptr.
const model::Position* PositionHolding(const model::Framework& framework, std::string_view track,
                                       int grade);

/// The position |person| holds once promoted to grade index |grade|: their own while its band
/// holds the grade (or they hold none, or one the framework does not name); otherwise the first
/// position of their track whose band holds it — the move the slate proposed; their own when no
/// position holds it (the slate flagged that).
std::string PositionAfterPromotion(const model::Framework& framework, const model::Person& person,
                                   int grade);

/// The z of a one-sided interval at |confidence| (0.5 < confidence < 1): 0.8 → 0.8416.
double OneSidedZ(double confidence);

}  // namespace yardstick::engine
