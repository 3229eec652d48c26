#include "review/stack_ranks_input.h"

#include <charconv>
#include <map>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "base/text.h"

namespace yardstick::review {
namespace {

/// One rater's rows as read so far.
struct Ranking {
  SourceLoc first;                     ///< the rater's first row, where team problems go
  std::map<int, std::string> by_rank;  ///< rank → person
  std::map<std::string, int> line_of;  ///< person → line
  std::map<int, int> rank_line;        ///< rank → line
  bool complete = true;                ///< false once a row of this rater was bad
};

std::optional<int> PositiveNumber(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 1) return std::nullopt;
  return value;
}

}  // namespace

const io::NamedColumns& StackRankColumns() {
  static const io::NamedColumns columns{{"rater_id", "person_id", "rank"}, {}};
  return columns;
}

StackRanksPlan PlanStackRanks(const CycleScope& scope, const io::NamedCsv& csv) {
  StackRanksPlan plan;
  plan.diagnostics = csv.diagnostics();
  Diagnostics& diagnostics = plan.diagnostics;
  std::map<std::string, Ranking> rankings;
  for (const io::CsvRecord& row : csv.rows()) {
    const std::string rater_id(Trim(csv.Field(row, "rater_id")));
    const std::string person_id(Trim(csv.Field(row, "person_id")));
    const std::string rank_text(Trim(csv.Field(row, "rank")));
    const int errors_before = diagnostics.ErrorCount();
    const model::Person* rater = scope.Find(rater_id);
    if (rater_id.empty()) {
      diagnostics.Error(csv.Where(row, "rater_id"), "empty-field", "rater_id is empty");
    } else if (rater == nullptr) {
      diagnostics.Error(csv.Where(row, "rater_id"), "unknown-rater",
                        fmt::format("unknown rater '{}': not in the organisation", rater_id));
    } else if (rater->status != model::PersonStatus::kActive) {
      diagnostics.Error(csv.Where(row, "rater_id"), "left",
                        fmt::format("rater '{}' has left", rater_id));
    }
    const model::Person* person = scope.Find(person_id);
    if (person_id.empty()) {
      diagnostics.Error(csv.Where(row, "person_id"), "empty-field", "person_id is empty");
    } else if (person == nullptr) {
      diagnostics.Error(csv.Where(row, "person_id"), "unknown-person",
                        fmt::format("unknown person '{}': not in the organisation", person_id));
    } else if (!scope.InCycle(*person)) {
      diagnostics.Error(csv.Where(row, "person_id"), "not-in-cycle",
                        fmt::format("{} is not in cycle '{}' (left, or in a group it does not "
                                    "cover)",
                                    person_id, scope.cycle().id));
    } else if (rater != nullptr && person->group != rater->group) {
      diagnostics.Error(csv.Where(row, "person_id"), "cross-group",
                        fmt::format("stack ranks do not cross comparison groups: {} is in '{}', "
                                    "rater {} in '{}'",
                                    person_id, person->group, rater_id, rater->group));
    } else if (!rater_id.empty() && person->manager_id != rater_id) {
      diagnostics.Error(
          csv.Where(row, "person_id"), "not-in-team",
          fmt::format("{} is not in {}'s team: a stack rank orders the rater's "
                      "own direct reports{}",
                      person_id, rater_id,
                      person->manager_id.empty()
                          ? ""
                          : fmt::format(" ({} reports to {})", person_id, person->manager_id)));
    }
    const std::optional<int> rank = PositiveNumber(rank_text);
    if (!rank) {
      diagnostics.Error(
          csv.Where(row, "rank"), "bad-rank",
          fmt::format("bad rank '{}': expected a whole number, 1 for the best", rank_text));
    }
    if (rater_id.empty()) continue;
    auto [at, created] = rankings.try_emplace(rater_id);
    Ranking& ranking = at->second;
    if (created) ranking.first = csv.Where(row, "rater_id");
    if (diagnostics.ErrorCount() > errors_before) {
      ranking.complete = false;
      continue;
    }
    if (const auto seen = ranking.line_of.find(person_id); seen != ranking.line_of.end()) {
      diagnostics.Error(
          csv.Where(row, "person_id"), "duplicate-person",
          fmt::format("{} ranks {} twice: already on line {}", rater_id, person_id, seen->second));
      ranking.complete = false;
      continue;
    }
    if (const auto taken = ranking.rank_line.find(*rank); taken != ranking.rank_line.end()) {
      diagnostics.Error(csv.Where(row, "rank"), "tied-rank",
                        fmt::format("{} gives rank {} twice: also on line {} (a stack rank has "
                                    "no ties)",
                                    rater_id, *rank, taken->second));
      ranking.complete = false;
      continue;
    }
    ranking.line_of.emplace(person_id, row.line);
    ranking.rank_line.emplace(*rank, row.line);
    ranking.by_rank.emplace(*rank, person_id);
  }
  for (auto& [rater_id, ranking] : rankings) {
    if (!ranking.complete) continue;  // its rows' problems are reported already
    std::vector<std::string> missing;
    for (const model::Person* member : scope.TeamOf(rater_id)) {
      if (ranking.line_of.count(member->id) == 0) missing.push_back(member->id);
    }
    if (!missing.empty()) {
      diagnostics.Error(ranking.first, "incomplete-ranking",
                        fmt::format("{}'s ranking leaves out {}: every member of the team is "
                                    "ranked",
                                    rater_id, fmt::join(missing, ", ")));
    }
    int expected = 1;
    for (const auto& [rank, person] : ranking.by_rank) {
      if (rank != expected) {
        diagnostics.Error(
            {ranking.rank_line[rank], csv.ColumnOf("rank")}, "rank-gap",
            fmt::format("{}'s ranks skip {}: ranks run 1, 2, … without gaps", rater_id, expected));
        break;
      }
      ++expected;
    }
    model::StackRank stack{rater_id, {}};
    for (const auto& [rank, person] : ranking.by_rank) stack.people.push_back(person);
    plan.ranks.push_back(std::move(stack));
  }
  diagnostics.SortByLocation();
  if (!plan.ok()) plan.ranks.clear();
  return plan;
}

}  // namespace yardstick::review
