// `yardstick calibrate`: calibration straight from CSV files, and `yardstick calibrate synth`, a
// synthetic cycle with known truth for benchmarks.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <map>
#include <thread>

#include <fmt/format.h>

#include "cli/command.h"
#include "engine/benchmark_suggestion.h"
#include "engine/calibration.h"
#include "engine/synthetic_cycle.h"
#include "io/calibration_csv.h"
#include "io/csv_writer.h"

namespace yardstick::cli {
namespace {

/// Diagnostics listed per kind before the rest are only counted.
constexpr size_t kIssuesShown = 10;

struct CalibrateArgs {
  std::string ratings;
  std::string ranks;
  std::string out;
  std::string raters_out;
  double scale_min = std::numeric_limits<double>::quiet_NaN();
  double scale_max = std::numeric_limits<double>::quiet_NaN();
  bool no_ranks = false;
  bool quiet = false;
  bool verbose = false;
  int threads = 2;
  uint64_t seed = engine::CalibrationOptions{}.seed;
};

/// What reading one input file found.
struct InputRead {
  bool opened = false;
  Diagnostics diagnostics;
};

/// Reads |path| with |read| (which fills its own output and the diagnostics).
template <typename ReadFn>
InputRead ReadInput(const std::string& path, const ReadFn& read) {
  InputRead out;
  std::ifstream file(path, std::ios::binary);
  if (!file) return out;
  out.opened = true;
  read(file, out.diagnostics);
  return out;
}

/// Prints what reading |path| found; false when it could not be read or has errors.
bool ReportInput(const std::string& path, const InputRead& read, bool& unreadable) {
  if (!read.opened) {
    std::cerr << fmt::format("yardstick: cannot read {}\n", path);
    unreadable = true;
    return false;
  }
  std::cerr << read.diagnostics.Format(path);
  return !read.diagnostics.HasErrors();
}

void PrintIssues(const engine::CalibrationResult& result) {
  using Kind = engine::CalibrationIssueKind;
  const std::map<Kind, std::string> summary = {
      {Kind::kUnconnectedRater,
       "{} rater{} not connected to the others through any benchmark person: leniency fixed at "
       "0, their people's standard errors include the leniency spread"},
      {Kind::kRankContradictsRating,
       "{} stack-rank pair{} contradict the rater's own grades (ranked higher, graded lower)"},
      {Kind::kUnratedPerson,
       "{} {} no rating: estimated from the stack rank and the group's spread only"},
  };
  for (const auto& [kind, text] : summary) {
    size_t count = 0;
    for (const engine::CalibrationIssue& issue : result.issues) count += issue.kind == kind;
    if (count == 0) continue;
    const char* plural = kind == Kind::kUnratedPerson ? (count == 1 ? "person has" : "people have")
                                                      : (count == 1 ? "" : "s");
    std::cerr << "warning: " << fmt::format(fmt::runtime(text), count, plural) << "\n";
    size_t shown = 0;
    for (const engine::CalibrationIssue& issue : result.issues) {
      if (issue.kind != kind) continue;
      if (shown++ == kIssuesShown) {
        std::cerr << fmt::format("  … and {} more\n", count - kIssuesShown);
        break;
      }
      std::cerr << "  " << engine::DescribeIssue(issue) << "\n";
    }
  }
}

/// When some raters are unconnected, names the cross-ratings that would connect them.
void PrintBenchmarkSuggestions(const engine::CalibrationInput& input,
                               const engine::CalibrationResult& result) {
  const bool unconnected =
      std::any_of(result.issues.begin(), result.issues.end(), [](const auto& issue) {
        return issue.kind == engine::CalibrationIssueKind::kUnconnectedRater &&
               issue.rater_has_ratings;
      });
  if (!unconnected) return;
  const std::vector<engine::BenchmarkSuggestion> suggestions =
      engine::SuggestBenchmarks(input.ranks, input.ratings);
  if (suggestions.empty()) return;
  std::cerr << fmt::format("note: {} more benchmark rating{} would connect every rater:\n",
                           suggestions.size(), suggestions.size() == 1 ? "" : "s");
  for (size_t k = 0; k < suggestions.size() && k < kIssuesShown; ++k) {
    const engine::BenchmarkSuggestion& suggestion = suggestions[k];
    std::cerr << fmt::format("  {} rates {} (connects {} rater{})\n", suggestion.rater_id,
                             suggestion.person_id, suggestion.raters_connected,
                             suggestion.raters_connected == 1 ? "" : "s");
  }
  if (suggestions.size() > kIssuesShown) {
    std::cerr << fmt::format("  … and {} more\n", suggestions.size() - kIssuesShown);
  }
}

std::string Number(double value) { return fmt::format("{:.4f}", value); }

Status WriteOutputs(const CalibrateArgs& args, const engine::CalibrationResult& result) {
  io::ExportTable people{"estimates",
                         {{"person_id"}, {"level"}, {"se"}},
                         result.people.size(),
                         [&](size_t index, std::vector<std::string>& cells) {
                           const engine::PersonEstimate& person = result.people[index];
                           cells[0] = person.person_id;
                           cells[1] = Number(person.level);
                           cells[2] = Number(person.se);
                         }};
  if (Status status = io::WriteCsv(people, args.out); !status.ok()) return status;
  if (args.raters_out.empty()) return Status::Ok();
  io::ExportTable raters{"raters",
                         {{"rater_id"}, {"leniency"}, {"se"}},
                         result.raters.size(),
                         [&](size_t index, std::vector<std::string>& cells) {
                           const engine::RaterEstimate& rater = result.raters[index];
                           cells[0] = rater.rater_id;
                           cells[1] = Number(rater.leniency);
                           cells[2] = Number(rater.se);
                         }};
  return io::WriteCsv(raters, args.raters_out);
}

int RunCalibrate(const CalibrateArgs& args) {
  if (args.ratings.empty() || args.out.empty()) {
    std::cerr << "yardstick calibrate: --ratings and --out are required (see --help)\n";
    return kExitFailure;
  }
  const auto start = std::chrono::steady_clock::now();
  auto since_start = [&start] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  engine::CalibrationInput input;
  io::RatingBounds bounds;
  if (!std::isnan(args.scale_min)) bounds.min = args.scale_min;
  if (!std::isnan(args.scale_max)) bounds.max = args.scale_max;
  // The two files are independent: read the stack ranks on a second thread meanwhile.
  InputRead ranks_read;
  std::thread ranks_reader([&] {
    if (args.ranks.empty()) return;
    ranks_read = ReadInput(args.ranks, [&](std::istream& in, Diagnostics& diagnostics) {
      io::ReadRanksCsv(in, input.ranks, diagnostics);
    });
  });
  const InputRead ratings_read =
      ReadInput(args.ratings, [&](std::istream& in, Diagnostics& diagnostics) {
        io::ReadRatingsCsv(in, bounds, input.ratings, diagnostics);
      });
  ranks_reader.join();
  bool unreadable = false;
  bool good = ReportInput(args.ratings, ratings_read, unreadable);
  if (!args.ranks.empty()) good = ReportInput(args.ranks, ranks_read, unreadable) && good;
  if (unreadable) return kExitFailure;
  if (!good) {
    std::cerr << "yardstick calibrate: the input has errors; nothing was written\n";
    return kExitProblems;
  }
  // Without a given scale, the ratings' own range is the scale.
  input.scale_min = std::numeric_limits<double>::infinity();
  input.scale_max = -std::numeric_limits<double>::infinity();
  for (const engine::Rating& rating : input.ratings) {
    input.scale_min = std::min(input.scale_min, rating.value);
    input.scale_max = std::max(input.scale_max, rating.value);
  }
  if (bounds.min) input.scale_min = *bounds.min;
  if (bounds.max) input.scale_max = *bounds.max;
  if (!(input.scale_min < input.scale_max)) input.scale_max = input.scale_min + 1;

  const double read_seconds = since_start();
  engine::CalibrationOptions options;
  options.use_ranks = !args.no_ranks;
  options.threads = args.threads;
  options.seed = args.seed;
  Result<engine::CalibrationResult> result = engine::Calibrate(input, options);
  if (!result.ok()) {
    std::cerr << fmt::format("yardstick calibrate: {}; nothing was written\n",
                             result.status().message());
    return kExitProblems;
  }
  PrintIssues(*result);
  PrintBenchmarkSuggestions(input, *result);
  const double before_write = since_start();
  if (Status status = WriteOutputs(args, *result); !status.ok()) {
    std::cerr << fmt::format("yardstick calibrate: {}\n", status.message());
    return kExitFailure;
  }
  if (args.verbose) {
    const engine::CalibrationStats& s = result->stats;
    std::cerr << fmt::format(
        "phases (s): read {:.2f}, index {:.2f}, variance components {:.2f} ({} EM iterations on "
        "{} raters), ratings-only fit {:.2f}, fit with ranks {:.2f}, standard errors {:.2f} ({} "
        "samples), issues {:.2f}, write {:.2f}; {} Newton steps, {} CG iterations\n",
        read_seconds, s.index_seconds, s.variance_seconds, s.variance_iterations,
        s.variance_subset_raters, s.ratings_fit_seconds, s.ranks_fit_seconds, s.se_seconds,
        s.se_samples, s.issues_seconds, since_start() - before_write, s.newton_steps,
        s.cg_iterations);
  }
  if (!args.quiet) {
    const double seconds = since_start();
    const engine::VarianceComponents& v = result->variance;
    std::cerr << fmt::format(
        "calibrated {} people and {} raters in {:.2f} s: mean {:.3f}, performance sd {:.3f}, "
        "leniency sd {:.3f}, rating noise {:.3f}, rank noise {}\n",
        result->people.size(), result->raters.size(), seconds, v.mean, v.performance_sd,
        v.leniency_sd, v.rating_noise_sd,
        v.rank_noise_sd > 0 ? fmt::format("{:.3f}", v.rank_noise_sd) : "not used");
  }
  return kExitOk;
}

Action CalibrateSetup(CLI::App& app) {
  auto args = std::make_shared<CalibrateArgs>();
  app.add_option("--ratings", args->ratings, "Ratings: CSV with person_id,rater_id,rating")
      ->check(CLI::ExistingFile);
  app.add_option("--ranks", args->ranks,
                 "Stack ranks: CSV with rater_id,person_id,rank (1 = best); optional")
      ->check(CLI::ExistingFile);
  app.add_option("--out", args->out, "Where to write person_id,level,se for every person");
  app.add_option("--raters-out", args->raters_out, "Where to write rater_id,leniency,se");
  app.add_option("--scale-min", args->scale_min, "Lowest rating on the scale (checked if given)");
  app.add_option("--scale-max", args->scale_max, "Highest rating on the scale (checked if given)");
  app.add_flag("--no-ranks", args->no_ranks,
               "Fit the ratings alone (the stack ranks are still checked against the grades)");
  app.add_option("--threads", args->threads, "Worker threads (default 2)")
      ->check(CLI::Range(1, 64));
  app.add_option("--seed", args->seed, "Seed of the Monte Carlo standard errors");
  app.add_flag("--quiet", args->quiet, "No summary line");
  app.add_flag("--verbose", args->verbose, "Also print the time of each phase and solver counts");
  app.footer(
      "Estimates every person's performed level on the scale with a standard error, and every "
      "rater's leniency, from ratings, stack ranks and benchmark people (people rated by several "
      "raters). Outputs are written whole or not at all. Warnings on stderr name what "
      "calibration cannot resolve. See docs/calibration.md.");
  return [args] { return RunCalibrate(*args); };
}

struct SynthArgs {
  engine::SyntheticCycleOptions options;
  std::string out_dir = ".";
};

Status WriteSynthetic(const engine::SyntheticCycle& cycle, const std::string& dir) {
  const std::filesystem::path base(dir);
  std::error_code error;
  std::filesystem::create_directories(base, error);
  if (error) return Status::IoError(fmt::format("cannot create {}: {}", dir, error.message()));
  const engine::CalibrationInput& input = cycle.input;
  io::ExportTable ratings{"ratings",
                          {{"person_id"}, {"rater_id"}, {"rating"}},
                          input.ratings.size(),
                          [&](size_t index, std::vector<std::string>& cells) {
                            cells[0] = input.ratings[index].person_id;
                            cells[1] = input.ratings[index].rater_id;
                            cells[2] = fmt::format("{:g}", input.ratings[index].value);
                          }};
  std::vector<std::pair<size_t, size_t>> rank_rows;  // (list, position)
  for (size_t list = 0; list < input.ranks.size(); ++list) {
    for (size_t position = 0; position < input.ranks[list].person_ids.size(); ++position) {
      rank_rows.emplace_back(list, position);
    }
  }
  io::ExportTable ranks{"ranks",
                        {{"rater_id"}, {"person_id"}, {"rank"}},
                        rank_rows.size(),
                        [&](size_t index, std::vector<std::string>& cells) {
                          const auto [list, position] = rank_rows[index];
                          cells[0] = input.ranks[list].rater_id;
                          cells[1] = input.ranks[list].person_ids[position];
                          cells[2] = std::to_string(position + 1);
                        }};
  io::ExportTable truth{"truth",
                        {{"person_id"}, {"level"}, {"rater_id"}},
                        cycle.people.size(),
                        [&](size_t index, std::vector<std::string>& cells) {
                          const engine::SyntheticPerson& person = cycle.people[index];
                          cells[0] = person.id;
                          cells[1] = fmt::format("{:.6f}", person.level);
                          cells[2] = cycle.raters[person.team].id;
                        }};
  io::ExportTable truth_raters{"truth_raters",
                               {{"rater_id"}, {"leniency"}},
                               cycle.raters.size(),
                               [&](size_t index, std::vector<std::string>& cells) {
                                 cells[0] = cycle.raters[index].id;
                                 cells[1] = fmt::format("{:.6f}", cycle.raters[index].leniency);
                               }};
  for (const auto& [table, name] :
       {std::pair{&ratings, "ratings.csv"}, std::pair{&ranks, "ranks.csv"},
        std::pair{&truth, "truth.csv"}, std::pair{&truth_raters, "truth_raters.csv"}}) {
    if (Status status = io::WriteCsv(*table, (base / name).string()); !status.ok()) return status;
  }
  return Status::Ok();
}

Action SynthSetup(CLI::App& app) {
  auto args = std::make_shared<SynthArgs>();
  engine::SyntheticCycleOptions& o = args->options;
  app.add_option("--people", o.people, "People in the comparison group")->capture_default_str();
  app.add_option("--team-size", o.team_size, "People per team (one rater each)")
      ->capture_default_str();
  app.add_option("--performance-sd", o.performance_sd, "Spread of true performance (grades)")
      ->capture_default_str();
  app.add_option("--leniency-sd", o.leniency_sd, "Spread of rater leniency (grades)")
      ->capture_default_str();
  app.add_option("--rating-noise", o.rating_noise, "Noise sd of one rating (grades)")
      ->capture_default_str();
  app.add_option("--rank-noise", o.rank_noise, "Noise sd behind the stack ranks (grades)")
      ->capture_default_str();
  app.add_option("--benchmarks", o.benchmarks_per_team, "Benchmark people per team")
      ->capture_default_str();
  app.add_option("--cross-raters", o.raters_per_benchmark,
                 "Raters of other teams rating each benchmark person")
      ->capture_default_str();
  app.add_option("--scale-size", o.scale_size, "Grades on the scale (1 … N)")
      ->capture_default_str();
  app.add_option("--seed", o.seed, "Random seed (same seed, same files)")->capture_default_str();
  app.add_option("--out-dir", args->out_dir,
                 "Directory for ratings.csv, ranks.csv, truth.csv, "
                 "truth_raters.csv")
      ->capture_default_str();
  return [args] {
    Result<engine::SyntheticCycle> cycle = engine::GenerateSyntheticCycle(args->options);
    if (!cycle.ok()) {
      std::cerr << fmt::format("yardstick calibrate synth: {}\n", cycle.status().message());
      return kExitFailure;
    }
    if (Status status = WriteSynthetic(*cycle, args->out_dir); !status.ok()) {
      std::cerr << fmt::format("yardstick calibrate synth: {}\n", status.message());
      return kExitFailure;
    }
    std::cerr << fmt::format("wrote {} ratings of {} people by {} raters to {}\n",
                             cycle->input.ratings.size(), cycle->people.size(),
                             cycle->raters.size(), args->out_dir);
    return kExitOk;
  };
}

}  // namespace

std::vector<Command> CalibrateCommands() {
  return {
      {"calibrate", "", "Calibrate ratings from CSV files (see `calibrate --help`)",
       CalibrateSetup},
      {"calibrate", "synth", "Write a synthetic cycle with known truth (ratings, ranks, truth)",
       SynthSetup},
  };
}

}  // namespace yardstick::cli
