// The rules a framework must satisfy before anything relies on it.
//
// Validate() checks every reference and invariant of a model::Framework — unique ids, grade bands
// that neither overlap nor leave gaps on a track, equivalences and transitions between real levels
// on different tracks, position bands on the scale, pay that never decreases with grade, a rubric
// table that covers every total, sane policies — and reports each problem at the place it was
// written. It never stops at the first problem. Pure function; thread-safe.
#pragma once

#include "base/diagnostic.h"
#include "model/framework.h"

namespace yardstick::model {

/// Every rule violation in |framework|, in the order the rules run (callers sort by location).
Diagnostics Validate(const Framework& framework);

}  // namespace yardstick::model
