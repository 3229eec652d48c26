#include "engine/calibration_solver.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <thread>

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <Eigen/SparseCore>

#include "engine/random.h"

namespace yardstick::engine::internal {
namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;
using MatrixMap = Eigen::Map<MatrixXd>;
using ConstMatrixMap = Eigen::Map<const MatrixXd>;
using RowMajorSparse = Eigen::SparseMatrix<double, Eigen::RowMajor, int>;

constexpr double kSqrt2 = 1.4142135623730951;
/// Worker threads are used only for groups of at least twice this many people.
constexpr int kMinPeoplePerThread = 50000;
constexpr double kInvSqrt2Pi = 0.3989422804014327;

/// Runs fn(begin, end) over [0, count) split into |threads| contiguous ranges.
template <typename Fn>
void ParallelFor(int threads, size_t count, const Fn& fn) {
  if (threads <= 1 || count < 1024) {
    fn(size_t{0}, count, 0);
    return;
  }
  std::vector<std::thread> workers;
  const size_t chunk = (count + threads - 1) / threads;
  for (int t = 1; t < threads; ++t) {
    const size_t begin = std::min(count, t * chunk);
    const size_t end = std::min(count, begin + chunk);
    workers.emplace_back([&fn, begin, end, t] { fn(begin, end, t); });
  }
  fn(size_t{0}, std::min(count, chunk), 0);
  for (std::thread& worker : workers) worker.join();
}

/// log Φ(z), accurate in the far left tail.
double LogNormalCdf(double z) {
  if (z > -30) return std::log(0.5 * std::erfc(-z / kSqrt2));
  const double x = -z;
  return -0.5 * x * x - std::log(x) + std::log(kInvSqrt2Pi) +
         std::log1p(-1 / (x * x) + 3 / (x * x * x * x));
}

/// The inverse Mills ratio φ(z) / Φ(z).
double InverseMills(double z) {
  if (z > -30) return kInvSqrt2Pi * std::exp(-0.5 * z * z) / (0.5 * std::erfc(-z / kSqrt2));
  const double x = -z;
  return x / (1 - 1 / (x * x) + 3 / (x * x * x * x));
}

int Find(std::vector<int>& parent, int node) {
  while (parent[node] != node) {
    parent[node] = parent[parent[node]];
    node = parent[node];
  }
  return node;
}

}  // namespace

struct Solver::Impl {
  const DenseProblem& problem;
  int threads;
  double cg_tolerance;
  int max_cg_iterations;
  Variances variances;

  int people = 0;
  int raters = 0;
  int mu = 0;  ///< rater-level index of the mean (= raters)

  // Ratings by person (CSR): rater and value.
  std::vector<int> person_rating_offset;
  std::vector<int> person_rating_rater;
  std::vector<double> person_rating_value;
  std::vector<double> ratings_by_rater;  ///< per rater, how many ratings

  // Teams (blocks of people tied by rank pairs).
  int teams = 0;
  std::vector<int> team_offset;               ///< into team_people
  std::vector<int> team_people;               ///< people, grouped by team
  std::vector<int> person_team;               ///< team of each person
  std::vector<int> person_local;              ///< index of each person within their team
  std::vector<int> team_rater_offset;         ///< into team_raters
  std::vector<int> team_raters;               ///< rater-level indices a team touches, μ last
  std::vector<int64_t> team_square_offset;    ///< into A storage (n²)
  std::vector<int64_t> team_coupling_offset;  ///< into B/C storage (n·m)
  std::vector<int64_t> team_schur_offset;     ///< into team_schur_pos (m²)
  std::vector<int> team_schur_pos;            ///< position in S's values, −1 for fixed raters
  std::vector<int> team_pair_offset;          ///< into team_pairs
  std::vector<int> team_pairs;                ///< global pair indices, grouped by team
  std::vector<double> coupling_counts;        ///< B·σ²: ratings of person by rater (n × m)

  // The rater-level system S, pattern fixed at construction (CSR).
  std::vector<int> schur_outer;
  std::vector<int> schur_inner;
  std::vector<double> schur_values;
  std::vector<int> schur_diag_pos;
  std::vector<int> rater_mu_pos;  ///< (j, μ) position per rater, −1 when none
  std::vector<int> mu_rater_pos;  ///< (μ, j) position per rater, −1 when none

  // Factors at the point where they were last built.
  std::vector<double> factor_storage;   ///< L of each team's A (n × n, column-major)
  std::vector<double> solved_coupling;  ///< C = A⁻¹ B (n × m)
  bool factors_valid = false;

  // The current point.
  std::vector<double> theta;
  std::vector<double> leniency;
  double mean = 0;
  std::vector<double> pair_weight;  ///< φ''(d) per pair at the current point
  long cg_iterations = 0;

  Impl(const DenseProblem& problem_in, int threads_in, double tolerance, int max_iterations)
      : problem(problem_in),
        // Below this size a second thread costs more than it saves (and on a busy machine,
        // waiting for it to be scheduled costs most).
        threads(problem_in.people >= kMinPeoplePerThread * 2 ? std::max(1, threads_in) : 1),
        cg_tolerance(tolerance),
        max_cg_iterations(max_iterations) {
    people = problem.people;
    raters = problem.raters;
    mu = raters;
    theta.assign(people, 0.0);
    leniency.assign(raters, 0.0);
    pair_weight.assign(problem.rank_pairs.size(), 0.0);
    IndexRatings();
    BuildTeams();
    BuildSchurPattern();
  }

  bool Fixed(int rater) const { return rater < raters && problem.rater_fixed[rater] != 0; }

  void IndexRatings() {
    const size_t count = problem.rating_person.size();
    person_rating_offset.assign(people + 1, 0);
    ratings_by_rater.assign(raters, 0.0);
    for (size_t k = 0; k < count; ++k) {
      ++person_rating_offset[problem.rating_person[k] + 1];
      ratings_by_rater[problem.rating_rater[k]] += 1;
    }
    std::partial_sum(person_rating_offset.begin(), person_rating_offset.end(),
                     person_rating_offset.begin());
    person_rating_rater.resize(count);
    person_rating_value.resize(count);
    std::vector<int> fill(person_rating_offset.begin(), person_rating_offset.end() - 1);
    for (size_t k = 0; k < count; ++k) {
      const int slot = fill[problem.rating_person[k]]++;
      person_rating_rater[slot] = problem.rating_rater[k];
      person_rating_value[slot] = problem.rating_value[k];
    }
  }

  void BuildTeams() {
    std::vector<int> parent(people);
    std::iota(parent.begin(), parent.end(), 0);
    for (const auto& pair : problem.rank_pairs) {
      const int a = Find(parent, pair[0]);
      const int b = Find(parent, pair[1]);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
    person_team.assign(people, -1);
    std::vector<int> root_team(people, -1);
    teams = 0;
    for (int person = 0; person < people; ++person) {
      const int root = Find(parent, person);
      if (root_team[root] < 0) root_team[root] = teams++;
      person_team[person] = root_team[root];
    }
    team_offset.assign(teams + 1, 0);
    for (int person = 0; person < people; ++person) ++team_offset[person_team[person] + 1];
    std::partial_sum(team_offset.begin(), team_offset.end(), team_offset.begin());
    team_people.resize(people);
    person_local.resize(people);
    std::vector<int> fill(team_offset.begin(), team_offset.end() - 1);
    for (int person = 0; person < people; ++person) {
      const int team = person_team[person];
      person_local[person] = fill[team] - team_offset[team];
      team_people[fill[team]++] = person;
    }
    // Pairs by team.
    team_pair_offset.assign(teams + 1, 0);
    for (const auto& pair : problem.rank_pairs) ++team_pair_offset[person_team[pair[0]] + 1];
    std::partial_sum(team_pair_offset.begin(), team_pair_offset.end(), team_pair_offset.begin());
    team_pairs.resize(problem.rank_pairs.size());
    std::vector<int> pair_fill(team_pair_offset.begin(), team_pair_offset.end() - 1);
    for (size_t p = 0; p < problem.rank_pairs.size(); ++p) {
      team_pairs[pair_fill[person_team[problem.rank_pairs[p][0]]]++] = static_cast<int>(p);
    }
    // The raters each team touches (μ last), and the rating counts B·σ².
    team_rater_offset.assign(teams + 1, 0);
    team_square_offset.assign(teams + 1, 0);
    team_coupling_offset.assign(teams + 1, 0);
    team_schur_offset.assign(teams + 1, 0);
    std::vector<int> local;
    for (int team = 0; team < teams; ++team) {
      local.clear();
      for (int slot = team_offset[team]; slot < team_offset[team + 1]; ++slot) {
        const int person = team_people[slot];
        for (int k = person_rating_offset[person]; k < person_rating_offset[person + 1]; ++k) {
          local.push_back(person_rating_rater[k]);
        }
      }
      std::sort(local.begin(), local.end());
      local.erase(std::unique(local.begin(), local.end()), local.end());
      local.push_back(mu);
      team_raters.insert(team_raters.end(), local.begin(), local.end());
      const int64_t n = team_offset[team + 1] - team_offset[team];
      const int64_t m = static_cast<int64_t>(local.size());
      team_rater_offset[team + 1] = static_cast<int>(team_raters.size());
      team_square_offset[team + 1] = team_square_offset[team] + n * n;
      team_coupling_offset[team + 1] = team_coupling_offset[team] + n * m;
      team_schur_offset[team + 1] = team_schur_offset[team] + m * m;
    }
    coupling_counts.assign(team_coupling_offset[teams], 0.0);
    for (int team = 0; team < teams; ++team) {
      const int* first = team_raters.data() + team_rater_offset[team];
      const int* last = team_raters.data() + team_rater_offset[team + 1];
      const int n = team_offset[team + 1] - team_offset[team];
      MatrixMap counts(coupling_counts.data() + team_coupling_offset[team], n, last - first);
      for (int slot = team_offset[team]; slot < team_offset[team + 1]; ++slot) {
        const int person = team_people[slot];
        const int row = slot - team_offset[team];
        for (int k = person_rating_offset[person]; k < person_rating_offset[person + 1]; ++k) {
          const int column =
              static_cast<int>(std::lower_bound(first, last, person_rating_rater[k]) - first);
          counts(row, column) += 1;
          counts(row, last - first - 1) += 1;  // μ
        }
      }
    }
    factor_storage.assign(team_square_offset[teams], 0.0);
    solved_coupling.assign(team_coupling_offset[teams], 0.0);
  }

  /// Position of (row, column) in the CSR pattern, or −1.
  int Position(int row, int column) const {
    const int* first = schur_inner.data() + schur_outer[row];
    const int* last = schur_inner.data() + schur_outer[row + 1];
    const int* found = std::lower_bound(first, last, column);
    return (found != last && *found == column) ? static_cast<int>(found - schur_inner.data()) : -1;
  }

  void BuildSchurPattern() {
    const int size = raters + 1;
    // The columns of each row (the diagonal, and every rater sharing a team), gathered row by
    // row and each row's few sorted on their own: one sort of all of them cost a tenth of a
    // policy-lab cycle.
    const auto each_entry = [&](const auto& visit) {
      for (int row = 0; row < size; ++row) visit(row, row);
      for (int team = 0; team < teams; ++team) {
        for (int a = team_rater_offset[team]; a < team_rater_offset[team + 1]; ++a) {
          if (Fixed(team_raters[a])) continue;
          for (int b = team_rater_offset[team]; b < team_rater_offset[team + 1]; ++b) {
            if (!Fixed(team_raters[b])) visit(team_raters[a], team_raters[b]);
          }
        }
      }
    };
    std::vector<int> start(size + 1, 0);
    each_entry([&](int row, int) { ++start[row + 1]; });
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<int> columns(start[size]);
    std::vector<int> fill(start.begin(), start.end() - 1);
    each_entry([&](int row, int column) { columns[fill[row]++] = column; });
    schur_outer.assign(size + 1, 0);
    schur_inner.clear();
    schur_inner.reserve(columns.size());
    for (int row = 0; row < size; ++row) {
      const auto first = columns.begin() + start[row];
      const auto last = columns.begin() + start[row + 1];
      std::sort(first, last);
      schur_inner.insert(schur_inner.end(), first, std::unique(first, last));
      schur_outer[row + 1] = static_cast<int>(schur_inner.size());
    }
    schur_values.assign(schur_inner.size(), 0.0);
    schur_diag_pos.resize(size);
    for (int row = 0; row < size; ++row) schur_diag_pos[row] = Position(row, row);
    rater_mu_pos.assign(raters, -1);
    mu_rater_pos.assign(raters, -1);
    for (int rater = 0; rater < raters; ++rater) {
      if (Fixed(rater)) continue;
      rater_mu_pos[rater] = Position(rater, mu);
      mu_rater_pos[rater] = Position(mu, rater);
    }
    team_schur_pos.resize(team_schur_offset[teams]);
    for (int team = 0; team < teams; ++team) {
      const int first = team_rater_offset[team];
      const int m = team_rater_offset[team + 1] - first;
      for (int b = 0; b < m; ++b) {
        for (int a = 0; a < m; ++a) {
          const int row = team_raters[first + a];
          const int column = team_raters[first + b];
          team_schur_pos[team_schur_offset[team] + int64_t{b} * m + a] =
              (Fixed(row) || Fixed(column)) ? -1 : Position(row, column);
        }
      }
    }
  }

  // --- The objective and its derivatives -------------------------------------------------

  bool UsesRanks() const { return variances.rank_s > 0 && !problem.rank_pairs.empty(); }

  double Residual(int slot, int person, const std::vector<double>& th,
                  const std::vector<double>& len, double mean_value) const {
    const int rater = person_rating_rater[slot];
    return person_rating_value[slot] - mean_value - th[person] - len[rater];
  }

  double Objective(const std::vector<double>& th, const std::vector<double>& len,
                   double mean_value) const {
    double value = 0;
    for (int person = 0; person < people; ++person) {
      for (int k = person_rating_offset[person]; k < person_rating_offset[person + 1]; ++k) {
        const double r = Residual(k, person, th, len, mean_value);
        value += r * r / (2 * variances.sigma2);
      }
      value += th[person] * th[person] / (2 * variances.tau_p2);
    }
    for (int rater = 0; rater < raters; ++rater) {
      value += len[rater] * len[rater] / (2 * variances.tau_r2);
    }
    if (UsesRanks()) {
      const double scale = kSqrt2 * variances.rank_s;
      for (const auto& pair : problem.rank_pairs) {
        value -= LogNormalCdf((th[pair[0]] - th[pair[1]]) / scale);
      }
    }
    return value;
  }

  /// Gradient at the current point (θ part and rater-level part); updates the pair weights.
  void Gradient(VectorXd& grad_theta, VectorXd& grad_rater) {
    grad_theta.setZero(people);
    grad_rater.setZero(raters + 1);
    const double inv_sigma2 = 1 / variances.sigma2;
    for (int person = 0; person < people; ++person) {
      double sum = 0;
      for (int k = person_rating_offset[person]; k < person_rating_offset[person + 1]; ++k) {
        const double r = Residual(k, person, theta, leniency, mean) * inv_sigma2;
        sum += r;
        grad_rater[person_rating_rater[k]] -= r;
      }
      grad_theta[person] = -sum + theta[person] / variances.tau_p2;
      grad_rater[mu] -= sum;
    }
    for (int rater = 0; rater < raters; ++rater) {
      grad_rater[rater] = Fixed(rater) ? 0 : grad_rater[rater] + leniency[rater] / variances.tau_r2;
    }
    if (!UsesRanks()) return;
    const double scale = kSqrt2 * variances.rank_s;
    for (size_t p = 0; p < problem.rank_pairs.size(); ++p) {
      const auto& pair = problem.rank_pairs[p];
      const double z = (theta[pair[0]] - theta[pair[1]]) / scale;
      const double lambda = InverseMills(z);
      const double slope = -lambda / scale;
      grad_theta[pair[0]] += slope;
      grad_theta[pair[1]] -= slope;
      pair_weight[p] = lambda * (lambda + z) / (scale * scale);
    }
  }

  // --- Team elimination ------------------------------------------------------------------

  /// Builds and factors every team's block at the current point and assembles S.
  void Assemble() {
    const double inv_sigma2 = 1 / variances.sigma2;
    const bool ranks = UsesRanks();
    const size_t nnz = schur_values.size();
    std::vector<std::vector<double>> partial(threads);
    ParallelFor(threads, static_cast<size_t>(teams), [&](size_t begin, size_t end, int thread) {
      std::vector<double>& values = partial[thread];
      values.assign(nnz, 0.0);
      MatrixXd block;
      for (size_t team = begin; team < end; ++team) {
        const int first = team_offset[team];
        const int n = team_offset[team + 1] - first;
        const int m = team_rater_offset[team + 1] - team_rater_offset[team];
        MatrixMap factor(factor_storage.data() + team_square_offset[team], n, n);
        factor.setZero();
        for (int local = 0; local < n; ++local) {
          const int person = team_people[first + local];
          const int count = person_rating_offset[person + 1] - person_rating_offset[person];
          factor(local, local) = count * inv_sigma2 + 1 / variances.tau_p2;
        }
        if (ranks) {
          for (int k = team_pair_offset[team]; k < team_pair_offset[team + 1]; ++k) {
            const int p = team_pairs[k];
            const int hi = person_local[problem.rank_pairs[p][0]];
            const int lo = person_local[problem.rank_pairs[p][1]];
            const double w = pair_weight[p];
            factor(hi, hi) += w;
            factor(lo, lo) += w;
            factor(hi, lo) -= w;
            factor(lo, hi) -= w;
          }
        }
        Eigen::LLT<Eigen::Ref<MatrixXd>> llt(factor);  // in place: factor now holds L
        ConstMatrixMap counts(coupling_counts.data() + team_coupling_offset[team], n, m);
        MatrixMap solved(solved_coupling.data() + team_coupling_offset[team], n, m);
        solved = counts * inv_sigma2;
        llt.solveInPlace(solved);
        block.noalias() = (counts.transpose() * inv_sigma2) * solved;
        const int* positions = team_schur_pos.data() + team_schur_offset[team];
        for (int b = 0; b < m; ++b) {
          for (int a = 0; a < m; ++a) {
            const int pos = positions[b * m + a];
            if (pos >= 0) values[pos] -= block(a, b);
          }
        }
      }
    });
    std::fill(schur_values.begin(), schur_values.end(), 0.0);
    for (const std::vector<double>& values : partial) {
      if (values.empty()) continue;
      for (size_t k = 0; k < nnz; ++k) schur_values[k] += values[k];
    }
    double total = 0;
    for (int rater = 0; rater < raters; ++rater) {
      if (Fixed(rater) || ratings_by_rater[rater] == 0) {
        // Not an unknown: an identity row keeps S positive definite and Δ = 0.
        schur_values[schur_diag_pos[rater]] = 1;
        total += ratings_by_rater[rater];
        continue;
      }
      const double coupling = ratings_by_rater[rater] * inv_sigma2;
      schur_values[schur_diag_pos[rater]] += coupling + 1 / variances.tau_r2;
      schur_values[rater_mu_pos[rater]] += coupling;
      schur_values[mu_rater_pos[rater]] += coupling;
      total += ratings_by_rater[rater];
    }
    schur_values[schur_diag_pos[mu]] += total * inv_sigma2 + 1e-12;
    factors_valid = true;
  }

  Eigen::Map<const RowMajorSparse> Schur() const {
    return {raters + 1,         raters + 1,         static_cast<Index>(schur_values.size()),
            schur_outer.data(), schur_inner.data(), schur_values.data()};
  }

  /// Product S·P, rows split over the worker threads.
  void Multiply(const MatrixXd& input, MatrixXd& output) const {
    const auto schur = Schur();
    output.resize(input.rows(), input.cols());
    const Index rows = input.rows();
    ParallelFor(threads, static_cast<size_t>(rows), [&](size_t begin, size_t end, int) {
      const Index length = static_cast<Index>(end - begin);
      output.middleRows(static_cast<Index>(begin), length).noalias() =
          schur.middleRows(static_cast<Index>(begin), length) * input;
    });
  }

  /// Solves S X = rhs column by column (all columns advance together), Jacobi-preconditioned,
  /// starting from X = 0.
  MatrixXd ConjugateGradient(const MatrixXd& rhs) {
    const Index size = rhs.rows();
    const Index columns = rhs.cols();
    VectorXd inv_diag(size);
    for (Index row = 0; row < size; ++row) inv_diag[row] = 1 / schur_values[schur_diag_pos[row]];
    MatrixXd solution = MatrixXd::Zero(size, columns);
    MatrixXd residual = rhs;
    MatrixXd preconditioned = inv_diag.asDiagonal() * residual;
    MatrixXd direction = preconditioned;
    MatrixXd product;
    VectorXd rz = (residual.array() * preconditioned.array()).colwise().sum().transpose();
    const VectorXd target = rhs.colwise().norm().transpose() * cg_tolerance;
    std::vector<char> done(columns, 0);
    for (int iteration = 0; iteration < max_cg_iterations; ++iteration) {
      bool all_done = true;
      for (Index c = 0; c < columns; ++c) {
        done[c] = residual.col(c).norm() <= target[c] ? 1 : 0;
        all_done = all_done && done[c] != 0;
      }
      if (all_done) break;
      ++cg_iterations;
      Multiply(direction, product);
      for (Index c = 0; c < columns; ++c) {
        if (done[c]) continue;
        const double curvature = direction.col(c).dot(product.col(c));
        if (curvature <= 0) {
          done[c] = 1;
          continue;
        }
        const double alpha = rz[c] / curvature;
        solution.col(c) += alpha * direction.col(c);
        residual.col(c) -= alpha * product.col(c);
        preconditioned.col(c) = inv_diag.cwiseProduct(residual.col(c));
        const double rz_next = residual.col(c).dot(preconditioned.col(c));
        direction.col(c) = preconditioned.col(c) + (rz_next / rz[c]) * direction.col(c);
        rz[c] = rz_next;
      }
    }
    return solution;
  }

  // --- Newton ----------------------------------------------------------------------------

  int Newton(int max_steps, double tolerance) {
    VectorXd grad_theta;
    VectorXd grad_rater;
    VectorXd rhs(raters + 1);
    VectorXd within(people);  // A⁻¹ g_θ per team
    int steps = 0;
    for (; steps < max_steps; ++steps) {
      Gradient(grad_theta, grad_rater);
      const double largest =
          std::max(grad_theta.cwiseAbs().maxCoeff(), grad_rater.cwiseAbs().maxCoeff());
      if (largest <= tolerance) break;
      Assemble();
      rhs = -grad_rater;
      std::vector<VectorXd> partial(threads, VectorXd::Zero(raters + 1));
      ParallelFor(threads, static_cast<size_t>(teams), [&](size_t begin, size_t end, int thread) {
        for (size_t team = begin; team < end; ++team) {
          const int first = team_offset[team];
          const int n = team_offset[team + 1] - first;
          const int m = team_rater_offset[team + 1] - team_rater_offset[team];
          ConstMatrixMap factor(factor_storage.data() + team_square_offset[team], n, n);
          ConstMatrixMap solved(solved_coupling.data() + team_coupling_offset[team], n, m);
          VectorXd local(n);
          for (int i = 0; i < n; ++i) local[i] = grad_theta[team_people[first + i]];
          const VectorXd reduced = solved.transpose() * local;
          const int* columns = team_raters.data() + team_rater_offset[team];
          for (int a = 0; a < m; ++a) partial[thread][columns[a]] += reduced[a];
          factor.triangularView<Eigen::Lower>().solveInPlace(local);
          factor.transpose().triangularView<Eigen::Upper>().solveInPlace(local);
          for (int i = 0; i < n; ++i) within[team_people[first + i]] = local[i];
        }
      });
      for (const VectorXd& part : partial) rhs += part;
      for (int rater = 0; rater < raters; ++rater) {
        if (Fixed(rater) || ratings_by_rater[rater] == 0) rhs[rater] = 0;
      }
      const VectorXd step_rater = ConjugateGradient(rhs);
      VectorXd step_theta(people);
      for (int team = 0; team < teams; ++team) {
        const int first = team_offset[team];
        const int n = team_offset[team + 1] - first;
        const int m = team_rater_offset[team + 1] - team_rater_offset[team];
        ConstMatrixMap solved(solved_coupling.data() + team_coupling_offset[team], n, m);
        const int* columns = team_raters.data() + team_rater_offset[team];
        for (int i = 0; i < n; ++i) {
          double value = within[team_people[first + i]];
          for (int a = 0; a < m; ++a) value += solved(i, a) * step_rater[columns[a]];
          step_theta[team_people[first + i]] = -value;
        }
      }
      LineSearch(grad_theta, grad_rater, step_theta, step_rater);
      if (!UsesRanks()) {
        ++steps;  // quadratic: one exact step is the mode, and the factors still hold
        break;
      }
      factors_valid = false;
    }
    return steps;
  }

  void LineSearch(const VectorXd& grad_theta, const VectorXd& grad_rater,
                  const VectorXd& step_theta, const VectorXd& step_rater) {
    const double slope = grad_theta.dot(step_theta) + grad_rater.dot(step_rater);
    const double start = Objective(theta, leniency, mean);
    std::vector<double> next_theta(people);
    std::vector<double> next_leniency(raters);
    double alpha = 1;
    for (int attempt = 0; attempt < 40; ++attempt, alpha *= 0.5) {
      for (int person = 0; person < people; ++person) {
        next_theta[person] = theta[person] + alpha * step_theta[person];
      }
      for (int rater = 0; rater < raters; ++rater) {
        next_leniency[rater] = leniency[rater] + alpha * step_rater[rater];
      }
      const double next_mean = mean + alpha * step_rater[mu];
      const double value = Objective(next_theta, next_leniency, next_mean);
      if (value <= start + 1e-4 * alpha * slope || slope >= 0) {
        theta.swap(next_theta);
        leniency.swap(next_leniency);
        mean = next_mean;
        return;
      }
    }
  }

  // --- Posterior variances ---------------------------------------------------------------

  PosteriorVariances Posterior(int samples, uint64_t seed) {
    if (!factors_valid) {
      VectorXd grad_theta;
      VectorXd grad_rater;
      Gradient(grad_theta, grad_rater);  // refreshes the pair weights at the current point
      Assemble();
    }
    PosteriorVariances out;
    out.theta_within.assign(people, 0.0);
    ParallelFor(threads, static_cast<size_t>(teams), [&](size_t begin, size_t end, int) {
      for (size_t team = begin; team < end; ++team) {
        const int first = team_offset[team];
        const int n = team_offset[team + 1] - first;
        ConstMatrixMap factor(factor_storage.data() + team_square_offset[team], n, n);
        if (n == 1) {  // most teams when there are no stack ranks
          out.theta_within[team_people[first]] = 1 / (factor(0, 0) * factor(0, 0));
          continue;
        }
        MatrixXd inverse = MatrixXd::Identity(n, n);
        factor.triangularView<Eigen::Lower>().solveInPlace(inverse);  // L⁻¹
        for (int i = 0; i < n; ++i) {
          out.theta_within[team_people[first + i]] = inverse.col(i).squaredNorm();
        }
      }
    });
    const int size = raters + 1;
    MatrixXd rhs(size, samples);
    MatrixXd fixed_draws(size, samples);
    DrawRightHandSides(seed, rhs, fixed_draws);
    MatrixXd solution = ConjugateGradient(rhs);
    for (int rater = 0; rater < raters; ++rater) {
      if (Fixed(rater) || ratings_by_rater[rater] == 0) {
        solution.row(rater) = fixed_draws.row(rater);
      }
    }
    // Raters and the mean, with the control variate g_j / S_jj.
    out.leniency_var.assign(raters, 0.0);
    for (int row = 0; row < size; ++row) {
      const double diagonal = schur_values[schur_diag_pos[row]];
      double variance = variances.tau_r2;
      if (row == mu || !(Fixed(row) || ratings_by_rater[row] == 0)) {
        variance =
            1 / diagonal + (solution.row(row) - rhs.row(row) / diagonal).squaredNorm() / samples;
      }
      if (row == mu) {
        out.mean_var = variance;
      } else {
        out.leniency_var[row] = variance;
      }
    }
    // People: the exact within-team part plus the Monte Carlo inherited part.
    out.theta_var.assign(people, 0.0);
    out.level_var.assign(people, 0.0);
    ParallelFor(threads, static_cast<size_t>(teams), [&](size_t begin, size_t end, int) {
      MatrixXd local;
      MatrixXd inherited;
      for (size_t team = begin; team < end; ++team) {
        const int first = team_offset[team];
        const int n = team_offset[team + 1] - first;
        const int m = team_rater_offset[team + 1] - team_rater_offset[team];
        ConstMatrixMap solved(solved_coupling.data() + team_coupling_offset[team], n, m);
        const int* columns = team_raters.data() + team_rater_offset[team];
        local.resize(m, samples);
        for (int a = 0; a < m; ++a) local.row(a) = solution.row(columns[a]);
        inherited.noalias() = solved * local;  // n × samples: the θ deviation from x_r
        for (int i = 0; i < n; ++i) {
          const int person = team_people[first + i];
          const double theta_part = inherited.row(i).squaredNorm() / samples;
          const double level_part = (solution.row(mu) - inherited.row(i)).squaredNorm() / samples;
          out.theta_var[person] = out.theta_within[person] + theta_part;
          out.level_var[person] = out.theta_within[person] + level_part;
        }
      }
    });
    return out;
  }

  /// Fills |rhs| with samples g ~ N(0, S), one per column, and |fixed_draws| with prior draws
  /// N(0, τr²) for the rows of raters that are not unknowns.
  ///
  /// S = Σ_teams Q_team + the raters' prior precision, where Q_team = H_rr,team − Bᵀ A⁻¹ B is the
  /// covariance of the team's share of g = J_rᵀε − Bᵀ A⁻¹ J_θᵀε (the ratings, priors and rank
  /// pairs of one team touch only that team's block). So each team's share is drawn directly as
  /// chol(Q_team) · z with m normals, instead of one normal per rating, prior and pair. Teams
  /// are drawn in fixed blocks, each with its own random stream, so the samples do not depend on
  /// the number of threads.
  void DrawRightHandSides(uint64_t seed, MatrixXd& rhs, MatrixXd& fixed_draws) const {
    constexpr size_t kTeamsPerStream = 4096;
    const Index samples = rhs.cols();
    const double inv_sigma2 = 1 / variances.sigma2;
    const size_t blocks = (static_cast<size_t>(teams) + kTeamsPerStream - 1) / kTeamsPerStream;
    std::vector<MatrixXd> partial(threads, MatrixXd::Zero(rhs.rows(), samples));
    ParallelFor(threads, blocks, [&](size_t begin, size_t end, int thread) {
      MatrixXd local;
      MatrixXd draws;
      for (size_t block = begin; block < end; ++block) {
        RandomSource random(seed ^ (0x9E3779B97F4A7C15ULL * (block + 1)));
        const size_t last = std::min(static_cast<size_t>(teams), (block + 1) * kTeamsPerStream);
        for (size_t team = block * kTeamsPerStream; team < last; ++team) {
          const int n = team_offset[team + 1] - team_offset[team];
          const int m = team_rater_offset[team + 1] - team_rater_offset[team];
          ConstMatrixMap counts(coupling_counts.data() + team_coupling_offset[team], n, m);
          ConstMatrixMap solved(solved_coupling.data() + team_coupling_offset[team], n, m);
          local.noalias() = -(counts.transpose() * inv_sigma2) * solved;
          for (int a = 0; a + 1 < m; ++a) {
            const double weight = counts.col(a).sum() * inv_sigma2;
            local(a, a) += weight;
            local(a, m - 1) += weight;
            local(m - 1, a) += weight;
          }
          local(m - 1, m - 1) += counts.col(m - 1).sum() * inv_sigma2;
          const Eigen::LDLT<MatrixXd> ldlt(local);
          const VectorXd scale = ldlt.vectorD().cwiseMax(0.0).cwiseSqrt();
          draws.resize(m, samples);
          for (Index sample = 0; sample < samples; ++sample) {
            for (int a = 0; a < m; ++a) draws(a, sample) = random.Normal();
          }
          draws = scale.asDiagonal() * draws;
          draws = ldlt.matrixL() * draws;
          draws = ldlt.transpositionsP().transpose() * draws;
          const int* columns = team_raters.data() + team_rater_offset[team];
          for (int a = 0; a < m; ++a) partial[thread].row(columns[a]) += draws.row(a);
        }
      }
    });
    rhs.setZero();
    for (const MatrixXd& part : partial) rhs += part;
    RandomSource random(seed);
    const double prior_sd = std::sqrt(variances.tau_r2);
    fixed_draws.setZero();
    for (int rater = 0; rater < raters; ++rater) {
      for (Index sample = 0; sample < samples; ++sample) {
        const double z = random.Normal();
        if (Fixed(rater) || ratings_by_rater[rater] == 0) {
          rhs(rater, sample) = 0;
          fixed_draws(rater, sample) = z * prior_sd;
        } else {
          rhs(rater, sample) += z / prior_sd;
        }
      }
    }
  }
};

Solver::Solver(const DenseProblem& problem, int threads, double cg_tolerance, int max_cg_iterations)
    : impl_(std::make_unique<Impl>(problem, threads, cg_tolerance, max_cg_iterations)) {}

Solver::~Solver() = default;

void Solver::SetVariances(const Variances& variances) {
  impl_->variances = variances;
  impl_->factors_valid = false;
}

void Solver::Reset(double mean) {
  std::fill(impl_->theta.begin(), impl_->theta.end(), 0.0);
  std::fill(impl_->leniency.begin(), impl_->leniency.end(), 0.0);
  impl_->mean = mean;
  impl_->factors_valid = false;
}

void Solver::SetPoint(const std::vector<double>& theta, const std::vector<double>& leniency,
                      double mean) {
  impl_->theta = theta;
  impl_->leniency = leniency;
  for (int rater = 0; rater < impl_->raters; ++rater) {
    if (impl_->Fixed(rater)) impl_->leniency[rater] = 0;
  }
  impl_->mean = mean;
  impl_->factors_valid = false;
}

int Solver::Newton(int max_steps, double tolerance) { return impl_->Newton(max_steps, tolerance); }

PosteriorVariances Solver::Posterior(int samples, uint64_t seed) {
  return impl_->Posterior(samples, seed);
}

const std::vector<double>& Solver::theta() const { return impl_->theta; }
const std::vector<double>& Solver::leniency() const { return impl_->leniency; }
double Solver::mean() const { return impl_->mean; }
long Solver::cg_iterations() const { return impl_->cg_iterations; }

double Solver::ResidualSumOfSquares() const {
  double sum = 0;
  for (int person = 0; person < impl_->people; ++person) {
    for (int k = impl_->person_rating_offset[person]; k < impl_->person_rating_offset[person + 1];
         ++k) {
      const double r = impl_->Residual(k, person, impl_->theta, impl_->leniency, impl_->mean);
      sum += r * r;
    }
  }
  return sum;
}

}  // namespace yardstick::engine::internal
