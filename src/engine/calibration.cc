#include "engine/calibration.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <deque>
#include <functional>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "engine/calibration_solver.h"

namespace yardstick::engine {
namespace {

using internal::DenseProblem;
using internal::PosteriorVariances;
using internal::Solver;
using internal::Variances;

/// Most people a single stack rank may list: a team's block is factored densely.
constexpr size_t kMaxStackRankSize = 1000;
/// Rank pairs used to estimate the rank noise: each person against the next few below them.
constexpr int kRankNoisePairReach = 8;
/// Monte Carlo samples per EM iteration: the traces sum over many people, so few suffice for a
/// large group; a small one gets more (they are cheap there) so its variance components are as
/// good as an exact REML fit's.
int VarianceSamples(int people) {
  return std::clamp(static_cast<int>(200000 / std::max(1, people)), 8, 64);
}

/// Dense indices for arbitrary string ids, in order of first appearance. Ids are found by their
/// 64-bit hash in a flat open-addressing table (a probe touches one cache line, where a node-based
/// map chased a pointer per lookup: a tenth of a small calibration went there), verified against
/// the id itself; an id whose hash another id already holds goes to an exact table instead.
class IdMap {
 public:
  int Intern(const std::string& id) {
    if (4 * (ids_.size() + 1) > 3 * slots_.size()) Grow(2 * ids_.size() + 16);
    const uint64_t hash = std::hash<std::string>{}(id);
    const int next = static_cast<int>(ids_.size());
    for (size_t slot = Home(hash);; slot = (slot + 1) & mask_) {
      Slot& entry = slots_[slot];
      if (entry.index < 0) {
        entry = {hash, next};
        break;
      }
      if (entry.hash != hash) continue;
      if (ids_[entry.index] == id) return entry.index;
      auto [exact, added] = collided_.try_emplace(id, next);
      if (!added) return exact->second;
      break;
    }
    ids_.push_back(id);
    return next;
  }
  void Reserve(size_t count) {
    Grow(count + count / 3 + 16);
    ids_.reserve(count);
  }
  [[nodiscard]] const std::string& Id(int index) const { return ids_[index]; }
  [[nodiscard]] int size() const { return static_cast<int>(ids_.size()); }

 private:
  struct Slot {
    uint64_t hash = 0;
    int index = -1;  ///< into ids_; −1 while free
  };
  /// Fibonacci hashing: the top bits of hash × 2⁶⁴/φ.
  [[nodiscard]] size_t Home(uint64_t hash) const {
    return static_cast<size_t>((hash * 0x9E3779B97F4A7C15ULL) >> shift_);
  }
  /// Makes room for at least |wanted| slots (a power of two) and puts every entry back.
  void Grow(size_t wanted) {
    if (wanted <= slots_.size()) return;
    size_t size = 16;
    int bits = 4;
    while (size < wanted) {
      size *= 2;
      ++bits;
    }
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(size));
    mask_ = size - 1;
    shift_ = 64 - bits;
    for (const Slot& entry : old) {
      if (entry.index < 0) continue;
      size_t slot = Home(entry.hash);
      while (slots_[slot].index >= 0) slot = (slot + 1) & mask_;
      slots_[slot] = entry;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  int shift_ = 60;  // set with the table by Grow
  std::unordered_map<std::string, int> collided_;
  std::vector<std::string> ids_;
};

/// The input on dense indices, with its rank lists.
struct Indexed {
  IdMap people;
  IdMap raters;
  DenseProblem problem;
  std::vector<int> list_rater;                ///< per stack rank, its rater
  std::vector<std::vector<int>> list_people;  ///< per stack rank, people best first
  std::vector<int> ratings_per_person;
};

std::string FormatValue(double value) { return fmt::format("{:g}", value); }

/// Refuses a person rated twice by the same rater: the ratings are grouped by person (counting
/// sort) and each person's few raters compared.
Status CheckOneRatingPerPair(const Indexed& indexed) {
  const DenseProblem& problem = indexed.problem;
  const int people = indexed.people.size();
  std::vector<int> offset(people + 1, 0);
  for (int person : problem.rating_person) ++offset[person + 1];
  for (int person = 0; person < people; ++person) offset[person + 1] += offset[person];
  std::vector<int> raters(problem.rating_rater.size());
  std::vector<int> fill(offset.begin(), offset.end() - 1);
  for (size_t k = 0; k < problem.rating_person.size(); ++k) {
    raters[fill[problem.rating_person[k]]++] = problem.rating_rater[k];
  }
  for (int person = 0; person < people; ++person) {
    auto first = raters.begin() + offset[person];
    auto last = raters.begin() + offset[person + 1];
    std::sort(first, last);
    auto twice = std::adjacent_find(first, last);
    if (twice != last) {
      return Status::InvalidArgument(
          fmt::format("{} rates {} twice; keep one rating per rater and person",
                      indexed.raters.Id(*twice), indexed.people.Id(person)));
    }
  }
  return Status::Ok();
}

Result<Indexed> IndexInput(const CalibrationInput& input) {
  Indexed out;
  DenseProblem& problem = out.problem;
  size_t ranked = 0;
  for (const StackRank& rank : input.ranks) ranked += rank.person_ids.size();
  out.people.Reserve(std::max(ranked, input.ratings.size()));
  out.raters.Reserve(input.ranks.size() + 16);
  problem.rating_person.reserve(input.ratings.size());
  problem.rating_rater.reserve(input.ratings.size());
  problem.rating_value.reserve(input.ratings.size());
  if (!(input.scale_min < input.scale_max)) {
    return Status::InvalidArgument(fmt::format("the scale's minimum {} is not below its maximum {}",
                                               FormatValue(input.scale_min),
                                               FormatValue(input.scale_max)));
  }
  for (const Rating& rating : input.ratings) {
    if (rating.person_id.empty() || rating.rater_id.empty()) {
      return Status::InvalidArgument("a rating has an empty person or rater id");
    }
    if (!std::isfinite(rating.value) || rating.value < input.scale_min ||
        rating.value > input.scale_max) {
      return Status::InvalidArgument(fmt::format("rating {} of {} by {} is outside the scale {}–{}",
                                                 FormatValue(rating.value), rating.person_id,
                                                 rating.rater_id, FormatValue(input.scale_min),
                                                 FormatValue(input.scale_max)));
    }
    if (rating.person_id == rating.rater_id) {
      return Status::InvalidArgument(
          fmt::format("{} rates themselves; a rater may not rate themselves", rating.rater_id));
    }
    problem.rating_person.push_back(out.people.Intern(rating.person_id));
    problem.rating_rater.push_back(out.raters.Intern(rating.rater_id));
    problem.rating_value.push_back(rating.value);
  }
  if (input.ratings.empty()) return Status::InvalidArgument("there are no ratings to calibrate");
  if (Status status = CheckOneRatingPerPair(out); !status.ok()) return status;
  std::vector<int> list_of_person(out.people.size(), -1);
  std::vector<char> rater_has_list(out.raters.size(), 0);
  for (const StackRank& rank : input.ranks) {
    if (rank.rater_id.empty()) return Status::InvalidArgument("a stack rank has an empty rater id");
    const int rater = out.raters.Intern(rank.rater_id);
    if (static_cast<size_t>(rater) >= rater_has_list.size()) rater_has_list.resize(rater + 1, 0);
    if (std::exchange(rater_has_list[rater], 1) != 0) {
      return Status::InvalidArgument(
          fmt::format("{} has two stack ranks; a rater ranks their team once", rank.rater_id));
    }
    if (rank.person_ids.size() > kMaxStackRankSize) {
      return Status::InvalidArgument(fmt::format("the stack rank of {} lists {} people; at most {}",
                                                 rank.rater_id, rank.person_ids.size(),
                                                 kMaxStackRankSize));
    }
    const int list = static_cast<int>(out.list_rater.size());
    out.list_rater.push_back(rater);
    out.list_people.emplace_back();
    for (const std::string& id : rank.person_ids) {
      if (id.empty()) return Status::InvalidArgument("a stack rank lists an empty person id");
      const int person = out.people.Intern(id);
      if (static_cast<size_t>(person) >= list_of_person.size()) {
        list_of_person.resize(person + 1, -1);
      }
      if (list_of_person[person] < 0) {
        list_of_person[person] = list;
      } else {
        const std::string& other = out.raters.Id(out.list_rater[list_of_person[person]]);
        return Status::InvalidArgument(
            other == rank.rater_id
                ? fmt::format("the stack rank of {} lists {} twice", rank.rater_id, id)
                : fmt::format("{} is in the stack ranks of both {} and {}; a person is ranked "
                              "only by their own rater",
                              id, other, rank.rater_id));
      }
      out.list_people.back().push_back(person);
    }
  }
  problem.people = out.people.size();
  problem.raters = out.raters.size();
  out.ratings_per_person.assign(problem.people, 0);
  for (int person : problem.rating_person) ++out.ratings_per_person[person];
  return out;
}

int FindRoot(std::vector<int>& parent, int node) {
  while (parent[node] != node) {
    parent[node] = parent[parent[node]];
    node = parent[node];
  }
  return node;
}

/// Per rater, the id of its connected group (raters linked through commonly rated people);
/// raters without ratings get −1.
std::vector<int> RaterGroups(const DenseProblem& problem) {
  std::vector<int> parent(problem.raters);
  for (int rater = 0; rater < problem.raters; ++rater) parent[rater] = rater;
  std::vector<int> first_rater(problem.people, -1);
  std::vector<char> has_ratings(problem.raters, 0);
  for (size_t k = 0; k < problem.rating_person.size(); ++k) {
    const int person = problem.rating_person[k];
    const int rater = problem.rating_rater[k];
    has_ratings[rater] = 1;
    if (first_rater[person] < 0) {
      first_rater[person] = rater;
    } else {
      const int a = FindRoot(parent, first_rater[person]);
      const int b = FindRoot(parent, rater);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  }
  std::vector<int> group(problem.raters, -1);
  for (int rater = 0; rater < problem.raters; ++rater) {
    if (has_ratings[rater]) group[rater] = FindRoot(parent, rater);
  }
  return group;
}

/// Marks every rater outside the largest connected group (most raters, then most ratings,
/// then first in the input) as fixed, and those without ratings.
void FixUnconnectedRaters(DenseProblem& problem, const std::vector<int>& group) {
  std::vector<int64_t> raters_in(problem.raters, 0);
  std::vector<int64_t> ratings_in(problem.raters, 0);
  for (int rater = 0; rater < problem.raters; ++rater) {
    if (group[rater] >= 0) ++raters_in[group[rater]];
  }
  for (int rater : problem.rating_rater) ++ratings_in[group[rater]];
  int main = -1;
  for (int root = 0; root < problem.raters; ++root) {
    if (raters_in[root] == 0) continue;
    if (main < 0 || raters_in[root] > raters_in[main] ||
        (raters_in[root] == raters_in[main] && ratings_in[root] > ratings_in[main])) {
      main = root;
    }
  }
  problem.rater_fixed.assign(problem.raters, 0);
  for (int rater = 0; rater < problem.raters; ++rater) {
    problem.rater_fixed[rater] = group[rater] != main ? 1 : 0;
  }
}

/// The ratings of a connected subset of about |limit| raters, grown breadth-first from the
/// rater with the most links, for estimating the variance components on a large group.
DenseProblem VarianceSubset(const DenseProblem& full, int limit) {
  DenseProblem sub;
  sub.rater_fixed.assign(full.raters, 0);
  if (limit <= 0 || full.raters <= limit) {
    sub = full;
    sub.rank_pairs.clear();
    sub.rater_fixed.assign(full.raters, 0);
    return sub;
  }
  // Rater graph: raters are linked when they rate the same person.
  std::vector<std::vector<int>> raters_of(full.people);
  for (size_t k = 0; k < full.rating_person.size(); ++k) {
    raters_of[full.rating_person[k]].push_back(full.rating_rater[k]);
  }
  std::vector<std::vector<int>> links(full.raters);
  for (const std::vector<int>& list : raters_of) {
    for (size_t a = 0; a < list.size(); ++a) {
      for (size_t b = 0; b < list.size(); ++b) {
        if (a != b) links[list[a]].push_back(list[b]);
      }
    }
  }
  int start = 0;
  for (int rater = 1; rater < full.raters; ++rater) {
    if (links[rater].size() > links[start].size()) start = rater;
  }
  std::vector<char> chosen(full.raters, 0);
  std::deque<int> queue{start};
  chosen[start] = 1;
  int count = 1;
  while (!queue.empty() && count < limit) {
    const int rater = queue.front();
    queue.pop_front();
    for (int next : links[rater]) {
      if (chosen[next] || count >= limit) continue;
      chosen[next] = 1;
      ++count;
      queue.push_back(next);
    }
  }
  std::vector<int> person_index(full.people, -1);
  std::vector<int> rater_index(full.raters, -1);
  for (size_t k = 0; k < full.rating_person.size(); ++k) {
    const int rater = full.rating_rater[k];
    if (!chosen[rater]) continue;
    int& person = person_index[full.rating_person[k]];
    if (person < 0) person = sub.people++;
    if (rater_index[rater] < 0) rater_index[rater] = sub.raters++;
    sub.rating_person.push_back(person);
    sub.rating_rater.push_back(rater_index[rater]);
    sub.rating_value.push_back(full.rating_value[k]);
  }
  sub.rater_fixed.assign(sub.raters, 0);
  return sub;
}

/// Method-of-moments starting values: total, within-rater and within-person spreads.
Variances MomentVariances(const DenseProblem& problem, double& mean) {
  const size_t count = problem.rating_value.size();
  double sum = 0;
  for (double value : problem.rating_value) sum += value;
  mean = sum / static_cast<double>(count);
  double total = 0;
  for (double value : problem.rating_value) total += (value - mean) * (value - mean);
  const double spread = std::max(total / std::max(1.0, static_cast<double>(count) - 1), 1e-6);
  auto pooled = [&](const std::vector<int>& key, int groups, bool& usable) {
    std::vector<double> group_sum(groups, 0.0);
    std::vector<double> group_count(groups, 0.0);
    for (size_t k = 0; k < count; ++k) {
      group_sum[key[k]] += problem.rating_value[k];
      group_count[key[k]] += 1;
    }
    double squares = 0;
    double freedom = 0;
    for (size_t k = 0; k < count; ++k) {
      const double deviation = problem.rating_value[k] - group_sum[key[k]] / group_count[key[k]];
      squares += deviation * deviation;
    }
    for (int g = 0; g < groups; ++g) freedom += std::max(0.0, group_count[g] - 1);
    usable = freedom > 0;
    return usable ? squares / freedom : 0.0;
  };
  bool rater_usable = false;
  bool person_usable = false;
  const double within_rater = pooled(problem.rating_rater, problem.raters, rater_usable);
  const double within_person = pooled(problem.rating_person, problem.people, person_usable);
  Variances variances;
  const double floor = 0.05 * spread;
  if (rater_usable && person_usable) {
    variances.sigma2 = std::clamp(within_rater + within_person - spread, floor, spread);
    variances.tau_p2 = std::max(within_rater - variances.sigma2, floor);
    variances.tau_r2 = std::max(within_person - variances.sigma2, floor);
  } else {
    const double within = rater_usable ? within_rater : spread;
    variances.sigma2 = std::max(within / 2, floor);
    variances.tau_p2 = std::max(within / 2, floor);
    variances.tau_r2 = std::max(spread - within, floor);
  }
  return variances;
}

/// REML-style EM for σ², τp², τr² on the ratings alone, accelerated by SQUAREM (Varadhan and
/// Roland 2008) on the logarithms of the variances: two EM steps, an extrapolation along them,
/// and one EM step from there, which keeps EM's monotone behaviour but needs far fewer steps.
Variances EstimateVariances(const DenseProblem& problem, const CalibrationOptions& options,
                            CalibrationStats& stats) {
  double mean = 0;
  const Variances start = MomentVariances(problem, mean);
  const double floor = 1e-6 * (start.sigma2 + start.tau_p2 + start.tau_r2);
  Solver solver(problem, options.threads, options.cg_tolerance, options.max_cg_iterations);
  solver.Reset(mean);
  const double count = static_cast<double>(problem.rating_value.size());
  using Point = std::array<double, 3>;  // log σ², log τp², log τr²
  auto to_variances = [](const Point& point) {
    Variances variances;
    variances.sigma2 = std::exp(point[0]);
    variances.tau_p2 = std::exp(point[1]);
    variances.tau_r2 = std::exp(point[2]);
    return variances;
  };
  int evaluations = 0;
  const int samples = VarianceSamples(problem.people);
  // One EM update: the mode and conditional variances at |point|, then the new variances.
  auto em_step = [&](const Point& point) {
    ++evaluations;
    const Variances variances = to_variances(point);
    solver.SetVariances(variances);
    solver.Newton(options.max_newton_steps, options.newton_tolerance);
    const PosteriorVariances posterior = solver.Posterior(samples, options.seed);
    double theta_squares = 0;
    double theta_trace = 0;
    for (int person = 0; person < problem.people; ++person) {
      theta_squares += solver.theta()[person] * solver.theta()[person];
      theta_trace += posterior.theta_var[person];
    }
    double leniency_squares = 0;
    double leniency_trace = 0;
    for (int rater = 0; rater < problem.raters; ++rater) {
      leniency_squares += solver.leniency()[rater] * solver.leniency()[rater];
      leniency_trace += posterior.leniency_var[rater];
    }
    const double effective = problem.people + problem.raters + 1 - theta_trace / variances.tau_p2 -
                             leniency_trace / variances.tau_r2;
    const double sigma2 = (solver.ResidualSumOfSquares() + variances.sigma2 * effective) / count;
    return Point{std::log(std::max(floor, sigma2)),
                 std::log(std::max(floor, (theta_squares + theta_trace) / problem.people)),
                 std::log(std::max(floor, (leniency_squares + leniency_trace) / problem.raters))};
  };
  auto distance = [](const Point& a, const Point& b) {
    return std::max({std::abs(a[0] - b[0]), std::abs(a[1] - b[1]), std::abs(a[2] - b[2])});
  };
  Point current{std::log(start.sigma2), std::log(start.tau_p2), std::log(start.tau_r2)};
  while (evaluations < options.max_variance_iterations) {
    const Point first = em_step(current);
    if (distance(first, current) < options.variance_tolerance) {
      current = first;
      break;
    }
    const Point second = em_step(first);
    Point step;
    Point curve;
    double step_norm = 0;
    double curve_norm = 0;
    for (int k = 0; k < 3; ++k) {
      step[k] = first[k] - current[k];
      curve[k] = second[k] - first[k] - step[k];
      step_norm += step[k] * step[k];
      curve_norm += curve[k] * curve[k];
    }
    Point next = second;
    if (curve_norm > 0) {
      const double alpha = std::min(-1.0, -std::sqrt(step_norm / curve_norm));
      Point extrapolated;
      bool finite = true;
      for (int k = 0; k < 3; ++k) {
        extrapolated[k] = current[k] - 2 * alpha * step[k] + alpha * alpha * curve[k];
        // Keep the extrapolation within a factor of e³ of where EM went.
        extrapolated[k] = std::clamp(extrapolated[k], second[k] - 3, second[k] + 3);
        finite = finite && std::isfinite(extrapolated[k]);
      }
      if (finite) next = em_step(extrapolated);
    }
    const double change = distance(next, current);
    current = next;
    if (change < options.variance_tolerance) break;
  }
  stats.variance_iterations = evaluations;
  stats.cg_iterations += solver.cg_iterations();
  return to_variances(current);
}

/// Rank noise s by one-dimensional maximum likelihood: for pairs within a stack rank, the
/// ratings-only fit predicts P(higher above lower) = Φ(Δθ̂ / √(v_h + v_l + 2s²)).
double EstimateRankNoise(const Indexed& indexed, const std::vector<double>& theta,
                         const std::vector<double>& within, double tau_p, size_t max_pairs) {
  size_t pairs = 0;
  for (const std::vector<int>& list : indexed.list_people) {
    for (size_t a = 0; a < list.size(); ++a) {
      pairs += std::min(list.size() - a - 1, size_t{kRankNoisePairReach});
    }
  }
  // Every stride-th pair: a one-dimensional estimate needs no more than |max_pairs|.
  const size_t stride = std::max<size_t>(1, pairs / std::max<size_t>(1, max_pairs));
  std::vector<double> difference;
  std::vector<double> variance;
  size_t index = 0;
  for (const std::vector<int>& list : indexed.list_people) {
    for (size_t a = 0; a < list.size(); ++a) {
      for (size_t b = a + 1; b < list.size() && b <= a + kRankNoisePairReach; ++b) {
        if (index++ % stride != 0) continue;
        difference.push_back(theta[list[a]] - theta[list[b]]);
        variance.push_back(within[list[a]] + within[list[b]]);
      }
    }
  }
  auto log_likelihood = [&](double log_s) {
    const double s2 = std::exp(2 * log_s);
    double sum = 0;
    for (size_t k = 0; k < difference.size(); ++k) {
      const double z = difference[k] / std::sqrt(variance[k] + 2 * s2);
      sum += std::log(0.5 * std::erfc(-z / std::sqrt(2.0)) + 1e-300);
    }
    return sum;
  };
  // Golden-section search on log s between 5% and 10× the performance spread.
  double low = std::log(0.05 * tau_p);
  double high = std::log(10 * tau_p);
  const double ratio = (std::sqrt(5.0) - 1) / 2;
  double x1 = high - ratio * (high - low);
  double x2 = low + ratio * (high - low);
  double f1 = log_likelihood(x1);
  double f2 = log_likelihood(x2);
  for (int iteration = 0; iteration < 40; ++iteration) {
    if (f1 > f2) {
      high = x2;
      x2 = x1;
      f2 = f1;
      x1 = high - ratio * (high - low);
      f1 = log_likelihood(x1);
    } else {
      low = x1;
      x1 = x2;
      f1 = f2;
      x2 = low + ratio * (high - low);
      f2 = log_likelihood(x2);
    }
  }
  return std::exp((low + high) / 2);
}

/// Adjacent pairs (higher, lower) of every stack rank.
std::vector<std::array<int, 2>> RankPairs(const Indexed& indexed) {
  std::vector<std::array<int, 2>> pairs;
  for (const std::vector<int>& list : indexed.list_people) {
    for (size_t k = 0; k + 1 < list.size(); ++k) pairs.push_back({list[k], list[k + 1]});
  }
  return pairs;
}

void ReportIssues(const Indexed& indexed, const std::vector<int>& group,
                  CalibrationResult& result) {
  const DenseProblem& problem = indexed.problem;
  for (int rater = 0; rater < problem.raters; ++rater) {
    if (!problem.rater_fixed[rater]) continue;
    CalibrationIssue issue;
    issue.kind = CalibrationIssueKind::kUnconnectedRater;
    issue.rater_id = indexed.raters.Id(rater);
    issue.rater_has_ratings = group[rater] >= 0;
    result.issues.push_back(std::move(issue));
  }
  // Contradictions: the rater ranks a above b but grades a lower. Ratings by person (CSR).
  std::vector<int> offset(problem.people + 1, 0);
  for (int person : problem.rating_person) ++offset[person + 1];
  for (int person = 0; person < problem.people; ++person) offset[person + 1] += offset[person];
  std::vector<int> by_person(problem.rating_person.size());
  {
    std::vector<int> fill(offset.begin(), offset.end() - 1);
    for (size_t k = 0; k < problem.rating_person.size(); ++k) {
      by_person[fill[problem.rating_person[k]]++] = static_cast<int>(k);
    }
  }
  for (size_t list = 0; list < indexed.list_people.size(); ++list) {
    const int rater = indexed.list_rater[list];
    const std::vector<int>& people = indexed.list_people[list];
    std::vector<double> own(people.size(), NAN);
    for (size_t k = 0; k < people.size(); ++k) {
      for (int slot = offset[people[k]]; slot < offset[people[k] + 1]; ++slot) {
        if (problem.rating_rater[by_person[slot]] == rater) {
          own[k] = problem.rating_value[by_person[slot]];
        }
      }
    }
    for (size_t a = 0; a < people.size(); ++a) {
      for (size_t b = a + 1; b < people.size(); ++b) {
        if (!(own[a] < own[b])) continue;  // NaN (not graded) never contradicts
        CalibrationIssue issue;
        issue.kind = CalibrationIssueKind::kRankContradictsRating;
        issue.rater_id = indexed.raters.Id(rater);
        issue.person_id = indexed.people.Id(people[a]);
        issue.other_person_id = indexed.people.Id(people[b]);
        issue.position = static_cast<int>(a) + 1;
        issue.other_position = static_cast<int>(b) + 1;
        issue.grade = own[a];
        issue.other_grade = own[b];
        result.issues.push_back(std::move(issue));
      }
    }
  }
  for (int person = 0; person < problem.people; ++person) {
    if (indexed.ratings_per_person[person] > 0) continue;
    CalibrationIssue issue;
    issue.kind = CalibrationIssueKind::kUnratedPerson;
    issue.person_id = indexed.people.Id(person);
    result.issues.push_back(std::move(issue));
  }
}

/// Seconds since the last call (or construction).
class Stopwatch {
 public:
  double Lap() {
    const auto now = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return seconds;
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

int AutoSamples(int people) {
  return std::clamp(static_cast<int>(2e6 / std::max(1, people)), 32, 100);
}

}  // namespace

std::string DescribeIssue(const CalibrationIssue& issue) {
  switch (issue.kind) {
    case CalibrationIssueKind::kUnconnectedRater:
      return issue.rater_has_ratings
                 ? fmt::format(
                       "{} is not connected to the other raters through any benchmark "
                       "person; leniency cannot be estimated and is fixed at 0 (their "
                       "grades are taken as they are)",
                       issue.rater_id)
                 : fmt::format("{} has no ratings; leniency not estimated (fixed at 0)",
                               issue.rater_id);
    case CalibrationIssueKind::kRankContradictsRating:
      return fmt::format("{} ranks {} (#{}) above {} (#{}) but grades them {} and {}",
                         issue.rater_id, issue.person_id, issue.position, issue.other_person_id,
                         issue.other_position, FormatValue(issue.grade),
                         FormatValue(issue.other_grade));
    case CalibrationIssueKind::kUnratedPerson:
      return fmt::format(
          "{} has no rating; estimated from their stack rank and the group's spread only",
          issue.person_id);
  }
  return {};
}

Result<CalibrationResult> Calibrate(const CalibrationInput& input,
                                    const CalibrationOptions& options) {
  Stopwatch stopwatch;
  Result<Indexed> indexed_or = IndexInput(input);
  if (!indexed_or.ok()) return indexed_or.status();
  Indexed& indexed = *indexed_or;
  DenseProblem& problem = indexed.problem;
  const std::vector<int> group = RaterGroups(problem);
  FixUnconnectedRaters(problem, group);

  CalibrationResult result;
  result.stats.index_seconds = stopwatch.Lap();
  // 1. Variance components on the ratings alone (REML-style EM), on a subset when large; or as
  // given.
  Variances variances;
  if (const std::optional<VarianceComponents>& known = options.known_variances) {
    for (double spread : {known->performance_sd, known->leniency_sd, known->rating_noise_sd}) {
      if (!(spread > 0) || !std::isfinite(spread)) {
        return Status::InvalidArgument(
            "known variance components need positive, finite performance, leniency and rating "
            "noise spreads");
      }
    }
    variances.sigma2 = known->rating_noise_sd * known->rating_noise_sd;
    variances.tau_p2 = known->performance_sd * known->performance_sd;
    variances.tau_r2 = known->leniency_sd * known->leniency_sd;
  } else {
    const DenseProblem subset = VarianceSubset(problem, options.variance_subset_raters);
    result.stats.variance_subset_raters = subset.raters;
    variances = EstimateVariances(subset, options, result.stats);
  }
  result.stats.variance_seconds = stopwatch.Lap();

  // 2. The ratings-only fit of the whole group: the answer without ranks, the start with them.
  // One solver serves both fits: with the rank noise at 0 it ignores the rank pairs, and its
  // teams and rater-level pattern (the costly part of building it) are those the second fit
  // needs.
  if (options.use_ranks) problem.rank_pairs = RankPairs(indexed);
  double start_mean = 0;
  MomentVariances(problem, start_mean);
  Solver solver(problem, options.threads, options.cg_tolerance, options.max_cg_iterations);
  solver.SetVariances(variances);
  solver.Reset(start_mean);
  result.stats.newton_steps += solver.Newton(options.max_newton_steps, options.newton_tolerance);
  result.stats.ratings_fit_seconds = stopwatch.Lap();

  // 3. With stack ranks: estimate the rank noise, then refit from the ratings-only mode.
  if (!problem.rank_pairs.empty()) {
    if (options.known_variances && options.known_variances->rank_noise_sd > 0) {
      variances.rank_s = options.known_variances->rank_noise_sd;
    } else {
      std::vector<double> within(problem.people);
      for (int person = 0; person < problem.people; ++person) {
        within[person] =
            1 / (indexed.ratings_per_person[person] / variances.sigma2 + 1 / variances.tau_p2);
      }
      variances.rank_s =
          EstimateRankNoise(indexed, solver.theta(), within, std::sqrt(variances.tau_p2),
                            static_cast<size_t>(std::max(1, options.rank_noise_pairs)));
    }
    solver.SetVariances(variances);
    result.stats.newton_steps += solver.Newton(options.max_newton_steps, options.newton_tolerance);
  }

  result.stats.ranks_fit_seconds = stopwatch.Lap();

  // 4. Standard errors at the mode.
  const int samples = options.se_samples > 0 ? options.se_samples : AutoSamples(problem.people);
  result.stats.se_samples = samples;
  const PosteriorVariances posterior = solver.Posterior(samples, options.seed + 1);
  result.stats.cg_iterations += solver.cg_iterations();

  result.variance = {solver.mean(), std::sqrt(variances.tau_p2), std::sqrt(variances.tau_r2),
                     std::sqrt(variances.sigma2), variances.rank_s};
  result.people.resize(problem.people);
  for (int person = 0; person < problem.people; ++person) {
    PersonEstimate& estimate = result.people[person];
    estimate.person_id = indexed.people.Id(person);
    estimate.level = solver.mean() + solver.theta()[person];
    estimate.se = std::sqrt(posterior.level_var[person]);
    estimate.ratings = indexed.ratings_per_person[person];
  }
  std::vector<int> ratings_by_rater(problem.raters, 0);
  for (int rater : problem.rating_rater) ++ratings_by_rater[rater];
  result.raters.resize(problem.raters);
  for (int rater = 0; rater < problem.raters; ++rater) {
    RaterEstimate& estimate = result.raters[rater];
    estimate.rater_id = indexed.raters.Id(rater);
    estimate.leniency = solver.leniency()[rater];
    estimate.se = std::sqrt(posterior.leniency_var[rater]);
    estimate.ratings = ratings_by_rater[rater];
    estimate.connected = problem.rater_fixed[rater] == 0;
  }
  result.stats.se_seconds = stopwatch.Lap();
  ReportIssues(indexed, group, result);
  result.stats.issues_seconds = stopwatch.Lap();
  return result;
}

}  // namespace yardstick::engine
