// Decision speed (issue 5): engine::Decide on a synthetic cycle of the built-in engineering
// ladder, each person with this cycle's calibrated result and 8 earlier ones. The inputs are built
// once per size, deterministically from a seed, outside the timed region; so is freeing the slate.
// The counters give the mix of proposals (shares of people), so a change in the generator that
// makes the work easier (everyone "at level") shows, and the mean length of the reasons written.
//
// The people: grades weighted towards the middle of the scale, track ic, position
// software-engineer (or tech-lead for a share of those from L3 up, a few of them below its
// minimum). Each person has a lasting offset from the grade held — most near 0 (sd 0.5), 8% far
// above (about +2.5), 8% below (about −1.5) — and each cycle's result is the grade held plus that
// offset plus noise of the cycle's standard error, drawn uniformly from 0.2–0.8. Earlier cycles
// were held one grade lower with some probability (a promotion since).
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "base/file.h"
#include "engine/decision_rules.h"
#include "engine/random.h"
#include "ladder/framework_loader.h"

namespace yardstick::engine {
namespace {

constexpr int kPastCycles = 8;
constexpr uint64_t kSeed = 5;

const model::Framework& Engineering() {
  static const model::Framework framework = [] {
    const std::string path = std::string(YARDSTICK_SOURCE_DIR) + "/frameworks/engineering.yaml";
    Result<std::string> text = ReadTextFile(path);
    if (!text.ok()) {
      std::cerr << text.status().message() << "\n";
      std::abort();
    }
    ladder::LoadedFramework loaded = ladder::LoadFramework(*text);
    if (!loaded.ok()) {
      std::cerr << path << " does not load\n";
      std::abort();
    }
    return std::move(loaded.framework);
  }();
  return framework;
}

/// The people and their records, which point into them.
struct Inputs {
  std::vector<model::Person> people;
  std::vector<PersonRecord> records;
};

Inputs People(const model::Framework& framework, int count) {
  const model::Scale& scale = framework.scale;
  const int top = scale.size() - 1;
  const int tech_lead_min = framework.ResolveBound("L3").first;
  RandomSource random(kSeed);
  Inputs inputs;
  inputs.people.resize(count);  // never resized again: the records point into it
  inputs.records.resize(count);
  for (int i = 0; i < count; ++i) {
    PersonRecord& record = inputs.records[i];
    // Grades: a bell around the middle of the scale (G-H), clamped to its ends.
    const int held = std::clamp(static_cast<int>(std::lround(6.5 + 2.8 * random.Normal())), 0, top);
    model::Person& person = inputs.people[i];
    record.person = &person;
    person.id = fmt::format("E{:07}", i);
    person.group = "engineering";
    person.track = "ic";
    person.grade = scale.IdAt(held);
    const double draw = random.Uniform();
    if (held >= tech_lead_min && draw < 0.15) {
      person.position = "tech-lead";
    } else if (held == tech_lead_min - 1 && draw < 0.02) {
      person.position = "tech-lead";  // below the position's minimum: flagged
    } else {
      person.position = "software-engineer";
    }
    const double kind = random.Uniform();
    const double offset = kind < 0.08   ? 2.5 + 0.5 * random.Normal()
                          : kind < 0.16 ? -1.5 - 0.4 * std::abs(random.Normal())
                                        : 0.5 * random.Normal();
    // When 0 < promoted_at < 8 (29% of people), promoted just before earlier cycle |promoted_at|:
    // held a grade less in the cycles before it.
    const int promoted_at = static_cast<int>(random.Index(3 * kPastCycles));
    const auto cycle = [&](int index) {
      CycleResult result;
      result.held =
          (index < promoted_at && promoted_at < kPastCycles && held > 0) ? held - 1 : held;
      result.se = 0.2 + 0.6 * random.Uniform();
      result.performed = std::clamp(result.held + offset + result.se * random.Normal(), 0.0,
                                    static_cast<double>(top));
      return result;
    };
    record.past.reserve(kPastCycles);
    for (int c = 0; c < kPastCycles; ++c) record.past.push_back(cycle(c));
    record.result = cycle(kPastCycles);
  }
  return inputs;
}

const std::vector<PersonRecord>& CachedPeople(int count) {
  static std::map<int, Inputs> cache;  // a map's values never move
  auto it = cache.find(count);
  if (it == cache.end()) it = cache.emplace(count, People(Engineering(), count)).first;
  return it->second.records;
}

void BM_Decide(benchmark::State& state) {
  const model::Framework& framework = Engineering();
  const std::vector<PersonRecord>& people = CachedPeople(static_cast<int>(state.range(0)));
  std::map<Proposal, int> mix;
  int bonuses = 0;
  int flagged = 0;
  double reason_chars = 0;
  for (auto _ : state) {
    std::vector<SlateEntry> slate = Decide(framework, people);
    benchmark::DoNotOptimize(slate.data());
    state.PauseTiming();
    mix.clear();
    bonuses = flagged = 0;
    reason_chars = 0;
    for (const SlateEntry& entry : slate) {
      ++mix[entry.proposal];
      bonuses += entry.bonus.has_value() ? 1 : 0;
      flagged += entry.flags.empty() ? 0 : 1;
      reason_chars += static_cast<double>(entry.reason.size());
    }
    slate = {};  // freeing a million entries is not deciding
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(people.size()));
  const double n = static_cast<double>(people.size());
  state.counters["people"] = n;
  state.counters["promote_now"] = mix[Proposal::kPromoteNow] / n;
  state.counters["promote"] = mix[Proposal::kPromote] / n;
  state.counters["no_change"] = mix[Proposal::kNoChange] / n;
  state.counters["plan"] = mix[Proposal::kPlan] / n;
  state.counters["exit"] = mix[Proposal::kExitConversation] / n;
  state.counters["bonus"] = bonuses / n;
  state.counters["flagged"] = flagged / n;
  state.counters["reason_chars"] = reason_chars / n;  // the mean length of a reason
}
BENCHMARK(BM_Decide)
    ->Arg(100000)
    ->Arg(1000000)
    ->ArgName("people")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// Building the inputs, for scale: not part of the target.
void BM_BuildDecisionInputs(benchmark::State& state) {
  const model::Framework& framework = Engineering();
  for (auto _ : state) {
    Inputs people = People(framework, static_cast<int>(state.range(0)));
    benchmark::DoNotOptimize(people.records.data());
    state.PauseTiming();
    people = {};
    state.ResumeTiming();
  }
}
BENCHMARK(BM_BuildDecisionInputs)
    ->Arg(100000)
    ->ArgName("people")
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
}  // namespace yardstick::engine

BENCHMARK_MAIN();
