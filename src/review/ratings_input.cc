#include "review/ratings_input.h"

#include <algorithm>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "base/text.h"

namespace yardstick::review {
namespace {

/// The person named in |field|, or nullptr after reporting why not (|role|: "person" or "rater").
const model::Person* Named(const CycleScope& scope, const std::string& field, std::string_view role,
                           SourceLoc loc, Diagnostics& diagnostics) {
  if (field.empty()) {
    diagnostics.Error(loc, "empty-field", fmt::format("{}_id is empty", role));
    return nullptr;
  }
  const model::Person* person = scope.Find(field);
  if (person == nullptr) {
    diagnostics.Error(loc, fmt::format("unknown-{}", role),
                      fmt::format("unknown {} '{}': not in the organisation", role, field));
    return nullptr;
  }
  if (person->status != model::PersonStatus::kActive) {
    diagnostics.Error(loc, "left",
                      fmt::format("{} '{}' has left{}", role, field,
                                  person->left_date ? " on " + person->left_date->ToString() : ""));
    return nullptr;
  }
  return person;
}

std::string ScaleRange(const model::Scale& scale) {
  return scale.size() == 0 ? "" : scale.IdAt(0) + "-" + scale.IdAt(scale.size() - 1);
}

std::vector<std::string> GradeIds(const model::Scale& scale) {
  std::vector<std::string> ids;
  for (const model::Scale::Grade& grade : scale.grades) ids.push_back(grade.id);
  return ids;
}

std::vector<std::string> SplitCriteria(const std::string& text) {
  std::vector<std::string> ids;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t end = std::min(text.find(';', start), text.size());
    const std::string_view id = Trim(std::string_view(text).substr(start, end - start));
    if (!id.empty()) ids.emplace_back(id);
    start = end + 1;
  }
  return ids;
}

}  // namespace

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
    const model::Person* person =
        Named(scope, person_id, "person", csv.Where(row, "person_id"), diagnostics);
    if (person != nullptr && !scope.InCycle(*person)) {
      diagnostics.Error(
          csv.Where(row, "person_id"), "not-in-cycle",
          fmt::format("{} is in group '{}', which cycle '{}' does not cover (it "
                      "rates groups on framework '{}')",
                      person->id, person->group, scope.cycle().id, scope.cycle().framework_id));
      person = nullptr;
    }
    const model::Person* rater =
        Named(scope, rater_id, "rater", csv.Where(row, "rater_id"), diagnostics);
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
    } else if (framework.scale.IndexOf(grade) < 0) {
      diagnostics.Error(csv.Where(row, "grade"), "unknown-grade",
                        fmt::format("grade '{}' is not on the scale of framework '{}' ({}){}",
                                    grade, framework.id, ScaleRange(framework.scale),
                                    DidYouMean(grade, GradeIds(framework.scale))));
    }
    std::vector<std::string> criteria = SplitCriteria(csv.Field(row, "criteria"));
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
