// A whole review cycle through the HTTP API (server::Api::Handle, no sockets), on both engines:
// rating with optimistic versioning (two people editing one rating or one stack rank: the later
// write is refused with the current value, never lost), benchmarks, calibration and its board,
// deciding, the people team's review, an exception an executive approves, applying, closing,
// the payroll as CSV, and each person's own outcome once the cycle is closed. Text fields carry
// SQL-injection and script payloads, which must come back exactly as written and change nothing
// else.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "api_fixture.h"

namespace yardstick::server {
namespace {

/// Text that would do harm if it were spliced into SQL or HTML anywhere on its way.
const std::string kPayload =
    "<script>alert('x')</script><img src=x onerror=alert(1)> Robert'); DROP TABLE ratings;-- "
    "\" OR 1=1 --";

class CycleApiTest : public ApiFixture {
 protected:
  nlohmann::json Json(const HttpResponse& response) {
    return nlohmann::json::parse(response.body, nullptr, false);
  }

  /// Rates |person| as |who| for |rater| on grade |grade| from |version|; returns the response.
  HttpResponse Rate(const Signed& who, const std::string& person, const std::string& rater,
                    const std::string& grade, std::int64_t version,
                    const std::string& evidence = "Steady work") {
    return As(
        who, "PUT", "/api/cycles/eng/ratings/" + person,
        nlohmann::json(
            {{"rater_id", rater}, {"grade", grade}, {"evidence", evidence}, {"version", version}})
            .dump());
  }
};

TEST_P(CycleApiTest, TwoPeopleEditingOneRatingNeverLoseAChange) {
  Signed manager = SignIn("E2");
  Signed people_team = SignIn("E7");
  // Both read E2's team: E3 has no rating yet (version 0).
  const nlohmann::json team = Json(As(manager, "GET", "/api/cycles/eng/team"));
  ASSERT_EQ(team["people"].size(), 2u) << team.dump();
  EXPECT_EQ(team["people"][0]["id"], "E3");
  EXPECT_TRUE(team["people"][0]["rating"].is_null());
  // The manager saves first.
  const HttpResponse first = Rate(manager, "E3", "E2", "H", 0, kPayload);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Json(first)["version"], 1);
  EXPECT_EQ(Json(first)["evidence"], kPayload);
  // The people team saves what it read, version 0: refused, with the manager's rating.
  const HttpResponse stale = Rate(people_team, "E3", "E2", "G", 0);
  ASSERT_EQ(stale.status, 409) << stale.body;
  const nlohmann::json conflict = Json(stale);
  EXPECT_EQ(conflict["error"]["code"], "stale_version");
  EXPECT_EQ(conflict["current"]["grade"], "H");
  EXPECT_EQ(conflict["current"]["version"], 1);
  // Having seen it, it may overwrite deliberately.
  const HttpResponse again = Rate(people_team, "E3", "E2", "G", 1);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(Json(again)["version"], 2);
  const nlohmann::json now = Json(As(manager, "GET", "/api/cycles/eng/team"));
  EXPECT_EQ(now["people"][0]["rating"]["grade"], "G");
  EXPECT_EQ(now["people"][0]["rating"]["version"], 2);
}

TEST_P(CycleApiTest, TwoPeopleEditingOneStackRankNeverLoseAChange) {
  Signed manager = SignIn("E2");
  Signed people_team = SignIn("E7");
  const HttpResponse first =
      As(manager, "PUT", "/api/cycles/eng/ranks/E2", R"({"order": ["E3", "E4"], "version": ""})");
  ASSERT_EQ(first.status, 200) << first.body;
  const std::string version = Json(first)["version"];
  EXPECT_FALSE(version.empty());
  const HttpResponse stale = As(people_team, "PUT", "/api/cycles/eng/ranks/E2",
                                R"({"order": ["E4", "E3"], "version": ""})");
  ASSERT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(Json(stale)["current"]["order"], nlohmann::json({"E3", "E4"}));
  const HttpResponse again =
      As(people_team, "PUT", "/api/cycles/eng/ranks/E2",
         nlohmann::json({{"order", {"E4", "E3"}}, {"version", version}}).dump());
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(Json(As(manager, "GET", "/api/cycles/eng/team"))["rank"]["order"],
            nlohmann::json({"E4", "E3"}));
}

TEST_P(CycleApiTest, ABadRatingSaysWhichFieldIsWrongAndWritesNothing) {
  Signed manager = SignIn("E2");
  const HttpResponse bad = As(manager, "PUT", "/api/cycles/eng/ratings/E3",
                              R"({"grade": "Z", "criteria": ["no-such-criterion"], "version": 0})");
  ASSERT_EQ(bad.status, 400) << bad.body;
  const nlohmann::json body = Json(bad);
  std::set<std::string> fields;
  for (const auto& problem : body["problems"]) fields.insert(problem.value("field", ""));
  EXPECT_EQ(fields, (std::set<std::string>{"grade", "criteria"})) << bad.body;
  EXPECT_TRUE(Json(As(manager, "GET", "/api/cycles/eng/team"))["people"][0]["rating"].is_null());
  // Not rating someone else's report.
  EXPECT_EQ(
      As(manager, "PUT", "/api/cycles/eng/ratings/E7", R"({"grade": "H", "version": 0})").status,
      400);
}

TEST_P(CycleApiTest, TheWholeCycleFromRatingToPayroll) {
  Signed executive = SignIn("E1");
  Signed manager = SignIn("E2");
  Signed people_team = SignIn("E7");
  // Benchmarks, so that calibration can compare E1's and E2's leniency.
  const HttpResponse assigned = As(people_team, "POST", "/api/cycles/eng/benchmarks",
                                   R"({"assignments": [{"person_id": "E4", "rater_id": "E1"},
                                                       {"person_id": "E8", "rater_id": "E2"}]})");
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(Json(assigned)["assignments"].size(), 2u);
  // Ratings, each from version 0, and stack ranks.
  struct Given {
    const char* person;
    const char* rater;
    const char* grade;
  };
  for (const Given& g : {Given{"E3", "E2", "H"}, Given{"E4", "E2", "K"}, Given{"E8", "E2", "J"},
                         Given{"E2", "E1", "K"}, Given{"E7", "E1", "J"}, Given{"E8", "E1", "J"},
                         Given{"E4", "E1", "K"}}) {
    const Signed& who = std::string(g.rater) == "E1" ? executive : manager;
    const HttpResponse rated = Rate(who, g.person, g.rater, g.grade, 0, kPayload);
    ASSERT_EQ(rated.status, 200) << g.person << " by " << g.rater << ": " << rated.body;
  }
  ASSERT_EQ(As(manager, "PUT", "/api/cycles/eng/ranks/E2", R"({"order": ["E4", "E3"]})").status,
            200);
  ASSERT_EQ(
      As(executive, "PUT", "/api/cycles/eng/ranks/E1", R"({"order": ["E2", "E7", "E8"]})").status,
      200);
  // E1, at the top, has nobody to rate them: rating ends with them unrated.
  const HttpResponse early = As(people_team, "POST", "/api/cycles/eng/advance", "{}");
  EXPECT_EQ(early.status, 409) << early.body;
  const HttpResponse calibrating =
      As(people_team, "POST", "/api/cycles/eng/advance", R"({"allow_unrated": true})");
  ASSERT_EQ(calibrating.status, 200) << calibrating.body;
  EXPECT_EQ(Json(calibrating)["state"], "calibrating");
  // Ratings are closed now.
  EXPECT_EQ(Rate(manager, "E3", "E2", "J", 1).status, 409);

  ASSERT_EQ(As(people_team, "POST", "/api/cycles/eng/calibration", "{}").status, 200);
  const nlohmann::json board = Json(As(people_team, "GET", "/api/cycles/eng/calibration"));
  ASSERT_TRUE(board.is_object());
  EXPECT_EQ(board["people"].size(), 5u) << board.dump();
  EXPECT_EQ(board["raters"].size(), 2u) << board.dump();
  for (const auto& rater : board["raters"]) {
    EXPECT_LE(rater["low"].get<double>(), rater["leniency"].get<double>());
    EXPECT_GE(rater["high"].get<double>(), rater["leniency"].get<double>());
  }
  EXPECT_EQ(board.dump().find("bonus"), std::string::npos);

  ASSERT_EQ(As(people_team, "POST", "/api/cycles/eng/slate", "{}").status, 200);
  ASSERT_EQ(As(people_team, "POST", "/api/cycles/eng/advance", "{}").status, 200);
  nlohmann::json slate = Json(As(people_team, "GET", "/api/cycles/eng/slate"));
  ASSERT_EQ(slate["state"], "decided");
  // The executive sees the slate without bonuses.
  const nlohmann::json seen_by_executive = Json(As(executive, "GET", "/api/cycles/eng/slate"));
  for (const auto& decision : seen_by_executive["decisions"]) {
    EXPECT_TRUE(decision["bonus"].is_null()) << decision.dump();
  }
  // An exception for E3: one grade above anything the slate proposes for them.
  const std::vector<std::string> scale = board["scale"];
  nlohmann::json e3;
  for (const auto& decision : slate["decisions"]) {
    if (decision["person_id"] == "E3") e3 = decision;
  }
  ASSERT_TRUE(e3.is_object()) << slate.dump();
  const auto index = [&](const std::string& grade) {
    return std::find(scale.begin(), scale.end(), grade) - scale.begin();
  };
  const size_t to = std::max(index(e3["from_grade"]), index(e3["to_grade"])) + 1;
  ASSERT_LT(to, scale.size());
  const HttpResponse exception = As(people_team, "POST", "/api/cycles/eng/exceptions",
                                    nlohmann::json({{"person_id", "E3"},
                                                    {"to_grade", scale[to]},
                                                    {"justification", kPayload},
                                                    {"approver", "E1"}})
                                        .dump());
  ASSERT_EQ(exception.status, 201) << exception.body;
  EXPECT_TRUE(Json(exception)["awaiting_approval"].get<bool>());
  EXPECT_EQ(Json(exception)["justification"], kPayload);
  // Accepting every open proposal leaves what awaits an executive.
  const HttpResponse reviewed =
      As(people_team, "POST", "/api/cycles/eng/slate/review", R"({"accept": true})");
  ASSERT_EQ(reviewed.status, 200) << reviewed.body;
  slate = Json(As(people_team, "GET", "/api/cycles/eng/slate"));
  std::vector<std::string> awaiting;
  for (const auto& decision : slate["decisions"]) {
    if (decision["awaiting_approval"].get<bool>()) awaiting.push_back(decision["person_id"]);
  }
  EXPECT_NE(std::find(awaiting.begin(), awaiting.end(), "E3"), awaiting.end());
  // The people team cannot approve; the executive can.
  EXPECT_EQ(As(people_team, "POST", "/api/cycles/eng/slate/approve",
               nlohmann::json({{"people", awaiting}}).dump())
                .status,
            403);
  const HttpResponse approved = As(executive, "POST", "/api/cycles/eng/slate/approve",
                                   nlohmann::json({{"people", awaiting}}).dump());
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(Json(approved)["approved"][0]["approver"], "E1");

  const HttpResponse applied = As(people_team, "POST", "/api/cycles/eng/apply", "{}");
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_EQ(Json(applied)["effective"], "2027-01-01");
  EXPECT_EQ(Json(As(people_team, "GET", "/api/people/E3"))["grade"], scale[to]);
  // The employee waits for the cycle to close before seeing their own outcome.
  Signed employee = SignIn("E4");
  EXPECT_EQ(As(employee, "GET", "/api/cycles/eng/people/E4").status, 409);
  const HttpResponse closed = As(people_team, "POST", "/api/cycles/eng/advance", "{}");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(Json(closed)["state"], "closed");
  const HttpResponse own = As(employee, "GET", "/api/cycles/eng/people/E4");
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(Json(own)["ratings"].size(), 2u);
  EXPECT_TRUE(Json(own)["decision"].is_object());
  EXPECT_EQ(As(employee, "GET", "/api/cycles/eng/people/E3").status, 404);

  const HttpResponse payroll = As(people_team, "GET", "/api/cycles/eng/payroll?format=csv");
  ASSERT_EQ(payroll.status, 200) << payroll.body;
  EXPECT_EQ(payroll.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(payroll.body.rfind("person_id,", 0), 0u) << payroll.body.substr(0, 200);
  EXPECT_NE(payroll.body.find("E3"), std::string::npos);
  const HttpResponse xlsx = As(people_team, "GET", "/api/cycles/eng/payroll?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u);  // a zip container
  // The payloads came back as written, and every table they named is still there.
  const nlohmann::json team = Json(As(manager, "GET", "/api/cycles/eng/team"));
  EXPECT_EQ(team["people"][0]["rating"]["evidence"], kPayload);
  EXPECT_EQ(Json(As(people_team, "GET", "/api/cycles"))["cycles"].size(), 1u);
}

TEST_P(CycleApiTest, PayloadsInNamesAndNotesAreStoredAndReturnedInertly) {
  Signed people_team = SignIn("E7");
  const HttpResponse opened =
      As(people_team, "POST", "/api/cycles",
         nlohmann::json({{"name", kPayload}, {"framework", "engineering"}, {"period", "2027"}})
             .dump());
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(opened.content_type, "application/json");
  const nlohmann::json cycles = Json(As(people_team, "GET", "/api/cycles"));
  ASSERT_EQ(cycles["cycles"].size(), 2u);
  bool found = false;
  for (const auto& cycle : cycles["cycles"]) found |= cycle["name"] == kPayload;
  EXPECT_TRUE(found) << cycles.dump();
  // An id made of a payload is looked up as a value, never as SQL.
  EXPECT_EQ(As(people_team, "GET", "/api/cycles/x'%20OR%20'1'='1").status, 404);
  EXPECT_EQ(As(people_team, "GET", "/api/people/E1'%20OR%20'1'='1").status, 404);
}

INSTANTIATE_TEST_SUITE_P(Engines, CycleApiTest, testing::AllEngines(), testing::EngineName);

}  // namespace
}  // namespace yardstick::server
