// Levelling from evidence: the grade a new hire (or anyone without history) should start at,
// from the criteria they have demonstrated — never from years of experience.
//
// Each criterion is named by a handle: its id when the framework gives one, else LEVEL/AREA/N
// (the N-th criterion of that area at that level, from 1), e.g. "L3/design/2". Going up the
// person's track, a level is met when the demonstrated criteria carry at least
// the framework's levelling policy's level_share of its criteria's weight, with every area at
// least at its area_share (strength in one area may make up for another only that far). The
// suggestion is the highest level met with every level below it met too; within that level's
// band the grade rises with the share of the next level's criteria already demonstrated. Years
// of experience, when given, are only compared with the level's soft guide and reported; they
// never change the result. Pure: no I/O, stateless, thread-safe.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/framework.h"

namespace yardstick::engine {

/// A criterion of a level as the checklist names it.
struct CriterionHandle {
  std::string handle;  ///< the id, or LEVEL/AREA/N
  const model::Level* level = nullptr;
  const model::Criterion* criterion = nullptr;
};

/// Every criterion of |track|'s levels (only their own, not inherited), lowest level first.
std::vector<CriterionHandle> TrackCriteria(const model::Framework& framework,
                                           std::string_view track);

/// How one level fared against the evidence.
struct LevelFinding {
  const model::Level* level = nullptr;
  double share = 0;  ///< of the level's own criteria's weight, demonstrated
  int demonstrated = 0;
  int criteria = 0;
  std::string weakest_area;  ///< the area with the lowest share ("" without criteria)
  double weakest_share = 1;
  bool met = false;
};

struct LevellingSuggestion {
  const model::Level* level = nullptr;  ///< nullptr: not even the first level is met
  std::string grade;                    ///< a grade of the scale ("" when level is nullptr)
  std::vector<LevelFinding> working;    ///< every level of the track, lowest first
  std::string years_note;               ///< the soft guide, when years were given
};

/// Suggests a grade on |track| from the criteria |demonstrated| (handles, see TrackCriteria).
/// InvalidArgument for an unknown track or handle, naming it (with did-you-mean).
Result<LevellingSuggestion> SuggestLevel(const model::Framework& framework, std::string_view track,
                                         const std::set<std::string>& demonstrated,
                                         std::optional<double> years = std::nullopt);

}  // namespace yardstick::engine
