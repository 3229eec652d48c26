#include "review/rubric_sheets.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "base/text.h"
#include "review/input_checks.h"
#include "review/ratings_input.h"

namespace yardstick::review {
namespace {

std::string SourceColumn(const model::RubricArea& area, const std::string& source) {
  return area.id + ":" + source;
}

/// Reads the outcomes cell: "NAME=POINTS@SHARE; NAME=POINTS".
std::vector<model::OutcomeScore> ReadOutcomes(const std::string& text, SourceLoc loc,
                                              Diagnostics& diagnostics) {
  std::vector<model::OutcomeScore> outcomes;
  for (const std::string& item : SplitAndTrim(text, ';')) {
    std::optional<model::OutcomeScore> outcome = model::ParseOutcomeScore(item);
    if (!outcome) {
      diagnostics.Error(loc, "bad-outcome",
                        fmt::format("outcome '{}': expected NAME=POINTS@SHARE, e.g. \"Checkout "
                                    "redesign=10@0.5\"",
                                    item));
      continue;
    }
    outcomes.push_back(std::move(*outcome));
  }
  return outcomes;
}

}  // namespace

Result<ScoredSheet> ScoreSheet(const model::Rubric& rubric, const model::RubricSheet& sheet,
                               const std::vector<model::Feedback>& feedback) {
  ScoredSheet scored{sheet, {}, {}};
  for (const model::SourceScore& score : sheet.scores) {
    scored.contributions.push_back({score.area, score.source, "", score.points});
  }
  for (const model::Feedback& given : feedback) {
    if (!given.given || given.source.empty() || given.person_id != sheet.person_id) continue;
    for (const model::AreaPoints& points : given.scores) {
      scored.contributions.push_back({points.area, given.source, given.giver_id, points.points});
    }
  }
  // Each area and source scores the mean of what it received, in the order first received.
  std::vector<model::SourceScore> scores;
  std::map<std::pair<std::string, std::string>, std::pair<double, int>> sums;
  for (const Contribution& c : scored.contributions) {
    auto [at, added] = sums.try_emplace({c.area, c.source}, 0.0, 0);
    if (added) scores.push_back({c.area, c.source, 0});
    at->second.first += c.points;
    ++at->second.second;
  }
  for (model::SourceScore& score : scores) {
    const auto& [sum, count] = sums.at({score.area, score.source});
    score.points = sum / count;
  }
  Result<engine::RubricScoring> scoring = engine::ScoreRubric(rubric, scores, sheet.outcomes);
  if (!scoring.ok()) return scoring.status();
  scored.scoring = std::move(*scoring);
  return scored;
}

std::vector<std::string> RubricSheetColumnNames(const model::Rubric& rubric) {
  std::vector<std::string> names = {"person_id", "rater_id", "evidence"};
  if (rubric.outcomes) names.push_back("outcomes");
  for (const model::RubricArea& area : rubric.areas) {
    for (const std::string& source : area.sources) names.push_back(SourceColumn(area, source));
  }
  return names;
}

RubricSheetsPlan PlanRubricSheets(const CycleScope& scope, const io::NamedCsv& csv,
                                  const std::vector<model::Feedback>& feedback) {
  RubricSheetsPlan plan;
  plan.diagnostics = csv.diagnostics();
  Diagnostics& diagnostics = plan.diagnostics;
  const model::Rubric& rubric = *scope.framework().rubric;
  std::map<std::pair<std::string, std::string>, int> seen;
  for (const io::CsvRecord& row : csv.rows()) {
    const int errors_before = diagnostics.ErrorCount();
    model::RubricSheet sheet;
    sheet.person_id = csv.Field(row, "person_id");
    sheet.rater_id = csv.Field(row, "rater_id");
    sheet.evidence = csv.Field(row, "evidence");
    const model::Person* person = InCycleOrReport(
        scope,
        NamedPerson(scope, sheet.person_id, "person", csv.Where(row, "person_id"), diagnostics),
        csv.Where(row, "person_id"), diagnostics);
    const model::Person* rater =
        NamedPerson(scope, sheet.rater_id, "rater", csv.Where(row, "rater_id"), diagnostics);
    if (person != nullptr && rater != nullptr) {
      if (const std::string why = WhyNotRater(scope, *person, *rater); !why.empty()) {
        diagnostics.Error(csv.Where(row, "rater_id"), "not-a-rater", why);
      } else if (const auto [at, added] =
                     seen.emplace(std::pair(sheet.person_id, sheet.rater_id), row.line);
                 !added) {
        diagnostics.Error(csv.Where(row, "rater_id"), "duplicate-sheet",
                          fmt::format("{} is scored by {} twice: already on line {}",
                                      sheet.person_id, sheet.rater_id, at->second));
      }
    }
    for (const model::RubricArea& area : rubric.areas) {
      for (const std::string& source : area.sources) {
        const std::string column = SourceColumn(area, source);
        const std::string_view cell = Trim(csv.Field(row, column));
        if (cell.empty()) continue;
        const std::optional<double> points = model::ParseNumber(cell);
        if (!points) {
          diagnostics.Error(csv.Where(row, column), "bad-points",
                            fmt::format("{}: '{}' is not a number of points", column, cell));
          continue;
        }
        sheet.scores.push_back({area.id, source, *points});
      }
    }
    sheet.outcomes =
        ReadOutcomes(csv.Field(row, "outcomes"), csv.Where(row, "outcomes"), diagnostics);
    if (diagnostics.ErrorCount() > errors_before) continue;
    Result<ScoredSheet> scored = ScoreSheet(rubric, sheet, feedback);
    if (!scored.ok()) {
      diagnostics.Error(
          csv.Where(row, "person_id"), "rubric",
          fmt::format("{} by {}: {}", sheet.person_id, sheet.rater_id, scored.status().message()));
      continue;
    }
    plan.ratings.push_back({sheet.person_id,
                            sheet.rater_id,
                            scored->scoring.grade,
                            sheet.evidence.empty()
                                ? fmt::format("rubric: {} points", scored->scoring.rounded)
                                : sheet.evidence,
                            {},
                            person->manager_id != sheet.rater_id});
    plan.sheets.push_back(std::move(*scored));
  }
  diagnostics.SortByLocation();
  if (!plan.ok()) {
    plan.sheets.clear();
    plan.ratings.clear();
  }
  return plan;
}

std::string FormatRubricWorking(const model::Rubric& rubric, const engine::RubricScoring& scoring,
                                const std::vector<Contribution>& contributions) {
  std::string text;
  for (const engine::AreaWorking& area : scoring.areas) {
    std::vector<std::string> sources;
    for (const engine::SourceScore& score : area.scores) {
      std::vector<std::string> parts;
      bool only_the_sheet = true;
      for (const Contribution& c : contributions) {
        if (c.area != score.area || c.source != score.source) continue;
        parts.push_back(
            fmt::format("{} {:g}", c.giver_id.empty() ? "sheet" : c.giver_id, c.points));
        only_the_sheet = only_the_sheet && c.giver_id.empty();
      }
      sources.push_back(
          parts.size() > 1 || !only_the_sheet
              ? fmt::format("{} {:g} from {}", score.source, score.points, Join(parts, ", "))
              : fmt::format("{} {:g}", score.source, score.points));
    }
    text += fmt::format("{:<14} {:>5.2f}  ({})\n", area.area.name, area.mean, Join(sources, ", "));
  }
  if (rubric.outcomes) {
    std::vector<std::string> items;
    for (const engine::OutcomeScore& o : scoring.outcomes) {
      items.push_back(fmt::format("{} {:g} × {:g}", o.name, o.points, o.involvement));
    }
    text += fmt::format("{:<14} {:>5.2f}  ({})\n", rubric.outcomes->name, scoring.outcome_points,
                        items.empty() ? "none" : Join(items, ", "));
  }
  text += fmt::format("{:<14} {:>5.2f}  → {} points → grade {}\n", "Total", scoring.total,
                      scoring.rounded, scoring.grade);
  return text;
}

}  // namespace yardstick::review
