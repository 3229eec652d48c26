// Calibration: removing each rater's leniency from one comparison group's ratings of one cycle.
//
// The model (docs/calibration.md explains it in plain words):
//
//   rating(person, rater) = mean + performance(person) + leniency(rater) + noise
//
// with Gaussian shrinkage priors performance ~ N(0, τp²), leniency ~ N(0, τr²), noise ~ N(0, σ²),
// and, for every adjacent pair of a rater's stack rank (higher above lower), the Thurstone probit
// term P(order) = Φ((θ_higher − θ_lower) / (√2·s)). The variance components τp, τr, σ are
// estimated on the ratings alone the way a REML crossed random-effects fit does (EM updates with
// the conditional variances), s by a one-dimensional maximum likelihood over within-team pairs;
// then the posterior mode is found by damped Newton. Each Newton step eliminates every team's
// small block exactly and solves the remaining rater-level system by preconditioned conjugate
// gradients, so nothing of size people × people is ever built or factored.
//
// Standard errors come from the curvature at the mode (the Laplace approximation): per person the
// exact within-team part plus the part inherited from the uncertainty of the raters' leniencies
// and the mean. The inherited part is estimated by Monte Carlo — exact Gaussian samples of the
// rater-level uncertainty, obtained with one multi-right-hand-side conjugate-gradient solve, with
// the exact within-team part used as a control variate — from a fixed seed, so results are
// deterministic. See CalibrationOptions::se_samples.
//
// What calibration cannot resolve is reported, never hidden (CalibrationIssue): raters not
// connected to the largest group of raters through any commonly rated (benchmark) person get
// their leniency fixed at 0, with the prior spread τr as its standard error (which also flows into
// their people's standard errors); stack-rank pairs that contradict the rater's own grades; people
// with no rating (estimated from their stack rank and the prior only).
//
// Pure computation: no I/O, no printing. Calibrate() is thread-safe for distinct inputs; it may
// use a few worker threads itself (CalibrationOptions::threads).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace yardstick::engine {

/// One rater's grade for one person, as a number on the scale (e.g. the grade index).
struct Rating {
  std::string person_id;
  std::string rater_id;
  double value = 0;
};

/// A rater's total order of their own team, best first.
struct StackRank {
  std::string rater_id;
  std::vector<std::string> person_ids;
};

struct CalibrationInput {
  std::vector<Rating> ratings;
  std::vector<StackRank> ranks;
  /// The scale's ends; every rating must lie within them.
  double scale_min = 1;
  double scale_max = 15;
};

/// The fitted spreads, on the scale's units.
struct VarianceComponents {
  double mean = 0;             ///< global mean rating
  double performance_sd = 0;   ///< τp
  double leniency_sd = 0;      ///< τr
  double rating_noise_sd = 0;  ///< σ
  double rank_noise_sd = 0;    ///< s (0 when no stack ranks were used)
};

/// Tuning; the defaults are what the benchmarks were measured with.
struct CalibrationOptions {
  /// Use the stack ranks in the fit (they are always checked against the grades).
  bool use_ranks = true;
  /// Damped Newton steps at most, and the stopping rule: the largest gradient entry.
  int max_newton_steps = 30;
  double newton_tolerance = 1e-6;
  /// EM steps for the variance components at most, and the change of their logarithms that
  /// stops them.
  int max_variance_iterations = 100;
  double variance_tolerance = 1e-4;
  /// Relative residual at which conjugate gradients stop.
  double cg_tolerance = 1e-8;
  int max_cg_iterations = 500;
  /// Monte Carlo samples for the inherited part of the standard errors; 0 chooses from the size
  /// (100 up to 20,000 people, then fewer, at least 32: the noise averages out over many).
  int se_samples = 0;
  /// When positive, the variance components are estimated on a connected subset of about this
  /// many raters (grown breadth-first from the best-connected rater) when the group has more;
  /// they are global constants, so a large subset estimates them as well as the whole group.
  int variance_subset_raters = 8000;
  /// At most this many within-team pairs (evenly spread) estimate the rank noise s.
  int rank_noise_pairs = 200000;
  uint64_t seed = 20240601;
  /// When set, the spreads are taken as given instead of estimated: τp, τr, σ from it (each
  /// must be positive), and s when it is positive (otherwise s is still estimated); its mean is
  /// not used. For repeated cycles of one organisation whose spreads are known from an earlier
  /// calibration (the policy lab): skipping the estimates makes a cycle many times cheaper.
  std::optional<VarianceComponents> known_variances;
  /// Worker threads for the per-team work and the rater-level products (1 = none); used only
  /// from 100,000 people, below which a second thread costs more than it saves.
  int threads = 2;
};

struct PersonEstimate {
  std::string person_id;
  double level = 0;  ///< estimated performance on the scale (mean + performance)
  double se = 0;     ///< its standard error
  int ratings = 0;   ///< number of ratings of this person
};

struct RaterEstimate {
  std::string rater_id;
  double leniency = 0;  ///< how many grades above the truth this rater grades, on average
  double se = 0;
  int ratings = 0;
  /// False when no benchmark person ties this rater to the largest group of raters: the
  /// leniency is then fixed at 0 (not estimated) and se is the prior spread τr.
  bool connected = true;
};

enum class CalibrationIssueKind {
  kUnconnectedRater,       ///< rater_id: leniency unidentifiable, fixed at 0
  kRankContradictsRating,  ///< rater_id ranks person_id above other_person_id, grades it lower
  kUnratedPerson,          ///< person_id: no rating; estimated from stack rank and prior only
};

/// One thing calibration could not resolve; DescribeIssue() says it in a sentence. (Kept as
/// fields, not text, because a large noisy group can have hundreds of thousands.)
struct CalibrationIssue {
  CalibrationIssueKind kind = CalibrationIssueKind::kUnconnectedRater;
  std::string rater_id;
  std::string person_id;
  std::string other_person_id;
  bool rater_has_ratings = true;  ///< kUnconnectedRater: false when the rater rated nobody
  int position = 0;               ///< kRankContradictsRating: person_id's place (1 = best)
  int other_position = 0;         ///< … and other_person_id's, always further down
  double grade = 0;               ///< … the rater's grade for person_id
  double other_grade = 0;         ///< … and for other_person_id, always higher
};

/// One readable sentence for a person, e.g. "R7 ranks P3 (#1) above P9 (#2) but grades them 6
/// and 7".
std::string DescribeIssue(const CalibrationIssue& issue);

/// Counters for benchmarks and curiosity.
struct CalibrationStats {
  int variance_iterations = 0;
  int variance_subset_raters = 0;  ///< raters the variance components were estimated on
  int newton_steps = 0;
  long cg_iterations = 0;  ///< summed over every solve
  int se_samples = 0;
  /// Wall-clock seconds per phase: input checks, variance components, the ratings-only fit,
  /// the fit with stack ranks (rank noise included), standard errors, the report of issues.
  double index_seconds = 0;
  double variance_seconds = 0;
  double ratings_fit_seconds = 0;
  double ranks_fit_seconds = 0;
  double se_seconds = 0;
  double issues_seconds = 0;
};

struct CalibrationResult {
  std::vector<PersonEstimate> people;  ///< in order of first appearance in the input
  std::vector<RaterEstimate> raters;   ///< likewise
  std::vector<CalibrationIssue> issues;
  VarianceComponents variance;
  CalibrationStats stats;
};

/// Fits the model to |input|. Fails (InvalidArgument, with a message naming the ids) on input
/// that has no single meaning: no ratings, a rating off the scale or not finite, a rater
/// rating themselves, the same person rated twice by one rater, a person listed twice in one
/// stack rank or in the stack ranks of two raters, a stack rank of more than 1,000 people.
Result<CalibrationResult> Calibrate(const CalibrationInput& input,
                                    const CalibrationOptions& options = {});

}  // namespace yardstick::engine
