// A promotion policy for the policy lab: what an organisation does with a cycle's evidence.
//
// Each cycle the simulator (lab/simulation.h) shows the policy what the organisation can see of
// everyone — the grade held, time in grade and in the company, their manager's raw grade this
// cycle, the calibrated result when the policy asked for calibration, and the impression of
// potential formed at hiring — never their true ability. The policy answers with a verdict per
// person: the grade they hold from the next cycle (never lower: nobody is demoted) and any bonus
// for this cycle. One policy object serves one replication, from one thread; policies may keep
// state between cycles (the potential policy does). Pure computation: no I/O.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "model/framework.h"

namespace yardstick::lab {

/// What the organisation can see of one person in one cycle.
struct PersonView {
  int held = 0;             ///< grade index held during the cycle
  int cycles_in_grade = 0;  ///< full cycles held, this one included (1 in the first)
  int tenure = 0;           ///< cycles in the company before this one (0: hired this cycle)
  double raw_grade = 0;     ///< their manager's grade this cycle, as a grade index
  double calibrated = 0;    ///< calibrated performance (grade index); only when calibrated
  double se = 0;            ///< its standard error; only when calibrated
  /// The manager's impression of how far this person will go (a grade index), formed at hiring
  /// from little evidence: the input of the estimated-potential policy and of nothing else.
  double impression = 0;
};

/// One cycle, as the policy sees it; people by slot (a slot is refilled when someone leaves).
struct CycleView {
  int cycle = 0;
  bool calibrated = false;  ///< whether calibrated and se are filled in
  std::span<const PersonView> people;
};

/// A policy's answer for one person.
struct Verdict {
  int next_grade = 0;  ///< the grade held from the next cycle; at least the grade held
  double bonus = 0;    ///< paid for this cycle, in the pay currency
};

class Policy {
 public:
  virtual ~Policy() = default;
  /// Whether the cycle's ratings must be calibrated before Decide (it costs most of a cycle).
  [[nodiscard]] virtual bool needs_calibration() const { return false; }
  /// Fills |verdicts| (one per person of |view|, preset to "no change, no bonus").
  virtual void Decide(const CycleView& view, std::span<Verdict> verdicts) = 0;
};

/// A named way to make a fresh policy for each replication (policies may keep state), from a
/// seed of its own for any randomness it needs.
struct PolicyFactory {
  std::string label;  ///< short, for table columns: "time norms"
  std::string name;   ///< with its settings: "time norms (every 2 y)"
  std::function<std::unique_ptr<Policy>(const model::Framework& framework, uint64_t seed)> make;
};

}  // namespace yardstick::lab
