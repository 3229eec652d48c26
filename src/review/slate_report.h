// What a cycle's slate comes to, for the cycle report: every decision (exceptions marked), the
// promotions, plans and bonuses by team and by rater, the exceptions with their justification and
// approver, and the promotion and plan rates broken down by the person attributes the people team
// passes (person_attributes.h), with the four-fifths rule (engine/adverse_impact.h).
//
// A person's team is their manager's. Their rater is whoever gave the rating calibration started
// from: their manager at the time of rating (the manager's rating, not a benchmark rating), which
// can differ from their manager now; people nobody rated have no rater. A decision counts as a
// promotion when it proposes one (promote now, promote, or an exception) and as a plan when it
// proposes a performance plan or an exit conversation — unless the people team rejected it:
// rejected decisions are listed in the slate and counted nowhere else. The attribute breakdowns
// cover the people the slate decided on (not those left not calibrated). A cycle without a slate
// yet has an empty report that says so. Pure: no I/O.
#pragma once

#include <string>
#include <vector>

#include "engine/adverse_impact.h"
#include "io/export_table.h"
#include "model/decision.h"
#include "model/rating.h"
#include "review/cycle_report.h"
#include "review/person_attributes.h"

namespace yardstick::review {

/// One decision with who it is about.
struct SlateEntry {
  const model::Decision* decision = nullptr;
  const model::Person* person = nullptr;  ///< nullptr if no longer stored
  std::string manager_id;                 ///< "" at the top of the tree
  std::string rater_id;                   ///< "" when nobody rated them
  [[nodiscard]] bool exception() const { return decision->proposal == model::Proposal::kException; }
  /// Promoted, on a plan or with a bonus, by the rules above (never when rejected).
  [[nodiscard]] bool promoted() const;
  [[nodiscard]] bool plan() const;
  [[nodiscard]] bool bonus() const;
};

/// What one team or rater's people come to.
struct OutcomeCounts {
  std::string id;                      ///< the manager or rater; "" for none
  const model::Person* who = nullptr;  ///< nullptr when "" or no longer stored
  int people = 0;
  int promotions = 0;
  int exceptions = 0;  ///< of the promotions, the exceptions
  int plans = 0;
  int bonuses = 0;
  double bonus_total = 0;
  int rejected = 0;
  int not_calibrated = 0;
};

struct SlateReport {
  const CycleReport* cycle = nullptr;  ///< the distributions; outlives this
  std::string currency;                ///< of the pinned framework's pay
  bool has_slate = false;
  std::vector<SlateEntry> slate;  ///< by person id
  std::vector<const SlateEntry*> exceptions;
  OutcomeCounts total;
  std::vector<OutcomeCounts> by_team;             ///< by manager id
  std::vector<OutcomeCounts> by_rater;            ///< by rater id, "" (not rated) last
  std::vector<engine::AdverseImpact> attributes;  ///< in the order asked for
};

/// The report of |cycle|'s slate |decisions| (which outlives it), with |ratings| saying who rated
/// whom, broken down by |attributes|' columns |by| (indices; attributes may be nullptr for none).
SlateReport BuildSlateReport(const CycleReport& cycle, const std::string& currency,
                             const std::vector<model::Decision>& decisions,
                             const std::vector<model::Rating>& ratings,
                             const PersonAttributes* attributes, const std::vector<size_t>& by);

/// The slate report's totals and attribute breakdowns as terminal text, after the cycle report.
std::string FormatSlateSummary(const SlateReport& report);

/// The slate report as tables for CSV and XLSX: "Slate", "By team", "By rater" and "Adverse
/// impact". They read from |report|, which must outlive them.
std::vector<io::ExportTable> SlateReportTables(const SlateReport& report);

}  // namespace yardstick::review
