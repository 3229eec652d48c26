// Store: a cycle's decisions — the slate the decision engine proposed, and how it was reviewed.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/fault_injection.h"
#include "base/text.h"
#include "store/insert_for_each.h"
#include "store/store.h"

namespace yardstick::store {
namespace {

constexpr const char* kDecisionColumns =
    "person_id, proposal, from_grade, to_grade, performed, se, streak, executive_level, "
    "position_change, flags, reason, bonus, status, review_note, justification, approver";

Result<model::Decision> DecisionFromRow(const Row& row) {
  model::Decision decision;
  decision.person_id = row.Text(0);
  const std::optional<model::Proposal> proposal = model::ParseProposal(row.Text(1));
  const std::optional<model::DecisionStatus> status = model::ParseDecisionStatus(row.Text(12));
  if (!proposal || !status) {
    return Status::Internal(
        fmt::format("the decision of {} holds an unknown proposal or status", decision.person_id));
  }
  decision.proposal = *proposal;
  decision.from_grade = row.Text(2);
  decision.to_grade = row.Text(3);
  decision.performed = row.Real(4);
  decision.se = row.Real(5);
  decision.streak = static_cast<int>(row.Int(6));
  decision.executive_level = row.Text(7);
  decision.position_change = row.Text(8);
  decision.flags = SplitLines(row.Text(9));
  decision.reason = row.Text(10);
  if (!row.IsNull(11)) decision.bonus = row.Real(11);
  decision.status = *status;
  decision.review_note = row.Text(13);
  decision.justification = row.Text(14);
  decision.approver = row.Text(15);
  return decision;
}

std::string DecisionJson(const model::Decision& d) {
  nlohmann::ordered_json json;
  json["person_id"] = d.person_id;
  json["proposal"] = model::ToString(d.proposal);
  json["from_grade"] = d.from_grade;
  json["to_grade"] = d.to_grade;
  json["status"] = model::ToString(d.status);
  json["review_note"] = d.review_note;
  json["justification"] = d.justification;
  json["approver"] = d.approver;
  if (d.bonus) json["bonus"] = *d.bonus;
  return json.dump();
}

}  // namespace

Status Store::UpdateDecisions(const std::string& cycle_id, model::CycleState expected,
                              const std::vector<model::Decision>& decisions,
                              const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    if (Status s = CheckCycleState(cycle_id, expected); !s.ok()) return s;
    for (const model::Decision& decision : decisions) {
      if (Status s = UpdateDecision(cycle_id, decision, actor); !s.ok()) return s;
    }
    return Status::Ok();
  });
}

Status Store::UpdateDecision(const std::string& cycle_id, const model::Decision& decision,
                             const std::string& actor) {
  Result<Rows> rows =
      database_->Query(fmt::format("SELECT {} FROM decisions WHERE cycle_id = ? AND person_id = ?",
                                   kDecisionColumns),
                       {cycle_id, decision.person_id});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) {
    return Status::NotFound(
        fmt::format("{} has no decision in cycle '{}'", decision.person_id, cycle_id));
  }
  Result<model::Decision> before = DecisionFromRow(rows->front());
  if (!before.ok()) return before.status();
  if (before->status == model::DecisionStatus::kApplied) {
    return Status::FailedPrecondition(fmt::format(
        "{}'s decision in cycle '{}' has been applied already", decision.person_id, cycle_id));
  }
  Status written = database_->Run(
      "UPDATE decisions SET proposal = ?, to_grade = ?, status = ?, review_note = ?, "
      "justification = ?, approver = ?, version = version + 1 WHERE cycle_id = ? AND "
      "person_id = ?",
      {std::string(model::ToString(decision.proposal)), decision.to_grade,
       std::string(model::ToString(decision.status)), decision.review_note, decision.justification,
       decision.approver, cycle_id, decision.person_id});
  if (!written.ok()) return written;
  return Audit(actor, "decision.review", "decision",
               fmt::format("{}/{}", cycle_id, decision.person_id), DecisionJson(*before),
               DecisionJson(decision));
}

Status Store::ApplySlate(const std::string& cycle_id, model::CycleState expected,
                         const model::PeopleChanges& changes,
                         const std::vector<std::string>& applied, const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    if (Status s = CheckCycleState(cycle_id, expected); !s.ok()) return s;
    if (Status s = WritePeopleChanges(changes, actor); !s.ok()) return s;
    for (const std::string& person_id : applied) {
      Result<Rows> marked = database_->Query(
          "UPDATE decisions SET status = 'applied', version = version + 1 "
          "WHERE cycle_id = ? AND person_id = ? AND status = 'accepted' RETURNING proposal",
          {cycle_id, person_id});
      if (!marked.ok()) return marked.status();
      if (marked->empty()) {
        return Status::FailedPrecondition(fmt::format(
            "{}'s decision in cycle '{}' is not accepted (any more): nothing was applied",
            person_id, cycle_id));
      }
      nlohmann::ordered_json before;
      before["person_id"] = person_id;
      before["proposal"] = marked->front().Text(0);
      before["status"] = "accepted";
      nlohmann::ordered_json after = before;
      after["status"] = "applied";
      if (Status s = Audit(actor, "decision.apply", "decision",
                           fmt::format("{}/{}", cycle_id, person_id), before.dump(), after.dump());
          !s.ok()) {
        return s;
      }
    }
    PauseIfInjected("slate-before-commit");
    return Status::Ok();
  });
}

Status Store::PutSlate(const std::string& cycle_id, model::CycleState expected,
                       const std::vector<model::Decision>& slate, const std::string& summary,
                       const std::string& actor) {
  return PutSlate(
      cycle_id, expected,
      SlateSource{slate.size(), [&](size_t i) -> const model::Decision& { return slate[i]; }},
      [&] { return summary; }, actor);
}

Status Store::PutSlate(const std::string& cycle_id, model::CycleState expected,
                       const SlateSource& slate, const std::function<std::string()>& summary,
                       const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    if (Status s = CheckCycleState(cycle_id, expected); !s.ok()) return s;
    if (Status s = database_->Run("DELETE FROM decisions WHERE cycle_id = ?", {cycle_id});
        !s.ok()) {
      return s;
    }
    const std::string now = clock_.NowUtc();
    const auto make = [&](size_t i, std::vector<Params>& rows) {
      const model::Decision& d = slate.at(i);
      rows.push_back(
          {cycle_id, d.person_id, std::string(model::ToString(d.proposal)), d.from_grade,
           d.to_grade,
           d.proposal == model::Proposal::kNotCalibrated ? Value(nullptr) : Value(d.performed),
           d.proposal == model::Proposal::kNotCalibrated ? Value(nullptr) : Value(d.se),
           std::int64_t{d.streak}, d.executive_level, d.position_change, JoinLines(d.flags),
           d.reason, d.bonus ? Value(*d.bonus) : Value(nullptr),
           std::string(model::ToString(d.status)), d.review_note, d.justification, d.approver,
           now});
    };
    Status written = InsertForEachIndex(
        *database_, "decisions",
        {"cycle_id", "person_id", "proposal", "from_grade", "to_grade", "performed", "se", "streak",
         "executive_level", "position_change", "flags", "reason", "bonus", "status", "review_note",
         "justification", "approver", "decided_at"},
        slate.size, make);
    if (!written.ok()) return written;
    return Audit(actor, "cycle.decide", "cycle", cycle_id, nullptr, summary());
  });
}

Result<std::vector<model::Decision>> Store::Decisions(const std::string& cycle_id) {
  Result<Rows> rows =
      database_->Query(fmt::format("SELECT {} FROM decisions WHERE cycle_id = ? ORDER BY person_id",
                                   kDecisionColumns),
                       {cycle_id});
  if (!rows.ok()) return rows.status();
  std::vector<model::Decision> decisions;
  decisions.reserve(rows->size());
  for (const Row& row : *rows) {
    Result<model::Decision> decision = DecisionFromRow(row);
    if (!decision.ok()) return decision.status();
    decisions.push_back(std::move(*decision));
  }
  return decisions;
}

}  // namespace yardstick::store
