// A small decided cycle for the slate report's tests (review/slate_report.h and its HTML page).
//
// The HRIS fixture's organisation (org/import_fixture.h) on the engineering ladder, plus
//   E6 "<script>alert(1)</script>"  ic G  reports to E2  (a hostile name, for escaping)
//   E7 Barbara Liskov               ic H  reports to E1
// The cycle "h2" ("H2 <2026>") was rated by managers (E1 rates E2 and E7, E2 rates E3, E4, E6;
// E1 also rated E3 as a benchmark person) and decided:
//   E1 not-calibrated
//   E2 no-change, accepted
//   E3 promote I → J with a 1,000 EUR bonus, accepted
//   E4 plan, proposed
//   E6 exception G → H, justified "Covers the <on-call> lead & more", approved by E1, with a
//      500 EUR bonus
//   E7 promote H → I, rejected "On leave"
#pragma once

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "org/import_fixture.h"
#include "review/calibrate_cycle_job.h"
#include "review/slate_report.h"

namespace yardstick::testing {

struct SlateFixture {
  std::unique_ptr<review::CycleScope> scope;
  review::CycleReport cycle;
  std::vector<model::Decision> decisions;
  std::vector<model::Rating> ratings;

  SlateFixture() {
    std::vector<model::Person> people = FixturePeople();
    people.push_back(FixturePerson("E6", "<script>alert(1)</script>", "ic", "G",
                                   "software-engineer", "E2", "2021-01-01", "G"));
    people.push_back(FixturePerson("E7", "Barbara Liskov", "ic", "H", "software-engineer", "E1",
                                   "2021-01-01", "H"));
    model::Cycle h2;
    h2.id = "h2";
    h2.name = "H2 <2026>";
    h2.framework_id = "engineering";
    h2.state = model::CycleState::kDecided;
    scope = std::make_unique<review::CycleScope>(
        h2, EngineeringFramework(), std::set<std::string>{"engineering"}, std::move(people),
        std::vector<model::BenchmarkAssignment>{});
    const model::Scale& scale = scope->framework().scale;
    const auto at = [&scale](const char* grade) { return double(scale.IndexOf(grade)); };
    cycle = review::BuildCycleReport(*scope,
                                     {{"E2", at("K"), 0.5},
                                      {"E3", at("J") + 0.2, 0.4},
                                      {"E4", at("F"), 0.4},
                                      {"E6", at("G"), 0.4},
                                      {"E7", at("I"), 0.5}},
                                     {{"E1", 0.1, 0.2}, {"E2", -0.2, 0.2}}, {});
    decisions = {Decide("E1", model::Proposal::kNotCalibrated, "M", "M"),
                 Decide("E2", model::Proposal::kNoChange, "K", "K"),
                 Decide("E3", model::Proposal::kPromote, "I", "J"),
                 Decide("E4", model::Proposal::kPlan, "G", "G"),
                 Decide("E6", model::Proposal::kException, "G", "H"),
                 Decide("E7", model::Proposal::kPromote, "H", "I")};
    decisions[1].status = model::DecisionStatus::kAccepted;
    decisions[2].status = model::DecisionStatus::kAccepted;
    decisions[2].bonus = 1000;
    decisions[4].status = model::DecisionStatus::kAccepted;
    decisions[4].justification = "Covers the <on-call> lead & more";
    decisions[4].approver = "E1";
    decisions[4].bonus = 500;
    decisions[5].status = model::DecisionStatus::kRejected;
    decisions[5].review_note = "On leave";
    ratings = {Rate("E2", "E1"), Rate("E7", "E1"), Rate("E3", "E2"),
               Rate("E4", "E2"), Rate("E6", "E2"), Rate("E3", "E1")};
    ratings.back().benchmark = true;
  }

  /// The report, broken down by |attributes_csv|'s columns |by| (none when empty).
  review::SlateReport Report(const std::string& attributes_csv = "",
                             const std::vector<std::string>& by = {}) {
    std::vector<size_t> columns;
    if (!attributes_csv.empty()) {
      std::istringstream in(attributes_csv);
      attributes = review::ReadPersonAttributes(in, *scope);
      columns = *review::SelectAttributes(attributes, by);
    }
    return review::BuildSlateReport(cycle, "EUR", decisions, ratings,
                                    attributes_csv.empty() ? nullptr : &attributes, columns);
  }

  review::PersonAttributes attributes;

 private:
  static model::Decision Decide(std::string id, model::Proposal proposal, std::string from,
                                std::string to) {
    model::Decision d;
    d.person_id = std::move(id);
    d.proposal = proposal;
    d.from_grade = std::move(from);
    d.to_grade = std::move(to);
    d.reason = "because";
    return d;
  }
  static model::Rating Rate(std::string person, std::string rater) {
    model::Rating r;
    r.person_id = std::move(person);
    r.rater_id = std::move(rater);
    r.grade = "G";
    return r;
  }
};

}  // namespace yardstick::testing
