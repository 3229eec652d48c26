// Checks every kind of cycle input shares (ratings, stack ranks, feedback, rubric sheets): a
// named person who is in the organisation and active, and in the cycle; a grade on the pinned
// scale. Each reports a located error and returns what it found. Pure, thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "review/cycle_scope.h"

namespace yardstick::review {

/// The active person named in |field| (|role| says which column: "person", "rater", "giver"),
/// or nullptr after reporting why not at |loc|.
const model::Person* NamedPerson(const CycleScope& scope, const std::string& field,
                                 std::string_view role, SourceLoc loc, Diagnostics& diagnostics);

/// |person| if they are in the cycle, else nullptr after reporting which group they are in.
const model::Person* InCycleOrReport(const CycleScope& scope, const model::Person* person,
                                     SourceLoc loc, Diagnostics& diagnostics);

/// True if |grade| is on the pinned framework's scale; else reports it (with did-you-mean).
bool CheckGrade(const CycleScope& scope, const std::string& grade, SourceLoc loc,
                Diagnostics& diagnostics);

}  // namespace yardstick::review
