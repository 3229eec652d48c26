#include "review/payroll_job.h"

#include <fmt/format.h>

#include "base/text.h"
#include "engine/pay.h"
#include "org/org_frameworks.h"
#include "org/permissions.h"
#include "review/cycle_inputs_job.h"

namespace yardstick::review {
namespace {

/// Ok once every decision of |slate| has been reviewed and every accepted one applied.
Status RequireSettled(const model::Cycle& cycle, const std::vector<model::Decision>& slate) {
  if (cycle.state != model::CycleState::kDecided && cycle.state != model::CycleState::kClosed) {
    return Status::FailedPrecondition(
        fmt::format("cycle '{}' is {}: its payroll follows its decisions (decide it, review and "
                    "apply the slate first)",
                    cycle.id, model::ToString(cycle.state)));
  }
  const model::SlateTally tally = model::Tally(slate);
  if (tally.proposed > 0 || tally.accepted > 0) {
    return Status::FailedPrecondition(fmt::format(
        "cycle '{}' is not settled: {} decision{} still proposed and {} accepted but not "
        "applied; review the slate and run `yardstick cycle apply {}` first",
        cycle.id, tally.proposed, tally.proposed == 1 ? "" : "s", tally.accepted, cycle.id));
  }
  return Status::Ok();
}

/// "promotion G → H from 2027-01-01", from the level change the decision made.
Result<std::string> ChangeOf(store::Store& store, const std::string& cycle_id,
                             const model::Decision& decision) {
  Result<std::vector<model::LevelChange>> history = store.LevelHistory(decision.person_id);
  if (!history.ok()) return history.status();
  const std::string decision_id = fmt::format("{}/{}", cycle_id, decision.person_id);
  for (const model::LevelChange& change : *history) {
    if (change.decision_id == decision_id) {
      return fmt::format("{} {} → {} from {}", change.reason, change.from_grade, change.to_grade,
                         change.effective.ToString());
    }
  }
  return Status::Internal(
      fmt::format("{}'s applied promotion has no level change naming it", decision.person_id));
}

}  // namespace

Result<Payroll> CyclePayroll(store::Store& store, const std::string& cycle_id,
                             const std::string& actor_id) {
  Result<CycleAndActor> loaded = LoadCycleAndActor(store, cycle_id, actor_id);
  if (!loaded.ok()) return loaded.status();
  if (Status s = org::RequirePeopleTeam(loaded->actor, "export a cycle's payroll"); !s.ok()) {
    return s;
  }
  const CycleScope& scope = loaded->scope;
  Result<std::vector<model::Decision>> slate = store.Decisions(cycle_id);
  if (!slate.ok()) return slate.status();
  if (slate->empty()) {
    return Status::FailedPrecondition(fmt::format(
        "cycle '{}' has no slate: its payroll follows its decisions (`yardstick cycle decide`)",
        cycle_id));
  }
  if (Status s = RequireSettled(scope.cycle(), *slate); !s.ok()) return s;
  Result<org::OrgFrameworks> frameworks = org::OrgFrameworks::Load(store);
  if (!frameworks.ok()) return frameworks.status();

  Payroll payroll;
  payroll.cycle_id = cycle_id;
  payroll.currency = scope.framework().pay.currency;
  payroll.pay_period = scope.framework().pay.period;
  payroll.payable = scope.cycle().period.end.AddDays(1);
  for (const model::Decision& decision : *slate) {
    if (decision.status != model::DecisionStatus::kApplied) continue;
    const bool promoted =
        model::IsPromotion(decision.proposal) && decision.to_grade != decision.from_grade;
    if (!decision.bonus && !promoted) continue;
    const model::Person* person = scope.Find(decision.person_id);
    if (person == nullptr) {
      return Status::NotFound(
          fmt::format("{} has a decision but is no longer stored", decision.person_id));
    }
    PayrollLine line{*person,
                     decision.from_grade,
                     scope.framework().scale.Describe(decision.performed),
                     decision.bonus,
                     "",
                     0,
                     0};
    if (promoted) {
      Result<std::string> change = ChangeOf(store, cycle_id, decision);
      if (!change.ok()) return change.status();
      line.change = std::move(*change);
    }
    if (const model::Framework* now = frameworks->ForPerson(*person); now != nullptr) {
      Result<engine::PayDerivation> pay = engine::DerivePay(*now, *person);
      if (!pay.ok()) return pay.status();
      line.base_pay = pay->base;
      line.allowance = pay->allowance;
    }
    if (decision.bonus) payroll.total_bonus += *decision.bonus;
    payroll.lines.push_back(std::move(line));
  }
  if (Status s = store.RecordRead(actor_id, "payroll", cycle_id); !s.ok()) return s;
  return payroll;
}

io::ExportTable PayrollTable(const Payroll& payroll) {
  using io::CellType;
  io::ExportTable table;
  table.title = "Payroll";
  table.columns = {{"person_id", CellType::kText},      {"name", CellType::kText},
                   {"email", CellType::kText},          {"group", CellType::kText},
                   {"grade_held", CellType::kText},     {"performed", CellType::kText},
                   {"bonus", CellType::kNumber},        {"bonus_payable", CellType::kDate},
                   {"change", CellType::kText},         {"grade_now", CellType::kText},
                   {"base_pay_now", CellType::kNumber}, {"allowance_now", CellType::kNumber},
                   {"pay_period", CellType::kText},     {"currency", CellType::kText}};
  table.row_count = payroll.lines.size();
  table.row = [&payroll](size_t index, std::vector<std::string>& cells) {
    const PayrollLine& line = payroll.lines[index];
    cells = {line.person.id,
             line.person.name,
             line.person.email,
             line.person.group,
             line.grade_held,
             line.performed,
             line.bonus ? fmt::format("{:.2f}", *line.bonus) : "",
             line.bonus ? payroll.payable.ToString() : "",
             line.change,
             line.person.grade,
             fmt::format("{:.2f}", line.base_pay),
             fmt::format("{:.2f}", line.allowance),
             payroll.pay_period,
             payroll.currency};
  };
  return table;
}

}  // namespace yardstick::review
