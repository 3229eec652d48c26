// PeopleChanges: a batch of changes to the organisation, applied by the store all at once.
//
// Produced by planners (an HRIS import, the demo generator, an applied slate) and applied
// by store::Store::ApplyPeopleChanges in one transaction: either every change lands, with its
// level history and audit entries, or none does. Plain data.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/date.h"
#include "model/person.h"

namespace yardstick::model {

struct PersonUpdate {
  PersonUpdate() = default;
  PersonUpdate(Person before_change, Person after_change)
      : before(std::move(before_change)), after(std::move(after_change)) {}

  Person before;  ///< as stored when the change was planned: the store refuses it otherwise
  Person after;
  /// For a grade change made by a decision (an applied slate): its reason ("promotion",
  /// "exception"; empty: the batch's), the decision ("CYCLE/PERSON") and who approved it (empty:
  /// whoever applies the batch).
  std::string reason;
  std::string decision_id;
  std::string approver;
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
