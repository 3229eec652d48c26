// The API's own cost per request, without HTTP (issue 6): server::Api::Handle for
// `GET /api/people/{random id}` with a session cookie, on a SQLite database of the demo
// organisation with N people — the session check, who is asking, the person, the authorisation
// (the manager chain above them) and the JSON. bench/api_people.sh measures the same route over
// HTTP against nginx; this one says how much of a request is the API's.
//
// Two callers: the person at the top of the manager tree (sees everyone through the chain walk)
// and a member of the people team (sees everyone by role).
//
// The database is built once per size and kept (YARDSTICK_BENCH_DIR, default
// /tmp/yardstick-bench) by `yardstick demo init --no-cycles`.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "base/clock.h"
#include "demo_database.h"
#include "engine/random.h"
#include "org/authenticator.h"
#include "server/api.h"
#include "store/store.h"

namespace yardstick::server {
namespace {

constexpr const char* kPassword = "benchmark password, long enough";

[[noreturn]] void Fail(const std::string& what, const Status& status) {
  std::cerr << "api_handle_bench: " << what << ": " << status.message() << "\n";
  std::exit(1);
}

/// Gives |person_id| an account with kPassword (demo init may have made one already).
void Account(org::Authenticator& authenticator, const std::string& person_id) {
  Status made = authenticator.CreateAccount(person_id, kPassword, "bench");
  if (made.code() == Status::Code::kAlreadyExists) {
    made = authenticator.SetPassword(person_id, kPassword, "bench");
  }
  if (!made.ok()) Fail("account for " + person_id, made);
}

struct Callers {
  std::string path;
  std::string top;          ///< the person at the top of the manager tree
  std::string people_team;  ///< a member of the people team
};

/// The database of |count| people, made once; who signs in is kept beside it.
Callers Database(int count) {
  const std::string path = fmt::format("{}/api-handle-{}.db", bench::BenchDir(), count);
  Callers callers{path, "", ""};
  if (std::ifstream built(path + ".built"); built >> callers.top >> callers.people_team) {
    return callers;
  }
  if (Status made = bench::MakeDemoDatabase(path, count); !made.ok()) Fail("demo init", made);
  auto store = store::Store::Open(path);
  if (!store.ok()) Fail("open", store.status());
  // Accounts for the top of the tree and for a member of the people team.
  store::PeopleQuery query;
  auto people = (*store)->ListPeople(query);
  if (!people.ok()) Fail("people", people.status());
  auto roles = (*store)->Roles();
  if (!roles.ok()) Fail("roles", roles.status());
  org::Authenticator authenticator(**store, SystemClock::Instance());
  for (const model::Person& person : *people) {
    if (!person.manager_id.empty()) continue;
    Account(authenticator, person.id);
    callers.top = person.id;
    break;
  }
  for (const model::RoleGrant& grant : *roles) {
    if (grant.role != model::Role::kPeopleTeam) continue;
    Account(authenticator, grant.person_id);
    callers.people_team = grant.person_id;
    break;
  }
  std::ofstream(path + ".built") << callers.top << " " << callers.people_team << "\n";
  return callers;
}

struct Fixture {
  std::unique_ptr<Api> api;
  std::string top_cookie;
  std::string people_team_cookie;
  std::vector<std::string> ids;  ///< everyone's, to ask for at random
};

std::string SignIn(Api& api, const std::string& login) {
  HttpRequest request;
  request.method = "POST";
  request.path = "/api/session";
  request.headers.emplace("content-type", "application/json");
  request.body = nlohmann::json{{"login", login}, {"password", kPassword}}.dump();
  request.remote_address = "127.0.0.1";
  HttpResponse response = api.Handle(request);
  for (const auto& [name, value] : response.headers) {
    if (name == "Set-Cookie") return value.substr(0, value.find(';'));
  }
  Fail("sign in as " + login, Status::Internal(response.body));
}

Fixture& Get(int count) {
  static std::map<int, Fixture> fixtures;
  Fixture& fixture = fixtures[count];
  if (fixture.api) return fixture;
  const Callers callers = Database(count);
  auto store = store::Store::Open(callers.path);
  if (!store.ok()) Fail("open", store.status());
  auto people = (*store)->ListPeople(store::PeopleQuery{});
  if (!people.ok()) Fail("people", people.status());
  for (const model::Person& person : *people) fixture.ids.push_back(person.id);
  fixture.api = std::make_unique<Api>(std::move(*store), SystemClock::Instance());
  fixture.top_cookie = SignIn(*fixture.api, callers.top);
  fixture.people_team_cookie = SignIn(*fixture.api, callers.people_team);
  return fixture;
}

void GetPerson(benchmark::State& state, bool people_team) {
  Fixture& fixture = Get(static_cast<int>(state.range(0)));
  engine::RandomSource random(7);
  HttpRequest request;
  request.method = "GET";
  request.headers.emplace("cookie", people_team ? fixture.people_team_cookie : fixture.top_cookie);
  request.remote_address = "127.0.0.1";
  int64_t bytes = 0;
  for (auto _ : state) {
    request.path = "/api/people/" + fixture.ids[random.Index(fixture.ids.size())];
    HttpResponse response = fixture.api->Handle(request);
    if (response.status != 200) {
      state.SkipWithError(("status " + std::to_string(response.status)).c_str());
      break;
    }
    bytes += static_cast<int64_t>(response.body.size());
    benchmark::DoNotOptimize(response);
  }
  state.counters["bytes"] =
      benchmark::Counter(static_cast<double>(bytes) / static_cast<double>(state.iterations()));
}

void BM_GetPersonAsTopManager(benchmark::State& state) { GetPerson(state, false); }
void BM_GetPersonAsPeopleTeam(benchmark::State& state) { GetPerson(state, true); }

BENCHMARK(BM_GetPersonAsTopManager)->Arg(10000)->Arg(1000000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_GetPersonAsPeopleTeam)->Arg(10000)->Arg(1000000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace yardstick::server

BENCHMARK_MAIN();
