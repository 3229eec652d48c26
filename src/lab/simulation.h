// The policy lab's simulated organisation: N people in teams, over T review cycles, under one
// promotion policy.
//
// Each person has a true ability (a grade index, real-valued) that follows a personal growth
// curve from where it was at hiring towards a long-run value: most plateau within a few years,
// some keep rising for most of the simulated decade, a few decline. People are hired at the grade
// their noisy evidence supports (the starting organisation is levelled the same way, with time in
// the company and in grade already behind them). Every cycle:
//
//   1. each manager rates their team and stack-ranks it, and rates a few benchmark people of other
//      teams — the engine's synthetic raters (engine/synthetic_cycle.h): a leniency per manager,
//      noise per rating, ranks from a noisier view of the truth;
//   2. when the policy asks for it, the ratings are calibrated by the engine
//      (engine/calibration.h), as a real cycle is;
//   3. the policy decides promotions and bonuses (lab/policy.h);
//   4. people leave — more likely the further their pay (with bonus) falls short of what their
//      ability is worth, and when they have performed a grade above the one held for long — and
//      are replaced by a new hire in the same team the next cycle; managers stay.
//
// The rating noise, leniency spread and the rest are SimulationOptions; defaults are the lab's
// default organisation (docs/lab.md). Deterministic: the same options, policy and seed give the
// same history on every machine. Independent random streams drive the people, the ratings, the
// leaving and the policy, so policies compared on one seed start from the same organisation.
// Pure computation: no I/O. Thread-safe for distinct calls.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/status.h"
#include "engine/calibration.h"
#include "lab/history.h"
#include "lab/policy.h"
#include "model/framework.h"

namespace yardstick::lab {

struct SimulationOptions {
  int people = 1000;  ///< the organisation's size, kept constant by replacement hires
  int team_size = 8;  ///< people per manager (one rater per team)
  int cycles = 20;    ///< review cycles simulated
  double cycle_years = 0.5;
  std::string track = "ic";  ///< the framework track whose pay and levels apply

  // Raters (engine/synthetic_cycle.h), in grades.
  double rating_noise = 0.7;
  double leniency_sd = 0.6;
  double rank_noise = 0.35;
  int benchmarks_per_team = 2;
  int raters_per_benchmark = 1;

  // Hiring and growth, in grades.
  double hire_noise = 0.8;        ///< spread of the evidence a hire is levelled on
  double impression_noise = 1.5;  ///< spread of the impression of potential formed at hiring
  double rising_share = 0.25;     ///< people who keep growing for most of a decade
  double declining_share = 0.1;   ///< people whose ability declines

  // Leaving, per cycle.
  double base_leaving = 0.04;          ///< whatever the pay
  double underpaid_leaving = 0.6;      ///< × the share of their worth their pay falls short by
  double unrecognised_leaving = 0.04;  ///< more once a grade above the one held for 4+ cycles

  /// Calibration settings used when the policy asks for calibrated results. The spreads (rating
  /// noise, leniency, performance, rank noise) are properties of the simulated raters and people,
  /// the same in every cycle and replication: when |rater_spreads| is set, every calibration takes
  /// them as known (CalibrationOptions::known_variances) — RunLab estimates them once per run
  /// (EstimateRaterSpreads); otherwise a replication estimates them at its first cycle (on a
  /// subset of raters) and reuses them afterwards.
  /// The estimate uses fewer rank pairs, stops Newton earlier and draws fewer Monte Carlo samples
  /// for the standard errors than a real cycle's (8, not 100: the within-team part is exact, the
  /// samples only estimate what the leniencies' uncertainty adds): the outcomes did not move
  /// beyond their intervals (docs/lab.md), and a replication calibrates 40 cycles.
  int calibration_variance_raters = 100;
  int calibration_rank_noise_pairs = 20000;
  int calibration_se_samples = 8;
  double calibration_newton_tolerance = 1e-4;
  std::optional<engine::VarianceComponents> rater_spreads;
};

/// InvalidArgument naming the first option out of range.
Status ValidateSimulationOptions(const SimulationOptions& options,
                                 const model::Framework& framework);

/// The spreads a calibration of the first cycle of the organisation |seed| makes finds — what
/// SimulationOptions::rater_spreads is set to for a run. Options must be valid.
engine::VarianceComponents EstimateRaterSpreads(const SimulationOptions& options,
                                                const model::Framework& framework, uint64_t seed);

/// Runs one replication of |options| under |policy| from |seed|. |framework| gives the scale,
/// levels and pay (its pay family for options.track). Options must be valid.
ReplicationHistory Simulate(const SimulationOptions& options, const model::Framework& framework,
                            Policy& policy, uint64_t seed);

}  // namespace yardstick::lab
