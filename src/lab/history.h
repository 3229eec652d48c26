// What one replication of the policy lab leaves behind: every stay of every person in the
// simulated organisation, cycle by cycle, with the truth beside what the organisation did. The
// outcomes (lab/outcomes.h) are computed from this alone, so they can be checked on small
// hand-made histories. Plain data.
#pragma once

#include <cstdint>
#include <vector>

namespace yardstick::lab {

/// One person in one cycle.
struct CycleRecord {
  float ability = 0;     ///< true ability, as a grade index (7.6: performs nearer grade 8 than 7)
  float pay = 0;         ///< base pay at the grade held for the cycle, plus any bonus
  float value = 0;       ///< what the ability is worth: base pay at the ability, for the cycle
  std::int8_t held = 0;  ///< grade index held during the cycle
  bool top = false;      ///< among the top tenth of the organisation by ability this cycle
};

/// One person's time in the organisation: hired (or there at the start) in |first_cycle|, one
/// record per cycle present; |left| when they left after the last one (otherwise the simulation
/// ended).
struct Stay {
  int first_cycle = 0;
  bool left = false;
  int stable_grade = 0;  ///< the grade their ability settles at (its long-run value, rounded)
  std::vector<CycleRecord> cycles;
};

struct ReplicationHistory {
  int cycles = 0;            ///< cycles simulated
  double cycle_years = 0.5;  ///< length of a cycle
  std::vector<Stay> stays;
};

}  // namespace yardstick::lab
