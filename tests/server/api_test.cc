// The HTTP API without sockets (server::Api::Handle): signing in, the CSRF rule, and the
// authorisation matrix — every route × every role × their own record, someone in a manager's
// line and someone out of it — on both engines. A route without a row in the matrix fails the
// test, so no endpoint goes unchecked.
#include "server/api.h"

#include <chrono>
#include <map>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "api_fixture.h"
#include "org/authenticator.h"
#include "store/store.h"

namespace yardstick::server {
namespace {

class ApiTest : public ApiFixture {};

TEST_P(ApiTest, SignInSetsAnHttpOnlyStrictCookieAndSaysWhoIsSignedIn) {
  const HttpResponse response =
      Call("POST", "/api/session",
           nlohmann::json({{"login", "e2@EXAMPLE.org"}, {"password", kPassword}}).dump());
  ASSERT_EQ(response.status, 201) << response.body;
  std::string cookie;
  for (const auto& [name, value] : response.headers) {
    if (name == "Set-Cookie") cookie = value;
  }
  EXPECT_NE(cookie.find("ys_session="), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  const nlohmann::json body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["person_id"], "E2");
  EXPECT_EQ(body["csrf_token"].get<std::string>().size(), 43u);
  // The cookie's token is not in the body, and the CSRF token is not in the cookie.
  EXPECT_EQ(response.body.find(cookie.substr(11, 20)), std::string::npos);
}

TEST_P(ApiTest, AWrongPasswordAndAnUnknownLoginGetTheSameAnswer) {
  const HttpResponse wrong =
      Call("POST", "/api/session", nlohmann::json({{"login", "E2"}, {"password", "nope"}}).dump());
  const HttpResponse unknown =
      Call("POST", "/api/session", nlohmann::json({{"login", "E99"}, {"password", "nope"}}).dump());
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(wrong.body, unknown.body);
  EXPECT_EQ(nlohmann::json::parse(wrong.body)["error"]["code"], "unauthenticated");
}

TEST_P(ApiTest, RepeatedFailuresAreThrottledWithRetryAfter) {
  HttpResponse last;
  for (int i = 0; i < 6; ++i) {
    last = Call("POST", "/api/session",
                nlohmann::json({{"login", "E4"}, {"password", "wrong password"}}).dump());
  }
  EXPECT_EQ(last.status, 429) << last.body;
  bool retry_after = false;
  for (const auto& [name, value] : last.headers) retry_after |= name == "Retry-After";
  EXPECT_TRUE(retry_after);
  // Even the right password waits.
  EXPECT_EQ(Call("POST", "/api/session",
                 nlohmann::json({{"login", "E4"}, {"password", kPassword}}).dump())
                .status,
            429);
}

TEST_P(ApiTest, AChangeUnderASessionNeedsItsCsrfToken) {
  Signed e2 = SignIn("E2");
  Signed without = e2;
  without.csrf.clear();
  const HttpResponse refused = As(without, "DELETE", "/api/session");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(nlohmann::json::parse(refused.body)["error"]["code"], "csrf_token_missing_or_wrong");
  Signed forged = e2;
  forged.csrf = std::string(e2.csrf.size(), 'A');
  EXPECT_EQ(As(forged, "DELETE", "/api/session").status, 403);
  EXPECT_EQ(As(e2, "GET", "/api/session").status, 200);  // still signed in
  EXPECT_EQ(As(e2, "DELETE", "/api/session").status, 204);
  EXPECT_EQ(As(e2, "GET", "/api/session").status, 401);  // signed out for good
}

TEST_P(ApiTest, AChangeWithoutACookieIsRefusedAndAFormPostIsNotJson) {
  EXPECT_EQ(Call("DELETE", "/api/session").status, 401);
  HttpRequest form;
  form.method = "POST";
  form.path = "/api/session";
  form.body = "login=E2&password=x";
  form.headers.emplace("content-type", "application/x-www-form-urlencoded");
  EXPECT_EQ(api_->Handle(form).status, 415);
}

TEST_P(ApiTest, APasswordChangeEndsEverySession) {
  Signed first = SignIn("E4");
  Signed second = SignIn("E4");
  const HttpResponse wrong_old = As(first, "PUT", "/api/session/password",
                                    nlohmann::json({{"old_password", "not it at all"},
                                                    {"new_password", "a brand new passphrase"}})
                                        .dump());
  EXPECT_EQ(wrong_old.status, 403) << wrong_old.body;
  const HttpResponse changed =
      As(first, "PUT", "/api/session/password",
         nlohmann::json({{"old_password", kPassword}, {"new_password", "a brand new passphrase"}})
             .dump());
  EXPECT_EQ(changed.status, 204) << changed.body;
  EXPECT_EQ(As(first, "GET", "/api/session").status, 401);
  EXPECT_EQ(As(second, "GET", "/api/session").status, 401);
}

TEST_P(ApiTest, AnApiTokenWorksWithoutCsrfUntilRevoked) {
  // Made here through the authenticator, as `yardstick token create` does.
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(url(), clock_);
  ASSERT_TRUE(store.ok());
  org::Authenticator authenticator(**store, clock_);
  Result<std::pair<std::string, std::string>> token =
      authenticator.CreateApiToken("E2", "script", std::nullopt);
  ASSERT_TRUE(token.ok()) << token.status().message();
  const std::map<std::string, std::string> bearer = {{"authorization", "Bearer " + token->second}};
  EXPECT_EQ(Call("GET", "/api/people/E3", "", bearer).status, 200);
  EXPECT_EQ(Call("GET", "/api/people/E6", "", bearer).status, 404);
  ASSERT_TRUE(authenticator.RevokeApiToken("E2", token->first).ok());
  EXPECT_EQ(Call("GET", "/api/people/E3", "", bearer).status, 401);
}

TEST_P(ApiTest, ASessionEndedOutsideTheServerEndsWithinASecond) {
  // `yardstick user disable` runs in another process: the server learns of it when it checks the
  // session again, at most a second after it last did (server/sign_in_cache.h).
  const Signed e2 = SignIn("E2");
  EXPECT_EQ(As(e2, "GET", "/api/people/E3").status, 200);
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(url(), clock_);
  ASSERT_TRUE(store.ok());
  org::Authenticator authenticator(**store, clock_);
  ASSERT_TRUE(authenticator.DisableAccount("E2", "E1").ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  EXPECT_EQ(As(e2, "GET", "/api/people/E3").status, 401);
}

TEST_P(ApiTest, ListsShowOnlyWhoTheCallerMaySee) {
  const auto ids = [&](const std::string& login) {
    const HttpResponse response = As(SignIn(login), "GET", "/api/people");
    EXPECT_EQ(response.status, 200) << response.body;
    std::set<std::string> seen;
    const nlohmann::json body = nlohmann::json::parse(response.body);
    for (const auto& person : body["people"]) {
      seen.insert(person["id"].get<std::string>());
    }
    return seen;
  };
  EXPECT_EQ(ids("E4"), (std::set<std::string>{"E4"}));
  EXPECT_EQ(ids("E2"), (std::set<std::string>{"E2", "E3", "E4"}));
  EXPECT_EQ(ids("E8"), (std::set<std::string>{"E5", "E6", "E8"}));
  EXPECT_EQ(ids("E7").size(), 8u);
  EXPECT_EQ(ids("E1").size(), 8u);
}

TEST_P(ApiTest, APersonComesWithLevelPositionAndBand) {
  const HttpResponse response = As(SignIn("E2"), "GET", "/api/people/E3");
  ASSERT_EQ(response.status, 200) << response.body;
  const nlohmann::json person = nlohmann::json::parse(response.body);
  EXPECT_EQ(person["grade"], "G");
  EXPECT_EQ(person["level"]["id"], "L2");
  EXPECT_EQ(person["level"]["band"], nlohmann::json({{"min", "G"}, {"max", "H"}}));
  EXPECT_EQ(person["position"]["id"], "software-engineer");
  EXPECT_EQ(person["manager_id"], "E2");
}

// The authorisation matrix ---------------------------------------------------------------------

struct MatrixRow {
  std::string method;
  std::string pattern;  ///< as the router has it; {id} is replaced by each target
  std::string body;
  /// Status by actor ("anonymous", "E4" employee, "E2" manager, "E8" calibrator, "E7" people
  /// team, "E1" executive) then by target ("self", "E3" in E2's line, "E6" out of it); routes
  /// without {id} use the "self" column only.
  std::map<std::string, std::map<std::string, int>> expected;
  /// The path to call when {id} is not a person (a framework, a cycle); empty: substitute.
  std::string fixed_path = {};
};

/// Statuses for targets self, E3, E6.
std::map<std::string, int> Targets(int self, int in_line, int out_of_line) {
  return {{"self", self}, {"E3", in_line}, {"E6", out_of_line}};
}

const std::vector<MatrixRow>& Matrix() {
  // Who may see a person's record: themselves, managers above, the people team, executives and
  // their group's calibrators; others get 404, as if nobody were there.
  const std::map<std::string, std::map<std::string, int>> records = {
      {"anonymous", Targets(401, 401, 401)}, {"E4", Targets(200, 404, 404)},
      {"E2", Targets(200, 200, 404)},        {"E8", Targets(200, 404, 200)},
      {"E7", Targets(200, 200, 200)},        {"E1", Targets(200, 200, 200)}};
  // Pay: themselves, managers above, the people team; a calibrator sees the record, not the pay.
  const std::map<std::string, std::map<std::string, int>> pay = {
      {"anonymous", Targets(401, 401, 401)}, {"E4", Targets(200, 404, 404)},
      {"E2", Targets(200, 200, 404)},        {"E8", Targets(200, 404, 403)},
      {"E7", Targets(200, 200, 200)},        {"E1", Targets(200, 200, 200)}};
  const auto everyone = [](int status) {
    std::map<std::string, std::map<std::string, int>> all;
    for (const char* actor : {"E4", "E2", "E8", "E7", "E1"}) all[actor] = {{"self", status}};
    all["anonymous"] = {{"self", 401}};
    return all;
  };
  // |actor| gets |status|, every other signed-in person |others|.
  const auto only = [](const std::string& actor, int status, int others) {
    std::map<std::string, std::map<std::string, int>> all;
    for (const char* each : {"E4", "E2", "E8", "E7", "E1"}) {
      all[each] = {{"self", each == actor ? status : others}};
    }
    all["anonymous"] = {{"self", 401}};
    return all;
  };
  // A person's records without the calibrator's view.
  std::map<std::string, std::map<std::string, int>> records_no_calibrator = records;
  records_no_calibrator["E8"] = Targets(200, 404, 404);
  static const std::vector<MatrixRow> matrix = {
      {"GET", "/api/session", "", everyone(200)},
      {"DELETE", "/api/session", "", everyone(204)},
      // A wrong old password is refused for everyone signed in (the change itself is tested
      // above): the row checks who reaches the check.
      {"PUT", "/api/session/password",
       R"({"old_password": "not the password", "new_password": "a brand new passphrase"})",
       everyone(403)},
      // Signing in is public: anyone may, signed in or not (wrong passwords are tested above).
      {"POST", "/api/session", nlohmann::json({{"login", "E4"}, {"password", kPassword}}).dump(),
       [] {
         std::map<std::string, std::map<std::string, int>> all;
         for (const char* actor : {"anonymous", "E4", "E2", "E8", "E7", "E1"}) {
           all[actor] = {{"self", 201}};
         }
         return all;
       }()},
      {"GET", "/api/people", "", everyone(200)},
      {"GET", "/api/people/{id}", "", records},
      {"GET", "/api/people/{id}/history", "", records},
      {"GET", "/api/org/tree/{id}", "", records},
      {"GET", "/api/pay/people/{id}", "", pay},
      // The ladders are everyone's to read; {id} is a framework here, not a person.
      {"GET", "/api/frameworks", "", everyone(200)},
      {"GET", "/api/frameworks/{id}", "", everyone(200), "/api/frameworks/engineering"},

      // Review cycles. Cycle "eng" is rating; rows run in order, actors E1, E2, E4, E7, E8,
      // anonymous, targets E3, E6, self — a write by one can decide the next one's answer (a
      // version moved on), and the expected statuses say so.
      {"GET", "/api/cycles", "", everyone(200)},
      {"POST", "/api/cycles", R"({"name": "Matrix", "framework": "engineering", "period": "2027"})",
       only("E7", 201, 403)},
      {"GET", "/api/cycles/{id}", "", everyone(200), "/api/cycles/eng"},
      // Rating ends once everyone is rated: the people team gets that far.
      {"POST", "/api/cycles/{id}/advance", "{}", only("E7", 409, 403), "/api/cycles/eng/advance"},
      // A rater's team: the rater, those above them and the people team; {id} is the rater.
      {"GET", "/api/cycles/{id}/team", "", records_no_calibrator,
       "/api/cycles/eng/team?rater={id}"},
      // E2's rating of {id}: E2 rates E3 (version 0 → 1); the people team's write of version 0
      // comes after it and is stale; nobody rates themselves or someone outside the cycle.
      {"PUT",
       "/api/cycles/{id}/ratings/{person}",
       R"({"rater_id": "E2", "grade": "H", "evidence": "Shipped the search rewrite", "version": 0})",
       {{"anonymous", Targets(401, 401, 401)},
        {"E4", Targets(403, 403, 403)},
        {"E2", Targets(400, 200, 400)},
        {"E8", Targets(403, 403, 403)},
        {"E7", Targets(400, 409, 400)},
        {"E1", Targets(403, 403, 403)}},
       "/api/cycles/eng/ratings/{id}"},
      // {id}'s stack rank as E3 then E4: E2's own team; the people team may enter anyone's, but
      // that order is nobody else's team.
      {"PUT",
       "/api/cycles/{id}/ranks/{rater}",
       R"({"order": ["E3", "E4"], "version": ""})",
       {{"anonymous", Targets(401, 401, 401)},
        {"E4", Targets(400, 403, 403)},
        {"E2", Targets(200, 403, 403)},
        {"E8", Targets(400, 403, 403)},
        {"E7", Targets(400, 400, 400)},
        {"E1", Targets(400, 403, 403)}},
       "/api/cycles/eng/ranks/{id}"},
      {"GET", "/api/cycles/{id}/benchmarks", "", everyone(200), "/api/cycles/eng/benchmarks"},
      {"POST", "/api/cycles/{id}/benchmarks",
       R"({"assignments": [{"person_id": "E3", "rater_id": "E8"}]})", only("E7", 200, 403),
       "/api/cycles/eng/benchmarks"},
      {"GET", "/api/cycles/{id}/benchmarks/suggestions", "", only("E7", 200, 403),
       "/api/cycles/eng/benchmarks/suggestions"},
      // Calibrating, deciding and reviewing wait for their state: the people team gets that far
      // (E8 calibrates product, not this engineering cycle).
      {"POST", "/api/cycles/{id}/calibration", "{}", only("E7", 409, 403),
       "/api/cycles/eng/calibration"},
      {"GET", "/api/cycles/{id}/calibration", "", only("E7", 409, 403),
       "/api/cycles/eng/calibration"},
      {"POST", "/api/cycles/{id}/slate", "{}", only("E7", 409, 403), "/api/cycles/eng/slate"},
      {"GET", "/api/cycles/{id}/slate", "",
       [&] {
         auto all = only("E7", 200, 403);
         all["E1"] = {{"self", 200}};  // executives see the slate, without bonuses
         return all;
       }(),
       "/api/cycles/eng/slate"},
      {"POST", "/api/cycles/{id}/slate/review", R"({"accept": true})", only("E7", 409, 403),
       "/api/cycles/eng/slate/review"},
      {"POST", "/api/cycles/{id}/exceptions",
       R"({"person_id": "E3", "to_grade": "K", "justification": "Leads on-call", "approver": "E1"})",
       only("E7", 409, 403), "/api/cycles/eng/exceptions"},
      {"POST", "/api/cycles/{id}/slate/approve", R"({"people": ["E3"]})", only("E1", 409, 403),
       "/api/cycles/eng/slate/approve"},
      {"POST", "/api/cycles/{id}/apply", "{}", only("E7", 409, 403), "/api/cycles/eng/apply"},
      {"GET", "/api/cycles/{id}/payroll", "", only("E7", 409, 403), "/api/cycles/eng/payroll"},
      // A person's outcome: those above them and the people team; the person once it is closed.
      {"GET",
       "/api/cycles/{id}/people/{person}",
       "",
       {{"anonymous", Targets(401, 401, 401)},
        {"E4", Targets(409, 404, 404)},
        {"E2", Targets(409, 200, 404)},
        {"E8", Targets(409, 404, 404)},
        {"E7", Targets(200, 200, 200)},
        {"E1", Targets(409, 200, 200)}},
       "/api/cycles/eng/people/{id}"},
      // The people team's import reaches the file's judging: this one lacks required columns.
      {"POST", "/api/people/import", R"({"csv": "id,name\nE9,Nine\n", "dry_run": true})",
       only("E7", 400, 403)},
  };
  return matrix;
}

TEST_P(ApiTest, EveryRouteHasARowInTheAuthorisationMatrix) {
  std::set<std::pair<std::string, std::string>> rows;
  for (const MatrixRow& row : Matrix()) rows.emplace(row.method, row.pattern);
  for (const Route& route : api_->router().routes()) {
    EXPECT_TRUE(rows.count({route.method, route.pattern}) > 0)
        << route.method << " " << route.pattern
        << " has no row in the authorisation matrix (tests/server/api_test.cc)";
  }
  EXPECT_EQ(rows.size(), api_->router().routes().size()) << "a matrix row names no route";
}

TEST_P(ApiTest, EveryRouteIsInTheOpenApiDescription) {
  const YAML::Node spec = YAML::LoadFile(YARDSTICK_SOURCE_DIR "/docs/api/openapi.yaml");
  size_t described = 0;
  for (const auto& path : spec["paths"]) {
    for (const auto& operation : path.second) {
      if (operation.first.as<std::string>() != "parameters") ++described;
    }
  }
  for (const Route& route : api_->router().routes()) {
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_TRUE(spec["paths"][route.pattern] && spec["paths"][route.pattern][method])
        << route.method << " " << route.pattern << " is not in docs/api/openapi.yaml";
  }
  EXPECT_EQ(described, api_->router().routes().size())
      << "docs/api/openapi.yaml describes an operation the server does not have";
}

TEST_P(ApiTest, EveryRouteAnswersEveryRoleAsTheMatrixSays) {
  std::map<std::string, Signed> signed_in;
  for (const MatrixRow& row : Matrix()) {
    for (const auto& [actor, by_target] : row.expected) {
      for (const auto& [target, status] : by_target) {
        const std::string id = target == "self" ? (actor == "anonymous" ? "E4" : actor) : target;
        std::string path = row.fixed_path.empty() ? row.pattern : row.fixed_path;
        if (const size_t at = path.find("{id}"); at != std::string::npos) {
          path.replace(at, 4, id);
        }
        HttpResponse response;
        if (actor == "anonymous") {
          response = Call(row.method, path, row.body);
        } else {
          // A fresh session for each change that could end it; one session each otherwise.
          const bool ends_session = row.method != "GET";
          if (ends_session || signed_in.count(actor) == 0) signed_in[actor] = SignIn(actor);
          response = As(signed_in[actor], row.method, path, row.body);
          if (ends_session) signed_in.erase(actor);
        }
        EXPECT_EQ(response.status, status)
            << row.method << " " << path << " as " << actor << ": " << response.body;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, ApiTest, testing::AllEngines(), testing::EngineName);

}  // namespace
}  // namespace yardstick::server
