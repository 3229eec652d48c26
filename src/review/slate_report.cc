#include "review/slate_report.h"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

#include <fmt/format.h>

#include "base/text.h"

namespace yardstick::review {
namespace {

bool Rejected(const model::Decision& d) { return d.status == model::DecisionStatus::kRejected; }

void Count(OutcomeCounts& counts, const SlateEntry& entry) {
  const model::Decision& d = *entry.decision;
  ++counts.people;
  counts.promotions += entry.promoted() ? 1 : 0;
  counts.exceptions += entry.promoted() && entry.exception() ? 1 : 0;
  counts.plans += entry.plan() ? 1 : 0;
  if (entry.bonus()) {
    ++counts.bonuses;
    counts.bonus_total += *d.bonus;
  }
  counts.rejected += Rejected(d) ? 1 : 0;
  counts.not_calibrated += d.proposal == model::Proposal::kNotCalibrated ? 1 : 0;
}

/// |counts| in key order, "" last, each with who it is.
std::vector<OutcomeCounts> Sorted(std::map<std::string, OutcomeCounts>& counts,
                                  const CycleScope& scope) {
  std::vector<OutcomeCounts> sorted;
  for (auto& [id, each] : counts) {
    if (id.empty()) continue;
    each.id = id;
    each.who = scope.Find(id);
    sorted.push_back(each);
  }
  if (auto none = counts.find(""); none != counts.end()) sorted.push_back(none->second);
  return sorted;
}

std::string Name(const model::Person* person) { return person == nullptr ? "" : person->name; }

std::string Amount(const std::optional<double>& amount) {
  return amount ? fmt::format("{:.2f}", *amount) : "";
}

std::string Ratio(const std::optional<double>& ratio) {
  return ratio ? fmt::format("{:.3f}", *ratio) : "";
}

}  // namespace

bool SlateEntry::promoted() const {
  return model::IsPromotion(decision->proposal) && !Rejected(*decision);
}

bool SlateEntry::plan() const {
  return (decision->proposal == model::Proposal::kPlan ||
          decision->proposal == model::Proposal::kExitConversation) &&
         !Rejected(*decision);
}

bool SlateEntry::bonus() const { return decision->bonus.has_value() && !Rejected(*decision); }

SlateReport BuildSlateReport(const CycleReport& cycle, const std::string& currency,
                             const std::vector<model::Decision>& decisions,
                             const std::vector<model::Rating>& ratings,
                             const PersonAttributes* attributes, const std::vector<size_t>& by) {
  const CycleScope& scope = *cycle.scope;
  SlateReport report;
  report.cycle = &cycle;
  report.currency = currency;
  report.has_slate = !decisions.empty();
  std::unordered_map<std::string, std::string> rater_of;
  for (const model::Rating& rating : ratings) {
    if (!rating.benchmark) rater_of[rating.person_id] = rating.rater_id;
  }
  std::map<std::string, OutcomeCounts> by_team;
  std::map<std::string, OutcomeCounts> by_rater;
  for (const model::Decision& decision : decisions) {
    SlateEntry entry;
    entry.decision = &decision;
    entry.person = scope.Find(decision.person_id);
    if (entry.person != nullptr) entry.manager_id = entry.person->manager_id;
    if (auto rater = rater_of.find(decision.person_id); rater != rater_of.end()) {
      entry.rater_id = rater->second;
    }
    Count(report.total, entry);
    Count(by_team[entry.manager_id], entry);
    Count(by_rater[entry.rater_id], entry);
    report.slate.push_back(std::move(entry));
  }
  std::sort(report.slate.begin(), report.slate.end(), [](const SlateEntry& a, const SlateEntry& b) {
    return a.decision->person_id < b.decision->person_id;
  });
  for (const SlateEntry& entry : report.slate) {
    if (entry.exception()) report.exceptions.push_back(&entry);
  }
  report.by_team = Sorted(by_team, scope);
  report.by_rater = Sorted(by_rater, scope);

  if (attributes == nullptr || !report.has_slate) return report;
  for (size_t column : by) {
    std::vector<engine::PersonOutcome> outcomes;
    for (const SlateEntry& entry : report.slate) {
      if (entry.decision->proposal == model::Proposal::kNotCalibrated) continue;
      engine::PersonOutcome outcome{std::nullopt, entry.promoted(), entry.plan()};
      if (auto values = attributes->values.find(entry.decision->person_id);
          values != attributes->values.end() && !values->second[column].empty()) {
        outcome.value = values->second[column];
      }
      outcomes.push_back(std::move(outcome));
    }
    report.attributes.push_back(
        engine::MeasureAdverseImpact(attributes->columns[column], outcomes));
  }
  return report;
}

std::string FormatSlateSummary(const SlateReport& report) {
  if (!report.has_slate) {
    return "\nno slate yet (`yardstick cycle decide` makes it): no promotions, plans or bonuses "
           "to report\n";
  }
  const OutcomeCounts& t = report.total;
  std::string out = fmt::format(
      "\nslate: {} people, {} promotion{} ({} exception{}), {} plan{}, {} bonus{} ({} {} in all), "
      "{} rejected\n",
      t.people, t.promotions, t.promotions == 1 ? "" : "s", t.exceptions,
      t.exceptions == 1 ? "" : "s", t.plans, t.plans == 1 ? "" : "s", t.bonuses,
      t.bonuses == 1 ? "" : "es", FormatAmount(t.bonus_total, 2), report.currency, t.rejected);
  for (const SlateEntry* entry : report.exceptions) {
    const model::Decision& d = *entry->decision;
    out += fmt::format("  exception: {} {} → {}, approved by {}: {}\n", d.person_id, d.from_grade,
                       d.to_grade, d.approver, d.justification);
  }
  for (const engine::AdverseImpact& impact : report.attributes) {
    out += fmt::format("by {} (four-fifths rule; ratios under 0.8 flagged):\n", impact.attribute);
    for (const engine::ImpactRow& row : impact.rows) {
      const auto ratio = [](const std::optional<double>& value, bool flagged) {
        if (!value) return std::string();
        return fmt::format(", ratio {:.2f}{}", *value, flagged ? " UNDER 4/5" : "");
      };
      out +=
          fmt::format("  {}: {} {}, promoted {} ({:.0f}%{}), plans {} ({:.0f}%{}){}\n", row.value,
                      row.people, row.people == 1 ? "person" : "people", row.promotions,
                      100 * row.promotion_rate, ratio(row.promotion_ratio, row.promotion_flagged),
                      row.plans, 100 * row.plan_rate, ratio(row.plan_ratio, row.plan_flagged),
                      row.judged                       ? ""
                      : row.value == engine::kNotGiven ? "; not judged: not a group"
                                                       : "; not judged: too few people");
    }
  }
  return out;
}

std::vector<io::ExportTable> SlateReportTables(const SlateReport& report) {
  using io::CellType;
  std::vector<io::ExportTable> tables;
  tables.push_back({"Slate",
                    {{"person_id"},
                     {"name"},
                     {"group"},
                     {"manager_id"},
                     {"rater_id"},
                     {"proposal"},
                     {"exception"},
                     {"from_grade"},
                     {"to_grade"},
                     {"performed", CellType::kNumber},
                     {"se", CellType::kNumber},
                     {"bonus", CellType::kNumber},
                     {"currency"},
                     {"status"},
                     {"reason"},
                     {"flags"},
                     {"review_note"},
                     {"justification"},
                     {"approver"}},
                    report.slate.size(),
                    [&report](size_t index, std::vector<std::string>& cells) {
                      const SlateEntry& entry = report.slate[index];
                      const model::Decision& d = *entry.decision;
                      const bool calibrated = d.proposal != model::Proposal::kNotCalibrated;
                      cells = {d.person_id,
                               Name(entry.person),
                               entry.person == nullptr ? "" : entry.person->group,
                               entry.manager_id,
                               entry.rater_id,
                               std::string(model::ToString(d.proposal)),
                               entry.exception() ? "exception" : "",
                               d.from_grade,
                               d.to_grade,
                               calibrated ? fmt::format("{:.3f}", d.performed) : "",
                               calibrated ? fmt::format("{:.3f}", d.se) : "",
                               Amount(d.bonus),
                               d.bonus ? report.currency : "",
                               std::string(model::ToString(d.status)),
                               d.reason,
                               JoinLines(d.flags),
                               d.review_note,
                               d.justification,
                               d.approver};
                    }});
  const auto counts_table = [&report](std::string title, std::string key,
                                      const std::vector<OutcomeCounts>* rows) {
    return io::ExportTable{std::move(title),
                           {{key},
                            {"name"},
                            {"people", CellType::kNumber},
                            {"promotions", CellType::kNumber},
                            {"exceptions", CellType::kNumber},
                            {"plans", CellType::kNumber},
                            {"bonuses", CellType::kNumber},
                            {"bonus_total", CellType::kNumber},
                            {"currency"},
                            {"rejected", CellType::kNumber},
                            {"not_calibrated", CellType::kNumber}},
                           rows->size(),
                           [&report, rows](size_t index, std::vector<std::string>& cells) {
                             const OutcomeCounts& c = (*rows)[index];
                             cells = {c.id,
                                      Name(c.who),
                                      std::to_string(c.people),
                                      std::to_string(c.promotions),
                                      std::to_string(c.exceptions),
                                      std::to_string(c.plans),
                                      std::to_string(c.bonuses),
                                      fmt::format("{:.2f}", c.bonus_total),
                                      report.currency,
                                      std::to_string(c.rejected),
                                      std::to_string(c.not_calibrated)};
                           }};
  };
  tables.push_back(counts_table("By team", "manager_id", &report.by_team));
  tables.push_back(counts_table("By rater", "rater_id", &report.by_rater));
  auto impact = std::make_shared<std::vector<std::pair<std::string, const engine::ImpactRow*>>>();
  for (const engine::AdverseImpact& attribute : report.attributes) {
    for (const engine::ImpactRow& row : attribute.rows)
      impact->emplace_back(attribute.attribute, &row);
  }
  tables.push_back({"Adverse impact",
                    {{"attribute"},
                     {"value"},
                     {"people", CellType::kNumber},
                     {"promotions", CellType::kNumber},
                     {"promotion_rate", CellType::kNumber},
                     {"promotion_ratio", CellType::kNumber},
                     {"promotion_flagged"},
                     {"plans", CellType::kNumber},
                     {"plan_rate", CellType::kNumber},
                     {"plan_ratio", CellType::kNumber},
                     {"plan_flagged"},
                     {"judged"}},
                    impact->size(),
                    [impact](size_t index, std::vector<std::string>& cells) {
                      const auto& [attribute, row] = (*impact)[index];
                      cells = {attribute,
                               row->value,
                               std::to_string(row->people),
                               std::to_string(row->promotions),
                               fmt::format("{:.3f}", row->promotion_rate),
                               Ratio(row->promotion_ratio),
                               row->promotion_flagged ? "under 4/5" : "",
                               std::to_string(row->plans),
                               fmt::format("{:.3f}", row->plan_rate),
                               Ratio(row->plan_ratio),
                               row->plan_flagged ? "under 4/5" : "",
                               row->judged                       ? "yes"
                               : row->value == engine::kNotGiven ? "no: not a group"
                                                                 : "no: too few people"};
                    }});
  return tables;
}

}  // namespace yardstick::review
