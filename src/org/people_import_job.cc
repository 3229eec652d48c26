#include "org/people_import_job.h"

#include "org/org_frameworks.h"

namespace yardstick::org {

Result<OrgState> LoadOrgState(store::Store& store) {
  Result<OrgFrameworks> frameworks = OrgFrameworks::Load(store);
  if (!frameworks.ok()) return frameworks.status();
  Result<std::vector<model::Person>> people = store.AllPeople();
  if (!people.ok()) return people.status();
  OrgState org;
  org.frameworks = frameworks->frameworks();
  for (const auto& [id, group] : frameworks->groups()) org.groups.push_back(group);
  org.people = std::move(*people);
  return org;
}

namespace {

/// Plans the import. The rows and the organisation as read are freed on return, so that only the
/// plan is held while the store writes it.
Result<ImportPlan> Plan(store::Store& store, std::istream& csv, const ImportRequest& request) {
  Result<OrgState> org = LoadOrgState(store);
  if (!org.ok()) return org.status();
  const io::PeopleCsv rows = io::ReadPeopleCsv(csv, request.mapping);
  return PlanPeopleImport(*org, rows, request.options);
}

}  // namespace

Result<ImportOutcome> ImportPeople(store::Store& store, std::istream& csv,
                                   const ImportRequest& request) {
  Result<ImportPlan> plan = Plan(store, csv, request);
  if (!plan.ok()) return plan.status();
  ImportOutcome outcome;
  outcome.plan = std::move(*plan);
  if (request.dry_run || !outcome.plan.ok() || outcome.plan.changes.empty()) return outcome;
  if (Status applied = store.ApplyPeopleChanges(outcome.plan.changes, request.actor);
      !applied.ok()) {
    return applied;
  }
  outcome.applied = true;
  return outcome;
}

}  // namespace yardstick::org
