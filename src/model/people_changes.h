// PeopleChanges: a batch of changes to the organisation, applied by the store all at once.
//
// Produced by planners (an HRIS import, the demo generator, later applied decisions) and applied
// by store::Store::ApplyPeopleChanges in one transaction: either every change lands, with its
// level history and audit entries, or none does. Plain data.
#pragma once

#include <string>
#include <vector>

#include "model/date.h"
#include "model/person.h"

namespace yardstick::model {

struct PersonUpdate {
  Person before;
  Person after;
};

struct PeopleChanges {
  std::vector<Person> added;
  /// Changed people, including those who left (after.status == kLeft).
  std::vector<PersonUpdate> updated;
  /// Written into level history for every grade set or changed here ("hired", "import", …).
  std::string reason;
  /// The day the changes take effect (level history, position assignments).
  Date effective;

  [[nodiscard]] bool empty() const { return added.empty() && updated.empty(); }
};

}  // namespace yardstick::model
