// Planning an HRIS import: which people to add, change and mark as left, or why not.
//
// PlanPeopleImport judges every row of an export (io/people_csv.h) against the organisation as
// stored — frameworks, comparison groups, people — and returns either a model::PeopleChanges for
// store::Store::ApplyPeopleChanges, or every problem found, each on its line and column with a
// reason a people team can act on. It never returns both: one bad row stops the whole import.
// Rows identical to what is stored produce no change.
//
// A full import (the default) is the whole organisation: active people missing from it are marked
// as left on the effective date, and managers must be in the file. A partial import updates only
// the people it lists; managers may also be active people already stored.
//
// Salaries are compared, never kept: when the file has a salary column, each active person's
// salary is compared with what the pay scale says for them — the base pay of their track's pay
// family at their grade, plus the allowance of the position they hold (allowances are paid on top
// of base pay for as long as the position is held, so an HRIS salary includes them) — and every
// difference is listed. Nothing is stored and nothing else depends on it.
//
// Pure planning: no I/O, stateless, thread-safe. Runs in O(n) expected time for n rows and stored
// people (hash maps; manager loops found by iterative colouring).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "io/people_csv.h"
#include "model/date.h"
#include "model/framework.h"
#include "model/people_changes.h"
#include "model/person.h"

namespace yardstick::org {

/// What the import is judged against: the organisation as stored.
struct OrgState {
  /// Every framework a group uses, by framework id (the current version).
  std::map<std::string, model::Framework> frameworks;
  std::vector<model::ComparisonGroup> groups;
  /// Everyone stored, active and left.
  std::vector<model::Person> people;
};

struct ImportOptions {
  /// False: the file is the whole organisation (active people missing from it leave).
  bool partial = false;
  /// The day the import takes effect: level history, and the leaving date of people missing
  /// from a full import. No hire date may be later.
  model::Date effective;
};

/// A salary in the file that differs from the pay scale.
struct SalaryDeviation {
  std::string person_id;
  int line = 0;
  double given = 0;
  double scale = 0;       ///< base pay for track × grade, plus the position's allowance
  double difference = 0;  ///< given − scale
};

struct ImportPlan {
  /// Empty when diagnostics has errors.
  model::PeopleChanges changes;
  /// CSV, header and row problems, sorted by line and column.
  Diagnostics diagnostics;
  /// In file order; only for active people whose salary could be compared.
  std::vector<SalaryDeviation> salary_deviations;
  /// Rows that match what is stored exactly.
  int unchanged = 0;

  [[nodiscard]] bool ok() const { return !diagnostics.HasErrors(); }
};

/// Judges every row of |csv| against |org| and plans the changes. The reason written into level
/// history is "import".
ImportPlan PlanPeopleImport(const OrgState& org, const io::PeopleCsv& csv,
                            const ImportOptions& options);

}  // namespace yardstick::org
