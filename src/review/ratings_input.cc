#include "review/ratings_input.h"

#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "base/text.h"
#include "review/input_checks.h"

namespace yardstick::review {

const io::NamedColumns& RatingColumns() {
  static const io::NamedColumns columns{{"person_id", "rater_id", "grade"},
                                        {"evidence", "criteria"}};
  return columns;
}

std::string WhyNeverRater(const model::Person& person, const model::Person& rater) {
  if (person.id == rater.id) return fmt::format("{} cannot rate themselves", person.id);
  if (person.group != rater.group) {
    return fmt::format(
        "ratings across comparison groups are refused: {} is in '{}', rater {} in '{}'", person.id,
        person.group, rater.id, rater.group);
  }
  return "";
}

std::string WhyNotRater(const CycleScope& scope, const model::Person& person,
                        const model::Person& rater) {
  if (std::string why = WhyNeverRater(person, rater); !why.empty()) return why;
  if (person.manager_id != rater.id && !scope.IsAssignedBenchmark(person.id, rater.id)) {
    return fmt::format("{} is neither {}'s manager nor assigned to rate them as a benchmark person",
                       rater.id, person.id);
  }
  return "";
}

RatingsPlan PlanRatings(const CycleScope& scope, const io::NamedCsv& csv) {
  RatingsPlan plan;
  plan.diagnostics = csv.diagnostics();
  Diagnostics& diagnostics = plan.diagnostics;
  const model::Framework& framework = scope.framework();
  std::map<std::pair<std::string, std::string>, int> seen;  // (person, rater) → line
  for (const io::CsvRecord& row : csv.rows()) {
    const int errors_before = diagnostics.ErrorCount();
    const std::string& person_id = csv.Field(row, "person_id");
    const std::string& rater_id = csv.Field(row, "rater_id");
    const model::Person* person = InCycleOrReport(
        scope, NamedPerson(scope, person_id, "person", csv.Where(row, "person_id"), diagnostics),
        csv.Where(row, "person_id"), diagnostics);
    const model::Person* rater =
        NamedPerson(scope, rater_id, "rater", csv.Where(row, "rater_id"), diagnostics);
    if (person != nullptr && rater != nullptr) {
      if (const std::string why = WhyNotRater(scope, *person, *rater); !why.empty()) {
        diagnostics.Error(csv.Where(row, "rater_id"), "not-a-rater", why);
      } else if (const auto [at, added] = seen.emplace(std::pair(person_id, rater_id), row.line);
                 !added) {
        diagnostics.Error(csv.Where(row, "rater_id"), "duplicate-rating",
                          fmt::format("{} is rated by {} twice: already on line {}", person_id,
                                      rater_id, at->second));
      }
    }
    const std::string grade(Trim(csv.Field(row, "grade")));
    if (grade.empty()) {
      diagnostics.Error(csv.Where(row, "grade"), "empty-field", "grade is empty");
    } else {
      CheckGrade(scope, grade, csv.Where(row, "grade"), diagnostics);
    }
    std::vector<std::string> criteria = SplitAndTrim(csv.Field(row, "criteria"), ';');
    for (const std::string& id : criteria) {
      if (std::binary_search(scope.criterion_ids().begin(), scope.criterion_ids().end(), id)) {
        continue;
      }
      diagnostics.Error(csv.Where(row, "criteria"), "unknown-criterion",
                        fmt::format("unknown criterion '{}' in framework '{}'{}", id, framework.id,
                                    DidYouMean(id, scope.criterion_ids())));
    }
    if (diagnostics.ErrorCount() > errors_before) continue;
    plan.ratings.push_back({person_id, rater_id, grade, csv.Field(row, "evidence"),
                            std::move(criteria), person->manager_id != rater_id});
  }
  diagnostics.SortByLocation();
  if (!plan.ok()) plan.ratings.clear();
  return plan;
}

}  // namespace yardstick::review
