// A review cycle: one period in which people are rated on the absolute grade scale, calibrated,
// and decided on. Plain types and the lifecycle rules, no I/O.
//
// A cycle pins one framework version (by content hash) and moves through its states in order:
//   open → rating → calibrating → decided → closed
// open: being set up (benchmark people assigned); rating: managers rate and stack-rank;
// calibrating: the engine removes rater bias; decided: a slate of decisions exists; closed:
// immutable (the store refuses any change to a closed cycle's data, in the schema itself).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/date.h"

namespace yardstick::model {

enum class CycleState { kOpen, kRating, kCalibrating, kDecided, kClosed };

/// "open", "rating", "calibrating", "decided", "closed".
std::string_view ToString(CycleState state);
/// The state named |text| (as ToString writes it), or nullopt.
std::optional<CycleState> ParseCycleState(std::string_view text);
/// The state that follows |state|; nullopt for closed, which is final.
std::optional<CycleState> NextState(CycleState state);

/// The days a cycle reviews, both ends included.
struct Period {
  Date start;
  Date end;

  /// Parses a period as people write it: "2026" (the year), "2026-H2" (a half), "2026-Q3" (a
  /// quarter), "2026-09" (a month) or "2026-07-01..2026-12-31". An error says which forms are
  /// understood, or that the end is before the start.
  static Result<Period> Parse(std::string_view text);

  /// "2026-07-01..2026-12-31".
  [[nodiscard]] std::string ToString() const;
  [[nodiscard]] bool Contains(const Date& day) const { return start <= day && day <= end; }
};

struct Cycle {
  std::string id;              ///< e.g. "2026-h2-engineering"
  std::string name;            ///< e.g. "Engineering, second half of 2026"
  std::string framework_id;    ///< the ladder its comparison groups use
  std::string framework_hash;  ///< the version pinned when the cycle was opened
  Period period;
  CycleState state = CycleState::kOpen;
  std::string created_at;  ///< UTC timestamp
};

/// Whether |cycle| may move to |target|: only to the next state, never out of closed. The error
/// names the allowed move.
Status CheckTransition(const Cycle& cycle, CycleState target);

/// How far a cycle's work has come, for deciding whether it may move on.
struct CycleProgress {
  std::vector<std::string> unrated;  ///< people in the cycle with no rating, by id
  int calibrated = 0;                ///< people with a stored calibration result
  int decided = 0;                   ///< people with a stored decision (the slate)
  int proposed = 0;                  ///< decisions neither accepted nor rejected yet
  int accepted = 0;                  ///< decisions accepted and not applied yet
};

/// What must be complete before |cycle| moves on to |target| (CheckTransition first): rating
/// ends when everyone in the cycle has a rating (unless |allow_unrated|: someone on leave);
/// calibrating ends when the cycle has been calibrated and decided (a slate stored); decided ends
/// (the cycle closes, for good) when every decision has been reviewed and every accepted one
/// applied. The error says what is missing.
Status CheckReady(const Cycle& cycle, CycleState target, const CycleProgress& progress,
                  bool allow_unrated);

}  // namespace yardstick::model
