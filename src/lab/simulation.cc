#include "lab/simulation.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "engine/pay.h"
#include "engine/random.h"
#include "engine/synthetic_cycle.h"
#include "lab/outcomes.h"

namespace yardstick::lab {
namespace {

/// Career stages new hires come at: share of hires, mean and spread of their ability (grade
/// indices on the 15-grade engineering scale: E–F, H, I–J), scaled to other scales.
struct HiringStage {
  double share;
  double mean;
  double sd;
};
constexpr HiringStage kHiringStages[] = {{0.40, 4.5, 0.8}, {0.35, 7.0, 0.8}, {0.25, 9.5, 1.0}};
constexpr double kReferenceScale = 15;

/// Growth curves: how far (grades) and how fast (share of the remaining gap closed per cycle).
struct CurveShape {
  double low_gain;
  double high_gain;
  double rate;
};
constexpr CurveShape kPlateau{0.2, 2.0, 0.35};
constexpr CurveShape kRising{2.0, 4.5, 0.1};
constexpr CurveShape kDeclining{-2.0, -0.5, 0.15};

/// Cycles above the grade held (by a whole grade) after which people start to look elsewhere.
constexpr int kUnrecognisedCycles = 4;
/// Never more likely than this to leave in one cycle.
constexpr double kMaxLeaving = 0.9;
/// The share of the organisation that counts as its top performers.
constexpr double kTopShare = 0.1;

/// Ability over time in the company: from |start| towards |settles_at|, closing |rate| of the
/// remaining gap per cycle.
struct GrowthCurve {
  double start = 0;
  double settles_at = 0;
  double rate = 0;
  [[nodiscard]] double At(int tenure, double ceiling) const {
    const double ability = settles_at - (settles_at - start) * std::exp(-rate * tenure);
    return std::clamp(ability, 0.0, ceiling);
  }
};

/// One slot of the organisation and who fills it.
struct Member {
  GrowthCurve curve;
  int held = 0;
  int cycles_in_grade = 0;
  int tenure = 0;
  int unrecognised = 0;  ///< consecutive cycles a whole grade or more above the grade held
  double impression = 0;
  size_t stay = 0;  ///< index into the history's stays
};

class Organisation {
 public:
  Organisation(const SimulationOptions& options, const model::Framework& framework, uint64_t seed)
      : options_(options),
        top_(framework.scale.size() - 1),
        ceiling_(top_ + 0.49),
        people_random_(engine::DeriveSeed(seed, 1)),
        rating_random_(engine::DeriveSeed(seed, 2)),
        leaving_random_(engine::DeriveSeed(seed, 3)) {
    known_variances_ = options.rater_spreads;
    const double share =
        framework.pay.period == "month" ? options.cycle_years * 12 : options.cycle_years;
    for (int grade = 0; grade <= top_; ++grade) {
      Result<double> pay = engine::BasePay(framework, options.track, grade);
      base_pay_.push_back(pay.ok() ? *pay * share : 0.0);
    }
    rate_options_.team_size = options.team_size;
    rate_options_.rating_noise = options.rating_noise;
    rate_options_.rank_noise = options.rank_noise;
    rate_options_.benchmarks_per_team = options.benchmarks_per_team;
    rate_options_.raters_per_benchmark = options.raters_per_benchmark;
    rate_options_.scale_size = top_ + 1;
    rate_options_.lowest_grade = 0;
  }

  ReplicationHistory Run(Policy& policy) {
    history_.cycles = options_.cycles;
    history_.cycle_years = options_.cycle_years;
    Populate();
    std::vector<PersonView> views(members_.size());
    std::vector<Verdict> verdicts(members_.size());
    std::vector<double> abilities(members_.size());
    for (int cycle = 0; cycle < options_.cycles; ++cycle) {
      RateCycle(abilities);
      const double top_threshold = TopThreshold(abilities);
      FillViews(views);
      const bool calibrate = policy.needs_calibration();
      if (calibrate) Calibrate(views);
      for (size_t slot = 0; slot < members_.size(); ++slot) {
        verdicts[slot] = {members_[slot].held, 0.0};
      }
      policy.Decide({cycle, calibrate, views}, verdicts);
      for (size_t slot = 0; slot < members_.size(); ++slot) {
        Conclude(slot, cycle, abilities[slot], abilities[slot] >= top_threshold, verdicts[slot]);
      }
    }
    return std::move(history_);
  }

  /// The spreads the first cycle's calibration finds (see EstimateRaterSpreads).
  engine::VarianceComponents FirstCycleSpreads() {
    Populate();
    std::vector<double> abilities(members_.size());
    RateCycle(abilities);
    std::vector<PersonView> views(members_.size());
    FillViews(views);
    known_variances_.reset();
    Calibrate(views);
    return *known_variances_;
  }

 private:
  /// The cycle starts: everyone a cycle longer in grade, at their ability now, and rated.
  void RateCycle(std::vector<double>& abilities) {
    for (size_t slot = 0; slot < members_.size(); ++slot) {
      Member& member = members_[slot];
      ++member.cycles_in_grade;
      abilities[slot] = member.curve.At(member.tenure, ceiling_);
      rated_.people[slot].level = abilities[slot];
    }
    engine::RateSyntheticCycle(rate_options_, rating_random_, rated_);
  }

  /// Base pay per cycle at a real-valued grade, interpolated as engine::BasePayAt does, from the
  /// steps looked up once (calling BasePayAt for everyone every cycle made a replication without
  /// calibration 70% slower).
  [[nodiscard]] double PayAt(double grade) const {
    const double clamped = std::clamp(grade, 0.0, static_cast<double>(top_));
    const int low = std::min(static_cast<int>(clamped), top_);
    const int high = std::min(low + 1, top_);
    return base_pay_[low] + (clamped - low) * (base_pay_[high] - base_pay_[low]);
  }

  /// A new hire: a career stage, a growth curve, and the grade the evidence supports.
  Member Hire(int first_cycle) {
    const double scale = (top_ + 1) / kReferenceScale;
    double pick = people_random_.Uniform();
    const HiringStage* stage = &kHiringStages[0];
    for (const HiringStage& candidate : kHiringStages) {
      stage = &candidate;
      if (pick < candidate.share) break;
      pick -= candidate.share;
    }
    Member member;
    member.curve.start =
        std::clamp((stage->mean + stage->sd * people_random_.Normal()) * scale, 0.0, ceiling_);
    const double kind = people_random_.Uniform();
    const CurveShape& shape = kind < options_.declining_share                           ? kDeclining
                              : kind < options_.declining_share + options_.rising_share ? kRising
                                                                                        : kPlateau;
    const double gain =
        (shape.low_gain + (shape.high_gain - shape.low_gain) * people_random_.Uniform()) * scale;
    member.curve.settles_at = std::clamp(member.curve.start + gain, 0.0, ceiling_);
    member.curve.rate = shape.rate;
    member.impression =
        member.curve.settles_at + options_.impression_noise * people_random_.Normal();
    member.held = LevelFromEvidence(member.curve.start);
    member.stay = history_.stays.size();
    Stay stay;
    stay.first_cycle = first_cycle;
    stay.stable_grade = TrueGrade(member.curve.settles_at);
    stay.cycles.reserve(options_.cycles - first_cycle);
    history_.stays.push_back(std::move(stay));
    return member;
  }

  int LevelFromEvidence(double ability) {
    return std::clamp(TrueGrade(ability + options_.hire_noise * people_random_.Normal()), 0, top_);
  }

  /// The starting organisation: hires with some time in the company and in grade behind them,
  /// levelled from evidence of where they stand now.
  void Populate() {
    const int teams = (options_.people + options_.team_size - 1) / options_.team_size;
    const int person_width = static_cast<int>(std::to_string(options_.people).size());
    const int rater_width = static_cast<int>(std::to_string(teams).size());
    rated_.raters.resize(teams);
    for (int team = 0; team < teams; ++team) {
      rated_.raters[team].id = fmt::format("R{:0{}}", team + 1, rater_width);
      rated_.raters[team].leniency = options_.leniency_sd * rating_random_.Normal();
    }
    rated_.people.resize(options_.people);
    members_.reserve(options_.people);
    for (int slot = 0; slot < options_.people; ++slot) {
      rated_.people[slot].id = fmt::format("P{:0{}}", slot + 1, person_width);
      rated_.people[slot].team = slot / options_.team_size;
      Member member = Hire(0);
      member.tenure = static_cast<int>(people_random_.Index(11));
      member.held = LevelFromEvidence(member.curve.At(member.tenure, ceiling_));
      member.cycles_in_grade = static_cast<int>(people_random_.Index(6));
      members_.push_back(member);
    }
  }

  [[nodiscard]] double TopThreshold(const std::vector<double>& abilities) {
    scratch_ = abilities;
    const size_t rank = static_cast<size_t>(kTopShare * static_cast<double>(scratch_.size()));
    std::nth_element(scratch_.begin(), scratch_.begin() + rank, scratch_.end(),
                     std::greater<double>());
    return scratch_[rank];
  }

  /// What the organisation sees: own manager's grades come first in the rated input, team by
  /// team, in slot order (engine::RateSyntheticCycle's layout).
  void FillViews(std::vector<PersonView>& views) {
    const std::vector<engine::Rating>& ratings = rated_.input.ratings;
    size_t next = 0;
    const int teams = static_cast<int>(rated_.raters.size());
    for (int team = 0; team < teams; ++team) {
      const int first = team * options_.team_size;
      const int last = std::min(options_.people, first + options_.team_size);
      // Skip the previous team's benchmark ratings (by other teams' raters, this one's too).
      while (next < ratings.size() && (ratings[next].rater_id != rated_.raters[team].id ||
                                       ratings[next].person_id != rated_.people[first].id)) {
        ++next;
      }
      for (int slot = first; slot < last; ++slot, ++next) {
        if (next >= ratings.size() || ratings[next].person_id != rated_.people[slot].id) {
          throw std::logic_error("the rated cycle is not laid out team by team");
        }
        const Member& member = members_[slot];
        PersonView& view = views[slot];
        view = {};
        view.held = member.held;
        view.cycles_in_grade = member.cycles_in_grade;
        view.tenure = member.tenure;
        view.raw_grade = ratings[next].value;
        view.impression = member.impression;
      }
    }
  }

  void Calibrate(std::vector<PersonView>& views) {
    engine::CalibrationOptions calibration;
    calibration.threads = 1;
    calibration.se_samples = options_.calibration_se_samples;
    calibration.variance_subset_raters = options_.calibration_variance_raters;
    calibration.rank_noise_pairs = options_.calibration_rank_noise_pairs;
    calibration.newton_tolerance = options_.calibration_newton_tolerance;
    calibration.known_variances = known_variances_;
    Result<engine::CalibrationResult> result = engine::Calibrate(rated_.input, calibration);
    if (!result.ok()) throw std::logic_error("calibration failed: " + result.status().message());
    if (!known_variances_) known_variances_ = result->variance;
    for (size_t slot = 0; slot < views.size(); ++slot) {
      const engine::PersonEstimate& estimate = result->people[slot];
      if (estimate.person_id != rated_.people[slot].id) {
        throw std::logic_error("calibrated people are not in slot order");
      }
      views[slot].calibrated = estimate.level;
      views[slot].se = estimate.se;
    }
  }

  /// Records the cycle, applies the verdict, and lets the person leave (or stay).
  void Conclude(size_t slot, int cycle, double ability, bool top, const Verdict& verdict) {
    Member& member = members_[slot];
    Stay& stay = history_.stays[member.stay];
    const double value = PayAt(ability);
    stay.cycles.push_back({static_cast<float>(ability),
                           static_cast<float>(base_pay_[member.held] + verdict.bonus),
                           static_cast<float>(value), static_cast<std::int8_t>(member.held), top});
    const int next = std::clamp(verdict.next_grade, member.held, top_);
    if (next > member.held) {
      member.held = next;
      member.cycles_in_grade = 0;
    }
    member.unrecognised = ability >= member.held + 1 ? member.unrecognised + 1 : 0;
    ++member.tenure;
    // Leaving: what they will be paid against what they are worth, and recognition.
    const double paid = base_pay_[member.held] + verdict.bonus;
    const double shortfall = value > 0 ? std::max(0.0, (value - paid) / value) : 0.0;
    double leaving = options_.base_leaving + options_.underpaid_leaving * shortfall;
    if (member.unrecognised >= kUnrecognisedCycles) leaving += options_.unrecognised_leaving;
    if (leaving_random_.Uniform() >= std::min(leaving, kMaxLeaving)) return;
    stay.left = true;
    if (cycle + 1 < options_.cycles) member = Hire(cycle + 1);
  }

  const SimulationOptions& options_;
  const int top_;
  const double ceiling_;  ///< the most ability can be: still graded the top grade
  engine::RandomSource people_random_;
  engine::RandomSource rating_random_;
  engine::RandomSource leaving_random_;
  std::vector<double> base_pay_;  ///< per grade, per cycle
  engine::SyntheticCycleOptions rate_options_;
  engine::SyntheticCycle rated_;
  std::vector<Member> members_;
  std::vector<double> scratch_;
  std::optional<engine::VarianceComponents> known_variances_;
  ReplicationHistory history_;
};

}  // namespace

Status ValidateSimulationOptions(const SimulationOptions& options,
                                 const model::Framework& framework) {
  auto fail = [](std::string what) { return Status::InvalidArgument(std::move(what)); };
  if (options.people < 2 || options.people > 10'000'000) {
    return fail(fmt::format("--people must be 2 to 10,000,000, not {}", options.people));
  }
  if (options.team_size < 2 || options.team_size > 1000) {
    return fail(fmt::format("--team-size must be 2 to 1,000, not {}", options.team_size));
  }
  if (options.cycles < 1 || options.cycles > 200) {
    return fail(fmt::format("--cycles must be 1 to 200, not {}", options.cycles));
  }
  for (const auto& [name, value] : {std::pair{"--rating-noise", options.rating_noise},
                                    {"--leniency-sd", options.leniency_sd},
                                    {"--rank-noise", options.rank_noise},
                                    {"--hire-noise", options.hire_noise},
                                    {"--impression-noise", options.impression_noise}}) {
    if (!(value >= 0) || value > 10) {
      return fail(fmt::format("{} must be 0 to 10 grades, not {}", name, value));
    }
  }
  for (const auto& [name, value] : {std::pair{"rising share", options.rising_share},
                                    {"declining share", options.declining_share},
                                    {"base leaving", options.base_leaving},
                                    {"underpaid leaving", options.underpaid_leaving},
                                    {"unrecognised leaving", options.unrecognised_leaving}}) {
    if (!(value >= 0) || value > 1) {
      return fail(fmt::format("the {} must be between 0 and 1, not {}", name, value));
    }
  }
  if (options.rising_share + options.declining_share > 1) {
    return fail("the rising and declining shares add up to more than 1");
  }
  if (framework.scale.size() < 2 || framework.scale.size() > 100) {
    return fail("the framework's scale must have 2 to 100 grades");
  }
  const bool has_track =
      std::any_of(framework.tracks.begin(), framework.tracks.end(),
                  [&](const model::Track& track) { return track.id == options.track; });
  if (!has_track) {
    return fail(fmt::format("framework {} has no track '{}'", framework.id, options.track));
  }
  for (int grade = 0; grade < framework.scale.size(); ++grade) {
    Result<double> pay = engine::BasePay(framework, options.track, grade);
    if (!pay.ok()) {
      return fail(fmt::format("framework {} has no base pay for track {} at grade {}: {}",
                              framework.id, options.track, framework.scale.IdAt(grade),
                              pay.status().message()));
    }
  }
  return Status::Ok();
}

engine::VarianceComponents EstimateRaterSpreads(const SimulationOptions& options,
                                                const model::Framework& framework, uint64_t seed) {
  return Organisation(options, framework, seed).FirstCycleSpreads();
}

ReplicationHistory Simulate(const SimulationOptions& options, const model::Framework& framework,
                            Policy& policy, uint64_t seed) {
  return Organisation(options, framework, seed).Run(policy);
}

}  // namespace yardstick::lab
