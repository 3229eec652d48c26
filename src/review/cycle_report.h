// The report of a calibrated review cycle, per comparison group: how performed grades compare
// with the grades people hold, each rater's leniency with its interval, who performed clearly
// above or below their grade, and what calibration could not resolve. Built from stored
// results; rendered as terminal text here and as tables (CSV, XLSX) by io/.
//
// "Clearly" means the 90% interval of the performed grade lies wholly above (below) the held
// grade and the difference is at least one grade: noise alone rarely does that. Pure: no I/O.
#pragma once

#include <string>
#include <vector>

#include "engine/calibration.h"
#include "io/export_table.h"
#include "review/cycle_calibration.h"
#include "review/cycle_scope.h"
#include "store/store.h"

namespace yardstick::review {

struct ReportPerson {
  const model::Person* person = nullptr;
  int held = -1;  ///< grade index held
  double performed = 0;
  double se = 0;
  /// +1 clearly above the held grade, -1 clearly below, 0 otherwise.
  int direction = 0;
};

struct ReportRater {
  const model::Person* rater = nullptr;  ///< nullptr if no longer stored
  std::string rater_id;
  double leniency = 0;
  double se = 0;
};

struct ReportGroup {
  std::string group_id;
  /// Per grade index: people holding it, and people whose performed grade rounds to it.
  std::vector<int> held_count;
  std::vector<int> performed_count;
  std::vector<ReportPerson> people;  ///< by id
  std::vector<ReportRater> raters;   ///< by leniency, most lenient first
  std::vector<std::string> issues;   ///< sentences
  std::vector<std::string> unrated;  ///< in the cycle, neither rated nor ranked
};

struct CycleReport {
  const CycleScope* scope = nullptr;
  std::vector<ReportGroup> groups;
};

/// Builds the report of |scope|'s cycle from its stored results and a calibration run's issues.
CycleReport BuildCycleReport(const CycleScope& scope,
                             const std::vector<store::Store::PerformedResult>& results,
                             const std::vector<store::Store::LeniencyResult>& leniencies,
                             const std::vector<GroupCalibration>& calibration);

/// The report as terminal text; lists show at most |limit| lines (0: all).
std::string FormatCycleReport(const CycleReport& report, int limit);

/// The report as tables: people, raters and the distribution, for CSV and XLSX. The tables read
/// from |report|, which must outlive them.
std::vector<io::ExportTable> CycleReportTables(const CycleReport& report);

}  // namespace yardstick::review
