#include "review/cycle_report_job.h"

#include "org/permissions.h"

namespace yardstick::review {

Result<CycleReportInputs> LoadCycleReportInputs(store::Store& store, const std::string& cycle_id,
                                                const std::string& actor_id) {
  Result<org::Actor> actor = org::LoadActor(store, actor_id);
  if (!actor.ok()) return actor.status();
  if (Status s = org::RequirePeopleTeam(*actor, "see a cycle's report, which shows pay"); !s.ok()) {
    return s;
  }
  Result<LoadedCycleReport> loaded = LoadCycleReport(store, cycle_id);
  if (!loaded.ok()) return loaded.status();
  Result<std::vector<model::Decision>> decisions = store.Decisions(cycle_id);
  if (!decisions.ok()) return decisions.status();
  Result<std::vector<model::Rating>> ratings = store.Ratings(cycle_id);
  if (!ratings.ok()) return ratings.status();
  CycleReportInputs inputs;
  inputs.currency = loaded->scope->framework().pay.currency;
  inputs.loaded = std::move(*loaded);
  inputs.decisions = std::move(*decisions);
  inputs.ratings = std::move(*ratings);
  return inputs;
}

Status RecordCycleReportRead(store::Store& store, const std::string& cycle_id,
                             const std::string& actor_id) {
  return store.RecordRead(actor_id, "cycle-report", cycle_id);
}

}  // namespace yardstick::review
