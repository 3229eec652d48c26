// Deciding a cycle end to end (issue 5): review::DecideCycle on a SQLite database of the demo
// organisation with N people, its engineering cycle calibrated, and 8 earlier engineering cycles
// (half-years from 2022-H1) decided — everything `yardstick cycle decide` does: loading the
// cycle, the organisation, the level history and 9 cycles of calibrated results, deciding, and
// storing the slate (replacing the one before, so every iteration does the same work).
//
// The database is built once per size and kept (YARDSTICK_BENCH_DIR, default
// /tmp/yardstick-bench): the people by `yardstick demo init --no-cycles`, the cycles and their
// results through the store. Each engineering person has a lasting offset from the grade held —
// most near 0 (sd 0.5), 8% far above (about +2.5), 8% below (about −1.5) — and each cycle's
// result is the grade held plus that offset plus noise of the cycle's standard error (0.2–0.8),
// clamped to the scale. Someone hired after a cycle's period has no result in it.
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "demo_database.h"
#include "engine/random.h"
#include "ladder/framework_loader.h"
#include "review/decide_cycle_job.h"
#include "store/store.h"

namespace yardstick::review {
namespace {

constexpr int kPastCycles = 8;
constexpr const char* kActor = "bench";  // who built the cycles
constexpr uint64_t kSeed = 11;

std::string CycleId(int index) {
  return fmt::format("engineering-{}-h{}", 2022 + index / 2, 1 + index % 2);
}

[[noreturn]] void Fail(const std::string& what, const Status& status) {
  std::cerr << "decide_cycle_bench: " << what << ": " << status.message() << "\n";
  std::exit(1);
}

/// Builds the database at |path| for |count| people (see the top of the file).
void Build(const std::string& path, int count) {
  if (Status made = bench::MakeDemoDatabase(path, count); !made.ok()) Fail("demo init", made);
  auto store = store::Store::Open(path);
  if (!store.ok()) Fail("open", store.status());
  auto framework = (*store)->CurrentFramework("engineering");
  if (!framework.ok() || !*framework) Fail("framework", Status::NotFound("engineering"));
  ladder::LoadedFramework loaded = ladder::LoadFramework((*framework)->yaml);
  const model::Scale& scale = loaded.framework.scale;
  const double top = scale.size() - 1;
  store::PeopleQuery query;
  query.group = "engineering";
  auto people = (*store)->ListPeople(query);
  if (!people.ok()) Fail("people", people.status());
  engine::RandomSource random(kSeed);
  std::vector<double> offsets;
  offsets.reserve(people->size());
  for (size_t i = 0; i < people->size(); ++i) {
    const double kind = random.Uniform();
    offsets.push_back(kind < 0.08   ? 2.5 + 0.5 * random.Normal()
                      : kind < 0.16 ? -1.5 - 0.4 * std::abs(random.Normal())
                                    : 0.5 * random.Normal());
  }
  using model::CycleState;
  for (int c = 0; c <= kPastCycles; ++c) {
    model::Cycle cycle;
    cycle.id = CycleId(c);
    cycle.name = cycle.id;
    cycle.framework_id = "engineering";
    cycle.framework_hash = (*framework)->hash;
    cycle.period = *model::Period::Parse(fmt::format("{}-H{}", 2022 + c / 2, 1 + c % 2));
    if (Status s = (*store)->CreateCycle(cycle, kActor); !s.ok()) Fail("cycle", s);
    for (auto [from, to] : {std::pair{CycleState::kOpen, CycleState::kRating},
                            {CycleState::kRating, CycleState::kCalibrating}}) {
      if (Status s = (*store)->SetCycleState(cycle.id, from, to, kActor); !s.ok()) Fail("move", s);
    }
    std::vector<store::Store::PerformedResult> results;
    results.reserve(people->size());
    for (size_t i = 0; i < people->size(); ++i) {
      const model::Person& person = (*people)[i];
      if (cycle.period.end < person.hire_date) continue;
      const double se = 0.2 + 0.6 * random.Uniform();
      const double performed =
          std::clamp(scale.IndexOf(person.grade) + offsets[i] + se * random.Normal(), 0.0, top);
      results.push_back({person.id, performed, se});
    }
    if (Status s =
            (*store)->PutCalibration(cycle.id, CycleState::kCalibrating, results, {}, "{}", kActor);
        !s.ok()) {
      Fail("calibration", s);
    }
    if (c < kPastCycles) {
      if (Status s = (*store)->SetCycleState(cycle.id, CycleState::kCalibrating,
                                             CycleState::kDecided, kActor);
          !s.ok()) {
        Fail("decided", s);
      }
    }
  }
}

/// The demo's people team (E000001, or E0000001 in an organisation of a million).
std::string PeopleTeam(store::Store& store) {
  auto roles = store.Roles();
  if (!roles.ok()) Fail("roles", roles.status());
  for (const model::RoleGrant& grant : *roles) {
    if (grant.role == model::Role::kPeopleTeam) return grant.person_id;
  }
  Fail("roles", Status::NotFound("nobody is the people team"));
}

/// The database for |count| people, built on first use.
std::string Database(int count) {
  const std::string path = fmt::format("{}/decide-{}.db", bench::BenchDir(), count);
  const std::string done = path + ".built";
  if (!std::filesystem::exists(done) || !std::filesystem::exists(path)) {
    std::cerr << fmt::format("building {} (once)…\n", path);
    Build(path, count);
    std::filesystem::remove(path + ".built");
    if (FILE* marker = std::fopen(done.c_str(), "w"); marker != nullptr) std::fclose(marker);
  }
  return path;
}

/// Deciding, with a slate to replace (|first| false) or none yet (the slate removed, untimed).
void DecideCycleBench(benchmark::State& state, bool first) {
  const std::string path = Database(static_cast<int>(state.range(0)));
  std::map<model::Proposal, int> mix;
  size_t people = 0;
  int past = 0;
  for (auto _ : state) {
    if (first) {
      state.PauseTiming();
      auto database = store::OpenDatabase(path);
      if (!database.ok()) Fail("open", database.status());
      if (Status s = (*database)->Run("DELETE FROM decisions"); !s.ok()) Fail("delete", s);
      if (Status s = (*database)->ExecuteScript("PRAGMA wal_checkpoint(TRUNCATE)"); !s.ok()) {
        Fail("checkpoint", s);
      }
      state.ResumeTiming();
    }
    auto store = store::Store::Open(path);
    if (!store.ok()) Fail("open", store.status());
    Result<DecidedCycle> decided = DecideCycle(**store, CycleId(kPastCycles), PeopleTeam(**store));
    if (!decided.ok()) Fail("decide", decided.status());
    state.PauseTiming();
    people = decided->slate.size();
    past = decided->past_cycles;
    mix.clear();
    for (const model::Decision& d : decided->slate) ++mix[d.proposal];
    decided = Status::Ok();  // freeing the slate is not deciding
    state.ResumeTiming();
  }
  const double n = static_cast<double>(people);
  state.counters["people"] = n;
  state.counters["past_cycles"] = past;
  state.counters["promote_now"] = mix[model::Proposal::kPromoteNow] / n;
  state.counters["promote"] = mix[model::Proposal::kPromote] / n;
  state.counters["plan"] = mix[model::Proposal::kPlan] / n;
  state.counters["exit"] = mix[model::Proposal::kExitConversation] / n;
}
void BM_DecideCycle(benchmark::State& state) { DecideCycleBench(state, false); }
void BM_DecideCycleFirst(benchmark::State& state) { DecideCycleBench(state, true); }

BENCHMARK(BM_DecideCycleFirst)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Unit(benchmark::kSecond)
    ->UseRealTime()
    ->Iterations(3);
BENCHMARK(BM_DecideCycle)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Unit(benchmark::kSecond)
    ->UseRealTime()
    ->Iterations(3);

}  // namespace
}  // namespace yardstick::review

BENCHMARK_MAIN();
