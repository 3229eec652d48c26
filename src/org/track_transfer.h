// A track transfer: someone moves to another track of their ladder at an equivalent level —
// a staff engineer becoming an engineering manager, or back — and keeps their grade.
//
// A level measures ability to contribute, not place in the hierarchy, so changing track is not a
// promotion and never changes the grade: the move is allowed where the framework says the two
// levels are the same — one level shared by both tracks, an equivalence, or a transition (in its
// direction, or either way when both_ways). Anything else is refused, naming the framework and
// the levels. The position follows the track: the one asked for (on the new track, its band
// holding the grade), else the current one if it still fits, else the first of the new track
// that does, else none. Only the people team moves people (org/permissions.h); the move is one
// audited change in the store. Uses the store it is given from one thread.
#pragma once

#include <string>

#include "base/status.h"
#include "model/date.h"
#include "model/framework.h"
#include "model/people_changes.h"
#include "store/store.h"

namespace yardstick::org {

struct TransferRequest {
  std::string person_id;
  std::string track;     ///< the track they move to
  std::string position;  ///< the position they take; "" lets the track decide (see above)
  model::Date effective;
  std::string actor;
};

/// True when |framework| lets someone at level |from| move to level |to| (on another track)
/// keeping their grade: the same level (shared by both tracks), levels of one equivalence, or a
/// transition from |from| to |to| (or from |to| to |from| when it goes both ways).
bool MayMoveBetweenLevels(const model::Framework& framework, const model::Level& from,
                          const model::Level& to);

/// Moves |request|'s person to the new track, keeping their grade; returns the change made.
Result<model::PersonUpdate> TransferTrack(store::Store& store, const TransferRequest& request);

}  // namespace yardstick::org
