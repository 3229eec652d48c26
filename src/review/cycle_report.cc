#include "review/cycle_report.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <tuple>

#include <fmt/format.h>

#include "review/cycle_calibration.h"

namespace yardstick::review {
namespace {

int Direction(int held, double performed, double se) {
  if (held < 0) return 0;
  const double low = performed - kZ90 * se;
  const double high = performed + kZ90 * se;
  if (low > held && performed - held >= 1) return 1;
  if (high < held && held - performed >= 1) return -1;
  return 0;
}

std::string Name(const model::Person* person) { return person == nullptr ? "" : person->name; }

}  // namespace

CycleReport BuildCycleReport(const CycleScope& scope,
                             const std::vector<store::Store::PerformedResult>& results,
                             const std::vector<store::Store::LeniencyResult>& leniencies,
                             const std::vector<GroupCalibration>& calibration) {
  const model::Scale& scale = scope.framework().scale;
  const size_t grades = static_cast<size_t>(scale.size());
  std::map<std::string, ReportGroup> groups;
  for (const std::string& group : scope.groups()) {
    ReportGroup& g = groups[group];
    g.group_id = group;
    g.held_count.assign(grades, 0);
    g.performed_count.assign(grades, 0);
  }
  scope.ForEachInCycle([&](const model::Person& person) {
    const int held = scale.IndexOf(person.grade);
    if (held >= 0) ++groups[person.group].held_count[static_cast<size_t>(held)];
  });
  for (const store::Store::PerformedResult& result : results) {
    const model::Person* person = scope.Find(result.person_id);
    if (person == nullptr || groups.count(person->group) == 0) continue;
    ReportGroup& g = groups[person->group];
    const int held = scale.IndexOf(person->grade);
    g.people.push_back(
        {person, held, result.performed, result.se, Direction(held, result.performed, result.se)});
    const long rounded = std::lround(std::clamp(result.performed, 0.0, double(grades - 1)));
    if (grades > 0) ++g.performed_count[static_cast<size_t>(rounded)];
  }
  for (const store::Store::LeniencyResult& result : leniencies) {
    const model::Person* rater = scope.Find(result.rater_id);
    const std::string group = rater == nullptr ? "" : rater->group;
    if (groups.count(group) == 0) continue;
    groups[group].raters.push_back({rater, result.rater_id, result.leniency, result.se});
  }
  for (const GroupCalibration& run : calibration) {
    if (groups.count(run.group_id) == 0) continue;
    ReportGroup& g = groups[run.group_id];
    for (const engine::CalibrationIssue& issue : run.result.issues) {
      g.issues.push_back(engine::DescribeIssue(issue));
    }
    g.unrated = run.unrated;
  }
  CycleReport report;
  report.scope = &scope;
  for (auto& [id, group] : groups) {
    std::sort(group.raters.begin(), group.raters.end(),
              [](const ReportRater& a, const ReportRater& b) { return a.leniency > b.leniency; });
    report.groups.push_back(std::move(group));
  }
  return report;
}

std::string FormatCycleReport(const CycleReport& report, int limit) {
  const model::Cycle& cycle = report.scope->cycle();
  const model::Scale& scale = report.scope->framework().scale;
  std::string out = fmt::format("cycle {} ({}), {}, {}\n", cycle.id, cycle.name,
                                cycle.period.ToString(), model::ToString(cycle.state));
  for (const ReportGroup& group : report.groups) {
    out += fmt::format("\ngroup {}: {} people calibrated, {} raters\n", group.group_id,
                       group.people.size(), group.raters.size());
    if (group.people.empty()) {
      out += "  no calibrated results\n";
      continue;
    }
    out += "  grade   held  performed\n";
    for (int i = scale.size() - 1; i >= 0; --i) {
      const auto at = static_cast<size_t>(i);
      if (group.held_count[at] == 0 && group.performed_count[at] == 0) continue;
      out += fmt::format("  {:<6} {:>5}  {:>9}\n", scale.IdAt(i), group.held_count[at],
                         group.performed_count[at]);
    }
    std::vector<std::string> above;
    std::vector<std::string> below;
    for (const ReportPerson& p : group.people) {
      if (p.direction == 0) continue;
      const std::string line =
          fmt::format("{} {}: holds {}, performed {} ± {:.1f}", p.person->id, p.person->name,
                      p.person->grade, scale.Describe(p.performed), kZ90 * p.se);
      (p.direction > 0 ? above : below).push_back(line);
    }
    out += fmt::format("  clearly above their grade: {}\n", above.size());
    AppendLimited(out, above, limit);
    out += fmt::format("  clearly below their grade: {}\n", below.size());
    AppendLimited(out, below, limit);
    std::vector<std::string> raters;
    for (const ReportRater& r : group.raters) {
      raters.push_back(fmt::format("{} {}: {:+.2f} ± {:.2f} grades", r.rater_id, Name(r.rater),
                                   r.leniency, kZ90 * r.se));
    }
    out += "  rater leniency, most lenient first (90% interval):\n";
    AppendLimited(out, raters, limit);
    if (!group.issues.empty()) {
      out += fmt::format("  not resolved by calibration: {}\n", group.issues.size());
      AppendLimited(out, group.issues, limit);
    }
    if (!group.unrated.empty()) {
      out += fmt::format("  neither rated nor ranked: {}\n", group.unrated.size());
      AppendLimited(out, group.unrated, limit);
    }
  }
  return out;
}

std::vector<io::ExportTable> CycleReportTables(const CycleReport& report) {
  using io::CellType;
  const model::Scale& scale = report.scope->framework().scale;
  // Flattened views, in group order; the tables' callbacks read them through shared pointers.
  auto people = std::make_shared<std::vector<std::pair<std::string, const ReportPerson*>>>();
  auto raters = std::make_shared<std::vector<std::pair<std::string, const ReportRater*>>>();
  auto distribution = std::make_shared<std::vector<std::tuple<std::string, int, int, int>>>();
  for (const ReportGroup& group : report.groups) {
    for (const ReportPerson& p : group.people) people->emplace_back(group.group_id, &p);
    for (const ReportRater& r : group.raters) raters->emplace_back(group.group_id, &r);
    for (int i = 0; i < scale.size(); ++i) {
      const auto at = static_cast<size_t>(i);
      distribution->emplace_back(group.group_id, i, group.held_count[at],
                                 group.performed_count[at]);
    }
  }
  const auto number = [](double value) { return fmt::format("{:.3f}", value); };
  std::vector<io::ExportTable> tables;
  tables.push_back({"People",
                    {{"group"},
                     {"id"},
                     {"name"},
                     {"track"},
                     {"held_grade"},
                     {"performed", CellType::kNumber},
                     {"performed_grade"},
                     {"se", CellType::kNumber},
                     {"low_90", CellType::kNumber},
                     {"high_90", CellType::kNumber},
                     {"versus_held"}},
                    people->size(),
                    [people, &scale, number](size_t index, std::vector<std::string>& cells) {
                      const auto& [group, p] = (*people)[index];
                      cells = {group,
                               p->person->id,
                               p->person->name,
                               p->person->track,
                               p->person->grade,
                               number(p->performed),
                               scale.Describe(p->performed),
                               number(p->se),
                               number(p->performed - kZ90 * p->se),
                               number(p->performed + kZ90 * p->se),
                               p->direction > 0   ? "above"
                               : p->direction < 0 ? "below"
                                                  : ""};
                    }});
  tables.push_back({"Raters",
                    {{"group"},
                     {"rater_id"},
                     {"name"},
                     {"leniency", CellType::kNumber},
                     {"se", CellType::kNumber},
                     {"low_90", CellType::kNumber},
                     {"high_90", CellType::kNumber}},
                    raters->size(),
                    [raters, number](size_t index, std::vector<std::string>& cells) {
                      const auto& [group, r] = (*raters)[index];
                      cells = {group,
                               r->rater_id,
                               Name(r->rater),
                               number(r->leniency),
                               number(r->se),
                               number(r->leniency - kZ90 * r->se),
                               number(r->leniency + kZ90 * r->se)};
                    }});
  tables.push_back(
      {"Distribution",
       {{"group"}, {"grade"}, {"held", CellType::kNumber}, {"performed", CellType::kNumber}},
       distribution->size(),
       [distribution, &scale](size_t index, std::vector<std::string>& cells) {
         const auto& [group, grade, held, performed] = (*distribution)[index];
         cells = {group, scale.IdAt(grade), std::to_string(held), std::to_string(performed)};
       }});
  return tables;
}

}  // namespace yardstick::review
