// The dry-run view of an import plan: what would change, as a person reads it.
//
//   2 to add, 1 to change, 1 leaving, 120 unchanged
//   + E123 Ada Lovelace (engineering, ic, G)
//   ~ E7 grade G → H; manager E2 → E3
//   - E9 Ken Thompson left on 2026-11-21
//
// Each kind of change is listed in file order (leavers of a full import in id order), capped at a
// limit with "… and N more" so a million-row import prints a screenful. Salary deviations are a
// separate listing. Pure functions, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "model/people_changes.h"
#include "org/people_import.h"

namespace yardstick::org {

struct DiffOptions {
  /// At most this many lines per kind of change; 0 shows every line.
  int limit = 20;
};

/// What changes for one updated person: "grade G → H; manager E2 → E3".
std::string DescribeUpdate(const model::PersonUpdate& update);

/// The counts line, then the added, changed and leaving people.
std::string FormatImportDiff(const ImportPlan& plan, const DiffOptions& options = {});

/// "2 salaries differ from the pay scale:" and one line per deviation; "" when none.
std::string FormatSalaryDeviations(const std::vector<SalaryDeviation>& deviations,
                                   const DiffOptions& options = {});

}  // namespace yardstick::org
