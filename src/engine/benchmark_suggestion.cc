#include "engine/benchmark_suggestion.h"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace yardstick::engine {
namespace {

class RaterGroups {
 public:
  int Add(const std::string& rater) {
    auto [it, inserted] = index_.try_emplace(rater, static_cast<int>(ids_.size()));
    if (inserted) {
      ids_.push_back(rater);
      parent_.push_back(it->second);
    }
    return it->second;
  }
  int Root(int node) {
    while (parent_[node] != node) node = parent_[node] = parent_[parent_[node]];
    return node;
  }
  void Join(int a, int b) {
    a = Root(a);
    b = Root(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }
  [[nodiscard]] int size() const { return static_cast<int>(ids_.size()); }
  [[nodiscard]] const std::string& Id(int node) const { return ids_[node]; }

 private:
  std::unordered_map<std::string, int> index_;
  std::vector<std::string> ids_;
  std::vector<int> parent_;
};

}  // namespace

std::vector<BenchmarkSuggestion> SuggestBenchmarks(const std::vector<StackRank>& teams,
                                                   const std::vector<Rating>& ratings,
                                                   int max_suggestions) {
  RaterGroups groups;
  std::unordered_map<int, const StackRank*> team_of;  // rater → their largest stack rank
  for (const StackRank& team : teams) {
    const int rater = groups.Add(team.rater_id);
    auto [it, inserted] = team_of.try_emplace(rater, &team);
    if (!inserted && team.person_ids.size() > it->second->person_ids.size()) it->second = &team;
  }
  std::unordered_map<std::string, int> first_rater;
  for (const Rating& rating : ratings) {
    const int rater = groups.Add(rating.rater_id);
    auto [it, inserted] = first_rater.try_emplace(rating.person_id, rater);
    if (!inserted) groups.Join(it->second, rater);
  }
  // Members of each group, groups largest first (ties: first seen).
  std::vector<std::vector<int>> members(groups.size());
  for (int rater = 0; rater < groups.size(); ++rater) members[groups.Root(rater)].push_back(rater);
  std::vector<int> order;
  for (int root = 0; root < groups.size(); ++root) {
    if (!members[root].empty()) order.push_back(root);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return members[a].size() > members[b].size(); });
  std::vector<BenchmarkSuggestion> suggestions;
  if (order.size() < 2) return suggestions;
  // The middle person of the largest team among |raters|, or nullptr.
  auto middle_person = [&](const std::vector<int>& raters) -> const std::string* {
    const StackRank* best = nullptr;
    for (int rater : raters) {
      auto it = team_of.find(rater);
      if (it == team_of.end() || it->second->person_ids.empty()) continue;
      if (best == nullptr || it->second->person_ids.size() > best->person_ids.size()) {
        best = it->second;
      }
    }
    return best == nullptr ? nullptr : &best->person_ids[(best->person_ids.size() - 1) / 2];
  };
  // Raters asked in turn; each group joined joins the rotation, so the links form a tree rather
  // than a star around one rater.
  std::vector<int> main_raters = members[order[0]];
  size_t next_main_rater = 0;
  for (size_t k = 1; k < order.size(); ++k) {
    if (max_suggestions >= 0 && static_cast<int>(suggestions.size()) >= max_suggestions) break;
    const std::vector<int>& group = members[order[k]];
    BenchmarkSuggestion suggestion;
    suggestion.raters_connected = static_cast<int>(group.size());
    if (const std::string* person = middle_person(group)) {
      suggestion.person_id = *person;
      suggestion.rater_id = groups.Id(main_raters[next_main_rater++ % main_raters.size()]);
    } else if (const std::string* main_person = middle_person(main_raters)) {
      suggestion.person_id = *main_person;
      suggestion.rater_id = groups.Id(group.front());
    } else {
      continue;  // neither side has a team to draw a person from
    }
    suggestions.push_back(std::move(suggestion));
    main_raters.insert(main_raters.end(), group.begin(), group.end());
  }
  return suggestions;
}

}  // namespace yardstick::engine
