#include "review/feedback_input.h"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "base/text.h"
#include "model/rubric_sheet.h"
#include "review/input_checks.h"

namespace yardstick::review {
namespace {

/// The kind |giver| gives about |person| when the file does not say.
model::FeedbackKind DefaultKind(const model::Person& person, const model::Person& giver) {
  if (person.id == giver.id) return model::FeedbackKind::kSelf;
  if (giver.manager_id == person.id) return model::FeedbackKind::kUpward;
  return model::FeedbackKind::kPeer;
}

/// Why |giver| cannot give |kind| feedback about |person|, or "".
std::string WhyNotKind(const model::Person& person, const model::Person& giver,
                       model::FeedbackKind kind) {
  switch (kind) {
    case model::FeedbackKind::kSelf:
      if (person.id != giver.id) {
        return fmt::format("a self-review of {} is given by {}, not {}", person.id, person.id,
                           giver.id);
      }
      return "";
    case model::FeedbackKind::kUpward:
      if (giver.manager_id != person.id) {
        return fmt::format("upward feedback comes from a direct report: {} does not report to {}",
                           giver.id, person.id);
      }
      return "";
    case model::FeedbackKind::kPeer:
      if (person.id == giver.id) {
        return fmt::format("{} cannot be their own peer: request a self-review (kind self)",
                           person.id);
      }
      if (person.manager_id == giver.id) {
        return fmt::format("{} is {}'s manager and rates them; a manager gives no feedback",
                           giver.id, person.id);
      }
      return "";
  }
  return "";
}

/// The areas of |framework|'s rubric that name |source|.
std::vector<const model::RubricArea*> AreasScoredBy(const model::Framework& framework,
                                                    const std::string& source) {
  std::vector<const model::RubricArea*> areas;
  if (!framework.rubric) return areas;
  for (const model::RubricArea& area : framework.rubric->areas) {
    if (std::find(area.sources.begin(), area.sources.end(), source) != area.sources.end()) {
      areas.push_back(&area);
    }
  }
  return areas;
}

/// Reads "area=points; area=points" for feedback requested as |source|, reporting at |loc|.
std::vector<model::AreaPoints> ReadScores(const model::Framework& framework,
                                          const std::string& text, const std::string& source,
                                          SourceLoc loc, Diagnostics& diagnostics) {
  std::vector<model::AreaPoints> scores;
  if (Trim(text).empty()) return scores;
  if (source.empty()) {
    diagnostics.Error(loc, "scores-without-source",
                      "scores count only for feedback requested as a rubric source (request it "
                      "with a source); this feedback is evidence only");
    return scores;
  }
  const std::vector<const model::RubricArea*> areas = AreasScoredBy(framework, source);
  std::vector<std::string> area_ids;
  for (const model::RubricArea* area : areas) area_ids.push_back(area->id);
  for (const std::string& item : SplitAndTrim(text, ';')) {
    const size_t equals = item.find('=');
    const std::optional<double> points =
        equals == std::string::npos ? std::nullopt
                                    : model::ParseNumber(std::string_view(item).substr(equals + 1));
    if (!points) {
      diagnostics.Error(loc, "bad-score",
                        fmt::format("'{}': expected AREA=POINTS, e.g. {}=5", item,
                                    area_ids.empty() ? "teamwork" : area_ids.front()));
      continue;
    }
    const std::string area_id(Trim(std::string_view(item).substr(0, equals)));
    const auto area = std::find_if(areas.begin(), areas.end(),
                                   [&](const model::RubricArea* a) { return a->id == area_id; });
    if (area == areas.end()) {
      diagnostics.Error(
          loc, "area-not-scored-by-source",
          fmt::format("area '{}' is not scored by source '{}' (it scores: {}){}", area_id, source,
                      area_ids.empty() ? "none" : Join(area_ids, ", "),
                      DidYouMean(area_id, area_ids)));
      continue;
    }
    if (*points < (*area)->min_points || *points > (*area)->max_points) {
      diagnostics.Error(loc, "points-out-of-range",
                        fmt::format("{} points for '{}' are outside its range {}-{}", *points,
                                    area_id, (*area)->min_points, (*area)->max_points));
      continue;
    }
    if (std::any_of(scores.begin(), scores.end(),
                    [&](const model::AreaPoints& s) { return s.area == area_id; })) {
      diagnostics.Error(loc, "duplicate-score", fmt::format("area '{}' is scored twice", area_id));
      continue;
    }
    scores.push_back({area_id, *points});
  }
  return scores;
}

}  // namespace

const io::NamedColumns& FeedbackRequestColumns() {
  static const io::NamedColumns columns{{"person_id", "giver_id"}, {"kind", "source"}};
  return columns;
}

const io::NamedColumns& FeedbackColumns() {
  static const io::NamedColumns columns{{"person_id", "giver_id", "text"}, {"grade", "scores"}};
  return columns;
}

std::vector<std::string> RubricSources(const model::Framework& framework) {
  std::set<std::string> sources;
  if (framework.rubric) {
    for (const model::RubricArea& area : framework.rubric->areas) {
      sources.insert(area.sources.begin(), area.sources.end());
    }
  }
  return {sources.begin(), sources.end()};
}

FeedbackPlan PlanFeedbackRequests(const CycleScope& scope, const io::NamedCsv& csv) {
  FeedbackPlan plan;
  plan.diagnostics = csv.diagnostics();
  Diagnostics& diagnostics = plan.diagnostics;
  const std::vector<std::string> sources = RubricSources(scope.framework());
  std::map<std::pair<std::string, std::string>, int> seen;
  for (const io::CsvRecord& row : csv.rows()) {
    const int errors_before = diagnostics.ErrorCount();
    const std::string& person_id = csv.Field(row, "person_id");
    const std::string& giver_id = csv.Field(row, "giver_id");
    const model::Person* person = InCycleOrReport(
        scope, NamedPerson(scope, person_id, "person", csv.Where(row, "person_id"), diagnostics),
        csv.Where(row, "person_id"), diagnostics);
    const model::Person* giver =
        NamedPerson(scope, giver_id, "giver", csv.Where(row, "giver_id"), diagnostics);
    const std::string kind_text(Trim(csv.Field(row, "kind")));
    std::optional<model::FeedbackKind> kind;
    if (!kind_text.empty()) {
      kind = model::ParseFeedbackKind(kind_text);
      if (!kind) {
        diagnostics.Error(
            csv.Where(row, "kind"), "unknown-kind",
            fmt::format("unknown kind '{}': expected self, peer or upward{}", kind_text,
                        DidYouMean(kind_text, {"self", "peer", "upward"})));
      }
    }
    if (person != nullptr && giver != nullptr) {
      if (!kind && kind_text.empty()) kind = DefaultKind(*person, *giver);
      if (kind) {
        if (std::string why = WhyNotKind(*person, *giver, *kind); !why.empty()) {
          diagnostics.Error(csv.Where(row, "giver_id"), "not-a-giver", why);
        }
      }
      if (const auto [at, added] = seen.emplace(std::pair(person_id, giver_id), row.line); !added) {
        diagnostics.Error(csv.Where(row, "giver_id"), "duplicate-request",
                          fmt::format("feedback from {} about {} is requested twice: already on "
                                      "line {}",
                                      giver_id, person_id, at->second));
      }
    }
    const std::string source(Trim(csv.Field(row, "source")));
    if (!source.empty() && !std::binary_search(sources.begin(), sources.end(), source)) {
      diagnostics.Error(
          csv.Where(row, "source"), "unknown-source",
          sources.empty()
              ? fmt::format("framework '{}' has no rubric, so feedback is evidence only: leave "
                            "source empty",
                            scope.framework().id)
              : fmt::format("the rubric of framework '{}' names no source '{}' (it names: {}){}",
                            scope.framework().id, source, Join(sources, ", "),
                            DidYouMean(source, sources)));
    }
    if (diagnostics.ErrorCount() > errors_before) continue;
    plan.feedback.push_back({person_id, giver_id, *kind, source, "", false, "", "", {}});
  }
  diagnostics.SortByLocation();
  if (!plan.ok()) plan.feedback.clear();
  return plan;
}

std::vector<model::Feedback> SelfReviewRequests(const CycleScope& scope,
                                                const std::vector<model::Feedback>& requested) {
  std::set<std::string> asked;
  for (const model::Feedback& feedback : requested) {
    if (feedback.kind == model::FeedbackKind::kSelf) asked.insert(feedback.person_id);
  }
  std::vector<model::Feedback> requests;
  scope.ForEachInCycle([&](const model::Person& person) {
    if (asked.count(person.id) != 0) return;
    requests.push_back(
        {person.id, person.id, model::FeedbackKind::kSelf, "", "", false, "", "", {}});
  });
  return requests;
}

FeedbackPlan PlanFeedback(const CycleScope& scope, const io::NamedCsv& csv,
                          const std::vector<model::Feedback>& requested) {
  FeedbackPlan plan;
  plan.diagnostics = csv.diagnostics();
  Diagnostics& diagnostics = plan.diagnostics;
  std::map<std::pair<std::string, std::string>, const model::Feedback*> requests;
  for (const model::Feedback& feedback : requested) {
    requests[{feedback.person_id, feedback.giver_id}] = &feedback;
  }
  std::map<std::pair<std::string, std::string>, int> seen;
  for (const io::CsvRecord& row : csv.rows()) {
    const int errors_before = diagnostics.ErrorCount();
    const std::string& person_id = csv.Field(row, "person_id");
    const std::string& giver_id = csv.Field(row, "giver_id");
    const auto request = requests.find({person_id, giver_id});
    if (request == requests.end()) {
      diagnostics.Error(csv.Where(row, "giver_id"), "not-requested",
                        fmt::format("no feedback was requested from {} about {} in cycle '{}' "
                                    "(`yardstick feedback request` asks for it)",
                                    giver_id, person_id, scope.cycle().id));
      continue;
    }
    if (const auto [at, added] = seen.emplace(std::pair(person_id, giver_id), row.line); !added) {
      diagnostics.Error(csv.Where(row, "giver_id"), "duplicate-feedback",
                        fmt::format("feedback from {} about {} is given twice: already on line {}",
                                    giver_id, person_id, at->second));
    }
    const std::string text(Trim(csv.Field(row, "text")));
    if (text.empty()) {
      diagnostics.Error(csv.Where(row, "text"), "empty-field",
                        "text is empty: feedback says what the person did");
    }
    const std::string grade(Trim(csv.Field(row, "grade")));
    if (!grade.empty()) CheckGrade(scope, grade, csv.Where(row, "grade"), diagnostics);
    const model::Feedback& asked = *request->second;
    std::vector<model::AreaPoints> scores =
        ReadScores(scope.framework(), csv.Field(row, "scores"), asked.source,
                   csv.Where(row, "scores"), diagnostics);
    if (diagnostics.ErrorCount() > errors_before) continue;
    model::Feedback given = asked;
    given.given = true;
    given.text = text;
    given.grade = grade;
    given.scores = std::move(scores);
    plan.feedback.push_back(std::move(given));
  }
  diagnostics.SortByLocation();
  if (!plan.ok()) plan.feedback.clear();
  return plan;
}

}  // namespace yardstick::review
