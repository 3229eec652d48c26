// The numerical core of calibration, on dense indices (internal to engine/; Calibrate() is the
// public face).
//
// Unknowns: θ (one performance per person), b (one leniency per rater), μ (the mean). The
// objective is the negative log posterior
//
//   Σ_ratings (y − μ − θ_i − b_j)² / 2σ²  +  Σ θ² / 2τp²  +  Σ b² / 2τr²
//     + Σ_rank pairs −log Φ((θ_higher − θ_lower) / (√2·s))
//
// which is convex. People tied together by rank pairs form a team (a small block); every
// person without rank pairs is a team of one. Damped Newton: each step builds every team's
// block A (people × people, ~8 × 8) and its coupling B to the raters and μ, factors A exactly,
// forms the Schur complement S = H_rr − Σ Bᵀ A⁻¹ B on the rater level (sparse, fixed pattern),
// solves S Δr = rhs by Jacobi-preconditioned conjugate gradients, and recovers each team's
// Δθ by back-substitution. Raters marked fixed keep leniency 0 and are not unknowns.
//
// Posterior variances: Var(θ_i) = (A⁻¹)_ii exactly (within the team) plus the variance of
// (A⁻¹ B x_r)_i where x_r ~ N(0, S⁻¹) is the rater-level uncertainty; the second part is a Monte
// Carlo average over exact samples x_r = S⁻¹ g with g = J_rᵀε − Bᵀ A⁻¹ J_θᵀε ~ N(0, S) (H = JᵀJ
// is the Gauss–Newton factorisation of the Hessian: one row per rating, prior and rank pair).
// Leniency variances use the control variate g_j / S_jj (whose variance 1/S_jj is known), so the
// noise is only on what the neighbours add. Fixed raters get prior samples N(0, τr²).
//
// Not thread-safe; uses up to |threads| worker threads inside its calls.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace yardstick::engine::internal {

struct DenseProblem {
  int people = 0;
  int raters = 0;
  std::vector<int> rating_person;
  std::vector<int> rating_rater;
  std::vector<double> rating_value;
  std::vector<std::array<int, 2>> rank_pairs;  ///< (higher, lower), people indices
  std::vector<char> rater_fixed;               ///< size raters; 1 = leniency held at 0
};

struct Variances {
  double sigma2 = 1;  ///< rating noise σ²
  double tau_p2 = 1;  ///< performance prior τp²
  double tau_r2 = 1;  ///< leniency prior τr²
  double rank_s = 0;  ///< rank noise s; 0 ignores the rank pairs
};

struct PosteriorVariances {
  std::vector<double> theta_var;     ///< Var(θ_i)
  std::vector<double> level_var;     ///< Var(μ + θ_i)
  std::vector<double> theta_within;  ///< (A⁻¹)_ii, the exact within-team part
  std::vector<double> leniency_var;  ///< Var(b_j); τr² for fixed raters
  double mean_var = 0;
};

class Solver {
 public:
  Solver(const DenseProblem& problem, int threads, double cg_tolerance, int max_cg_iterations);
  ~Solver();
  Solver(const Solver&) = delete;
  Solver& operator=(const Solver&) = delete;

  /// Sets the variance components; the current point is kept (a warm start).
  void SetVariances(const Variances& variances);
  /// Moves the current point to θ = 0, b = 0, μ = |mean|.
  void Reset(double mean);
  /// Moves the current point to the given one (sizes: people, raters).
  void SetPoint(const std::vector<double>& theta, const std::vector<double>& leniency, double mean);
  /// Damped Newton from the current point to the posterior mode; returns the steps taken.
  int Newton(int max_steps, double tolerance);
  /// Posterior variances at the current point from |samples| Monte Carlo samples (seeded).
  PosteriorVariances Posterior(int samples, uint64_t seed);

  [[nodiscard]] const std::vector<double>& theta() const;
  [[nodiscard]] const std::vector<double>& leniency() const;
  [[nodiscard]] double mean() const;
  /// Σ over ratings of the squared residual y − μ − θ − b at the current point.
  [[nodiscard]] double ResidualSumOfSquares() const;
  [[nodiscard]] long cg_iterations() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace yardstick::engine::internal
