// `yardstick lab run` and `yardstick lab tune`: the policy lab (lab/) on the command line. Thin:
// options in, lab calls, tables and files out.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "base/file.h"
#include "base/text.h"
#include "cli/command.h"
#include "engine/calibration.h"
#include "io/calibration_csv.h"
#include "io/csv_writer.h"
#include "io/web_assets.h"
#include "lab/lab_report.h"
#include "lab/lab_report_html.h"
#include "lab/lab_runner.h"
#include "lab/standard_policies.h"
#include "lab/tuning.h"
#include "review/calibrate_cycle_job.h"

namespace yardstick::cli {
namespace {

/// What both lab commands share: the organisation and how long to simulate it.
struct OrgArgs {
  std::string framework = "frameworks/engineering.yaml";
  lab::LabRunOptions run;
  bool quiet = false;
};

void AddOrgOptions(CLI::App& app, OrgArgs& args) {
  lab::SimulationOptions& o = args.run.simulation;
  app.add_option("--framework", args.framework, "The ladder: scale, levels, pay, policies")
      ->capture_default_str();
  app.add_option("--track", o.track, "The framework track whose pay and levels apply")
      ->capture_default_str();
  app.add_option("--people", o.people, "People in the organisation")->capture_default_str();
  app.add_option("--team-size", o.team_size, "People per manager")->capture_default_str();
  app.add_option("--cycles", o.cycles, "Review cycles to simulate (two a year)")
      ->capture_default_str();
  app.add_option("--replications", args.run.replications, "Replications of each policy")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  app.add_option("--seed", args.run.seed, "Random seed (same seed, same results)")
      ->capture_default_str();
  app.add_option("--threads", args.run.threads, "Worker threads")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  app.add_option("--rating-noise", o.rating_noise, "Noise sd of one rating (grades)")
      ->capture_default_str();
  app.add_option("--leniency-sd", o.leniency_sd, "Spread of rater leniency (grades)")
      ->capture_default_str();
  app.add_option("--rank-noise", o.rank_noise, "Noise sd behind the stack ranks (grades)")
      ->capture_default_str();
  app.add_option("--hire-noise", o.hire_noise, "Noise sd of the evidence hires are levelled on")
      ->capture_default_str();
  app.add_option("--impression-noise", o.impression_noise,
                 "Noise sd of the impression of potential formed at hiring")
      ->capture_default_str();
  app.add_flag("--quiet", args.quiet, "No progress bar or timing line");
}

/// A progress bar on stderr, drawn only when stderr is a terminal.
lab::ProgressCallback ProgressBar(bool quiet) {
  if (quiet || isatty(fileno(stderr)) == 0) return {};
  return [](int done, int total) {
    constexpr int kWidth = 40;
    const int filled = total > 0 ? done * kWidth / total : kWidth;
    std::cerr << fmt::format("\r[{}{}] {}/{} replications", std::string(filled, '#'),
                             std::string(kWidth - filled, ' '), done, total)
              << (done == total ? "\n" : "") << std::flush;
  };
}

/// Loads the framework and checks the options against it; prints why not and returns nullopt.
std::optional<model::Framework> PrepareOrReport(const OrgArgs& args, const char* command,
                                                int& exit_code) {
  std::optional<FrameworkFile> file = LoadFrameworkFileOrReport(args.framework, exit_code);
  if (!file) return std::nullopt;
  if (Status status = lab::ValidateSimulationOptions(args.run.simulation, file->framework);
      !status.ok()) {
    std::cerr << fmt::format("yardstick {}: {}\n", command, status.message());
    exit_code = kExitFailure;
    return std::nullopt;
  }
  return std::move(file->framework);
}

/// Writes |report| as a self-contained HTML page to |path|; prints why not.
bool WriteHtmlOrReport(const lab::LabReport& report, const std::string& path, const char* command) {
  const std::string page = lab::RenderLabReportHtml(report, io::ChartJsBundle());
  if (Status status = WriteTextFileAtomically(path, page); !status.ok()) {
    std::cerr << fmt::format("yardstick {}: {}\n", command, status.message());
    return false;
  }
  return true;
}

struct RunArgs {
  OrgArgs org;
  lab::StandardPolicyOptions policies;
  double far_above = NAN;
  double slightly_above = NAN;
  int periods = 0;
  std::vector<std::string> only;  ///< policy keys; empty: all
  bool tune = false;
  double max_wrong_percent = 15;
  int tune_replications = 10;
  std::string csv;
  std::string html;
};

/// A policy's key for --policies: its label in lower case with dashes ("yardstick-raw").
std::string PolicyKey(const std::string& label) {
  std::string key = ToLower(label);
  std::replace(key.begin(), key.end(), ' ', '-');
  return key;
}

int RunLabRun(RunArgs& args) {
  int exit_code = kExitOk;
  std::optional<model::Framework> framework = PrepareOrReport(args.org, "lab run", exit_code);
  if (!framework) return exit_code;
  model::PromotionPolicy thresholds = framework->policies.promotion;
  if (!std::isnan(args.far_above)) thresholds.far_above = args.far_above;
  if (!std::isnan(args.slightly_above)) thresholds.slightly_above = args.slightly_above;
  if (args.periods > 0) thresholds.periods = args.periods;
  if (!(thresholds.slightly_above < thresholds.far_above)) {
    std::cerr << "yardstick lab run: --slightly-above must be below --far-above\n";
    return kExitFailure;
  }
  args.policies.thresholds = thresholds;
  // With --tune: first the sweep (calibrated grades), then its recommendation joins the policies.
  std::optional<lab::TuningResult> tuning;
  if (args.tune) {
    lab::LabRunOptions sweep = args.org.run;
    sweep.replications = args.tune_replications;
    tuning = lab::Tune(sweep, *framework, thresholds, lab::TuningGrid{}, lab::Evidence::kCalibrated,
                       args.max_wrong_percent / 100, ProgressBar(args.org.quiet));
    std::cout << fmt::format(
                     "Tuning: Yardstick rules on calibrated grades, {} replications per "
                     "setting.\n",
                     sweep.replications)
              << lab::FormatTuning(*tuning) << "\n";
    if (tuning->recommended) args.policies.tuned = tuning->points[*tuning->recommended].thresholds;
  }
  std::vector<lab::PolicyFactory> policies;
  std::vector<std::string> keys;
  for (lab::PolicyFactory& policy :
       lab::StandardPolicies(*framework, args.org.run.simulation, args.policies)) {
    keys.push_back(PolicyKey(policy.label));
    if (args.only.empty() || std::count(args.only.begin(), args.only.end(), keys.back()) > 0) {
      policies.push_back(std::move(policy));
    }
  }
  for (const std::string& wanted : args.only) {
    if (std::count(keys.begin(), keys.end(), wanted) == 0) {
      std::cerr << fmt::format("yardstick lab run: --policies: no policy '{}'{}; there are {}\n",
                               wanted, DidYouMean(wanted, keys), QuotedList(keys));
      return kExitFailure;
    }
  }
  const auto start = std::chrono::steady_clock::now();
  const std::vector<lab::PolicyOutcome> outcomes =
      lab::RunLab(args.org.run, *framework, policies, ProgressBar(args.org.quiet));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << lab::FormatOutcomeTable(outcomes);
  if (!args.org.quiet) {
    const lab::SimulationOptions& o = args.org.run.simulation;
    const double person_cycles = static_cast<double>(o.people) * o.cycles *
                                 args.org.run.replications * static_cast<double>(policies.size());
    std::cerr << fmt::format("simulated {:.0f} person-cycles in {:.1f} s ({:.0f} per second)\n",
                             person_cycles, seconds, person_cycles / seconds);
  }
  if (!args.csv.empty()) {
    if (Status status = io::WriteCsv(lab::OutcomeCsvTable(outcomes), args.csv); !status.ok()) {
      std::cerr << fmt::format("yardstick lab run: {}\n", status.message());
      return kExitFailure;
    }
  }
  if (!args.html.empty() &&
      !WriteHtmlOrReport({&*framework, &args.org.run, outcomes, tuning ? &*tuning : nullptr},
                         args.html, "lab run")) {
    return kExitFailure;
  }
  return kExitOk;
}

Action RunSetup(CLI::App& app) {
  auto args = std::make_shared<RunArgs>();
  AddOrgOptions(app, args->org);
  app.add_option("--time-norm-years", args->policies.time_norm_years,
                 "Time norms: years in grade between promotions")
      ->capture_default_str()
      ->check(CLI::Range(0.5, 50.0));
  app.add_option("--quota", args->policies.relative_quota,
                 "Relative ratings: share of each grade promoted per cycle at most")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--far-above", args->far_above,
                 "Yardstick rules: grades above that promote now (default: the framework's)")
      ->check(CLI::Range(0.0, 20.0));
  app.add_option("--slightly-above", args->slightly_above,
                 "Yardstick rules: grades above that count towards a promotion (framework's)")
      ->check(CLI::Range(0.0, 20.0));
  app.add_option("--periods", args->periods,
                 "Yardstick rules: cycles slightly above that promote (framework's)")
      ->check(CLI::Range(1, 20));
  app.add_option("--policies", args->only,
                 "Only these policies: time-norms, relative, potential, yardstick-raw, "
                 "yardstick-calibrated, yardstick-tuned (default: all)")
      ->delimiter(',');
  app.add_flag("--tune", args->tune,
               "First sweep the thresholds (as `lab tune`), then compare with the recommended "
               "setting too (\"Yardstick tuned\")");
  app.add_option("--max-wrong-promotions", args->max_wrong_percent,
                 "With --tune: the most wrong promotions to accept, in percent")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 100.0));
  app.add_option("--tune-replications", args->tune_replications,
                 "With --tune: replications per setting swept")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  app.add_option("--csv", args->csv, "Also write the outcomes as CSV to this file");
  app.add_option("--html", args->html, "Also write a self-contained HTML report to this file");
  app.footer(
      "Simulates the organisation under each promotion policy — time norms, relative ratings, "
      "estimated potential, and Yardstick's absolute-scale rules on raw and on calibrated "
      "grades — and prints each outcome's mean with its 95% confidence interval over the "
      "replications. See docs/lab.md for what is simulated and what each outcome means.");
  return [args] { return RunLabRun(*args); };
}

struct TuneArgs {
  OrgArgs org;
  bool raw = false;
  double max_wrong_percent = 15;
  double confidence = NAN;
  lab::TuningGrid grid;
  std::string db;
  std::string from_cycle;
  std::string group;
  std::string ratings;
  std::string ranks;
  std::string csv;
  std::string html;
};

/// Sets the simulated raters' spreads to those a calibration measured, and says so.
void UseSpreads(const engine::VarianceComponents& v, const std::string& where,
                lab::SimulationOptions& simulation) {
  simulation.rating_noise = v.rating_noise_sd;
  simulation.leniency_sd = v.leniency_sd;
  if (v.rank_noise_sd > 0) simulation.rank_noise = v.rank_noise_sd;
  std::cerr << fmt::format(
      "measured in {}: rating noise {:.2f}, leniency spread {:.2f}, rank noise {}\n", where,
      v.rating_noise_sd, v.leniency_sd,
      v.rank_noise_sd > 0 ? fmt::format("{:.2f}", v.rank_noise_sd) : "not measured (kept)");
}

/// Takes the rating noise, leniency spread and rank noise measured by a calibrated cycle's
/// calibration (a fresh, deterministic run on its stored inputs, as `cycle report` makes).
bool MeasuredSpreadsOrReport(const TuneArgs& args, lab::SimulationOptions& simulation) {
  std::unique_ptr<store::Store> store = OpenStoreOrReport(args.db);
  if (!store) return false;
  Result<review::LoadedCycleReport> loaded = review::LoadCycleReport(*store, args.from_cycle);
  if (!loaded.ok()) {
    std::cerr << fmt::format("yardstick lab tune: --from-cycle: {}\n", loaded.status().message());
    return false;
  }
  const review::GroupCalibration* chosen = nullptr;
  std::vector<std::string> groups;
  for (const review::GroupCalibration& group : loaded->calibration) {
    if (group.ratings == 0) continue;
    groups.push_back(group.group_id);
    if (args.group.empty() ? chosen == nullptr || group.ratings > chosen->ratings
                           : group.group_id == args.group) {
      chosen = &group;
    }
  }
  if (chosen == nullptr) {
    std::cerr << fmt::format(
        "yardstick lab tune: --group: cycle {} has no rated group '{}'{}; it has {}\n",
        args.from_cycle, args.group, DidYouMean(args.group, groups), QuotedList(groups));
    return false;
  }
  UseSpreads(chosen->result.variance,
             fmt::format("cycle {}, group {} ({} ratings)", args.from_cycle, chosen->group_id,
                         chosen->ratings),
             simulation);
  return true;
}

/// Takes the spreads a calibration of --ratings (and --ranks) finds: the files `yardstick
/// calibrate` reads, exported from a real cycle.
bool MeasuredFromFilesOrReport(const TuneArgs& args, lab::SimulationOptions& simulation) {
  engine::CalibrationInput input;
  Diagnostics diagnostics;
  auto read = [&](const std::string& path, auto&& reader) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      std::cerr << fmt::format("yardstick lab tune: cannot read {}\n", path);
      return false;
    }
    Diagnostics found;
    reader(file, found);
    std::cerr << found.Format(path);
    return !found.HasErrors();
  };
  if (!read(args.ratings, [&](std::istream& in, Diagnostics& found) {
        io::ReadRatingsCsv(in, {}, input.ratings, found);
      })) {
    return false;
  }
  if (!args.ranks.empty() && !read(args.ranks, [&](std::istream& in, Diagnostics& found) {
        io::ReadRanksCsv(in, input.ranks, found);
      })) {
    return false;
  }
  // As `yardstick calibrate` does without a given scale: the ratings' own range.
  input.scale_min = std::numeric_limits<double>::infinity();
  input.scale_max = -std::numeric_limits<double>::infinity();
  for (const engine::Rating& rating : input.ratings) {
    input.scale_min = std::min(input.scale_min, rating.value);
    input.scale_max = std::max(input.scale_max, rating.value);
  }
  if (!(input.scale_min < input.scale_max)) input.scale_max = input.scale_min + 1;
  Result<engine::CalibrationResult> result = engine::Calibrate(input);
  if (!result.ok()) {
    std::cerr << fmt::format("yardstick lab tune: --ratings: {}\n", result.status().message());
    return false;
  }
  UseSpreads(result->variance, fmt::format("{} ({} ratings)", args.ratings, input.ratings.size()),
             simulation);
  return true;
}

int RunLabTune(TuneArgs& args) {
  if (!args.from_cycle.empty() && !MeasuredSpreadsOrReport(args, args.org.run.simulation)) {
    return kExitFailure;
  }
  if (!args.ratings.empty() && !MeasuredFromFilesOrReport(args, args.org.run.simulation)) {
    return kExitFailure;
  }
  int exit_code = kExitOk;
  std::optional<model::Framework> framework = PrepareOrReport(args.org, "lab tune", exit_code);
  if (!framework) return exit_code;
  model::PromotionPolicy base = framework->policies.promotion;
  if (!std::isnan(args.confidence)) base.confidence = args.confidence / 100;
  const lab::TuningResult result =
      lab::Tune(args.org.run, *framework, base, args.grid,
                args.raw ? lab::Evidence::kRawGrades : lab::Evidence::kCalibrated,
                args.max_wrong_percent / 100, ProgressBar(args.org.quiet));
  if (result.points.empty()) {
    std::cerr << "yardstick lab tune: no setting to try: every --slightly-above value is at or "
                 "above every --far-above value\n";
    return kExitFailure;
  }
  const lab::SimulationOptions& o = args.org.run.simulation;
  std::cout << fmt::format(
      "Yardstick rules on {} grades, {} people over {} cycles, {} replications per setting; "
      "rating noise {:.2f}, leniency spread {:.2f}, rank noise {:.2f}.\n",
      args.raw ? "raw" : "calibrated", o.people, o.cycles, args.org.run.replications,
      o.rating_noise, o.leniency_sd, o.rank_noise);
  std::cout << lab::FormatTuning(result);
  if (!args.csv.empty()) {
    if (Status status = io::WriteCsv(lab::TuningCsvTable(result), args.csv); !status.ok()) {
      std::cerr << fmt::format("yardstick lab tune: {}\n", status.message());
      return kExitFailure;
    }
  }
  if (!args.html.empty() &&
      !WriteHtmlOrReport({&*framework, &args.org.run, {}, &result}, args.html, "lab tune")) {
    return kExitFailure;
  }
  return kExitOk;
}

Action TuneSetup(CLI::App& app) {
  auto args = std::make_shared<TuneArgs>();
  args->org.run.replications = 10;
  AddOrgOptions(app, args->org);
  app.add_flag("--raw", args->raw, "Tune the rules on raw grades (default: calibrated)");
  app.add_option("--max-wrong-promotions", args->max_wrong_percent,
                 "The most wrong promotions to accept, in percent of promotions")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 100.0));
  app.add_option("--confidence", args->confidence,
                 "Confidence the gap is real, in percent (default: the framework's)")
      ->check(CLI::Range(50.0, 99.9));
  app.add_option("--far-above-values", args->grid.far_above, "Values of far_above to try")
      ->delimiter(',')
      ->capture_default_str()
      ->check(CLI::Range(0.0, 20.0));
  app.add_option("--slightly-above-values", args->grid.slightly_above,
                 "Values of slightly_above to try")
      ->delimiter(',')
      ->capture_default_str()
      ->check(CLI::Range(0.0, 20.0));
  app.add_option("--periods-values", args->grid.periods, "Values of periods to try")
      ->delimiter(',')
      ->capture_default_str()
      ->check(CLI::Range(1, 20));
  AddDatabaseOption(app, args->db);
  app.add_option("--from-cycle", args->from_cycle,
                 "Take the rating noise, leniency spread and rank noise from this calibrated "
                 "cycle's calibration (in --db)");
  app.add_option("--group", args->group,
                 "With --from-cycle: the comparison group (default: the one with most ratings)");
  CLI::Option* ratings =
      app.add_option("--ratings", args->ratings,
                     "Or take them from calibrating these ratings (the CSV `yardstick calibrate` "
                     "reads: person_id,rater_id,rating)")
          ->check(CLI::ExistingFile)
          ->excludes("--from-cycle");
  app.add_option("--ranks", args->ranks,
                 "With --ratings: the stack ranks (rater_id,person_id,rank)")
      ->check(CLI::ExistingFile)
      ->needs(ratings);
  app.add_option("--csv", args->csv, "Also write every setting's outcomes as CSV to this file");
  app.add_option("--html", args->html,
                 "Also write a self-contained HTML report with the frontier chart to this file");
  app.footer(
      "Sweeps the thresholds of Yardstick's promotion rules (far above, slightly above, for how "
      "many cycles) on the simulated organisation, prints the frontier of speed (cycles until "
      "people first hold their stable level) against wrong promotions, and recommends the "
      "fastest setting within --max-wrong-promotions. With --from-cycle (or --ratings) the "
      "simulated raters have the noise and leniency spread your own raters showed. See "
      "docs/lab.md.");
  return [args] { return RunLabTune(*args); };
}

}  // namespace

std::vector<Command> LabCommands() {
  return {
      {"lab", "run", "Compare promotion policies on a simulated organisation", RunSetup},
      {"lab", "tune", "Sweep the promotion thresholds; the frontier and a recommendation",
       TuneSetup},
  };
}

}  // namespace yardstick::cli
