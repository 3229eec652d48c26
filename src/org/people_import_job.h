// Running an HRIS import against the store: read the organisation, plan, apply all-or-nothing.
//
// ImportPeople is what `yardstick people import` does, minus the printing: it reads the current
// framework of every comparison group, the groups and everyone stored; reads the export; plans
// the import (org/people_import.h); and, when no row is bad and this is not a dry run, applies the
// plan with Store::ApplyPeopleChanges in one transaction. A bad row, a dry run or a failing store
// leaves the database exactly as it was. Uses the store it is given from one thread.
#pragma once

#include <istream>
#include <string>

#include "base/status.h"
#include "io/people_csv.h"
#include "org/people_import.h"
#include "store/store.h"

namespace yardstick::org {

struct ImportRequest {
  io::ColumnMapping mapping;
  ImportOptions options;
  bool dry_run = false;
  std::string actor = "cli";  ///< who is importing, for the audit log
};

struct ImportOutcome {
  ImportPlan plan;
  /// True when the changes were written; false for a dry run, a bad file or nothing to change.
  bool applied = false;
};

/// What an import is judged against, read from |store|: every group, the current version of each
/// framework the groups use, and everyone stored.
Result<OrgState> LoadOrgState(store::Store& store);

/// Reads the export from |csv| and imports it. A non-ok Result means the store could not be read
/// or written (nothing was written); problems with the file are in outcome.plan.diagnostics.
Result<ImportOutcome> ImportPeople(store::Store& store, std::istream& csv,
                                   const ImportRequest& request);

}  // namespace yardstick::org
