// The fixture of the API tests (server::Api::Handle, no sockets), on both engines:
//   E1 executive, top of the tree
//   ├── E2 manager (engineering) ── E3, E4 (engineering)
//   ├── E5 manager (product) ── E6 (product)
//   ├── E7 people team
//   └── E8 calibrator of product
// Everyone but E3, E5 and E6 can sign in with kPassword; cycle "eng" (the engineering ladder,
// 2026-H2: E1–E4, E7, E8) is rating.
#pragma once

#include <map>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "base/file.h"
#include "org/authenticator.h"
#include "server/api.h"
#include "store/store.h"
#include "store_engines.h"

namespace yardstick::server {

inline constexpr const char* kPassword = "correct horse battery staple";

inline model::Person Person(const std::string& id, const std::string& group,
                            const std::string& grade, const std::string& manager) {
  model::Person person;
  person.id = id;
  person.name = "Person " + id;
  person.email = id + "@example.org";
  person.group = group;
  person.track = "ic";
  person.grade = grade;
  person.hired_at_grade = grade;
  person.manager_id = manager;
  person.hire_date = model::Date{2024, 3, 1};
  person.position = group == "engineering" ? "software-engineer" : "";
  return person;
}

class ApiFixture : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    Result<std::unique_ptr<store::Store>> opened = store::Store::Open(url(), clock_);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store::Store& store = **opened;
    for (const char* id : {"engineering", "product"}) {
      Result<std::string> yaml =
          ReadTextFile(fmt::format("{}/frameworks/{}.yaml", YARDSTICK_SOURCE_DIR, id));
      ASSERT_TRUE(yaml.ok());
      ASSERT_TRUE(store.PutFramework(id, id, *yaml, "test").ok());
      ASSERT_TRUE(store.PutGroup({id, id, id}, "test").ok());
    }
    model::PeopleChanges org;
    org.added = {Person("E1", "engineering", "M", ""),   Person("E2", "engineering", "K", "E1"),
                 Person("E3", "engineering", "G", "E2"), Person("E4", "engineering", "H", "E2"),
                 Person("E5", "product", "K", "E1"),     Person("E6", "product", "H", "E5"),
                 Person("E7", "engineering", "J", "E1"), Person("E8", "engineering", "J", "E1")};
    org.reason = "hired";
    org.effective = model::Date{2024, 3, 1};
    ASSERT_TRUE(store.ApplyPeopleChanges(org, "test").ok());
    ASSERT_TRUE(store.GrantRole({"E7", model::Role::kPeopleTeam, ""}, "test").ok());
    ASSERT_TRUE(store.GrantRole({"E1", model::Role::kExecutive, ""}, "test").ok());
    ASSERT_TRUE(store.GrantRole({"E8", model::Role::kCalibrator, "product"}, "test").ok());
    org::Authenticator authenticator(store, clock_);
    for (const char* id : {"E1", "E2", "E4", "E7", "E8"}) {
      const Status created = authenticator.CreateAccount(id, kPassword, "test");
      ASSERT_TRUE(created.ok()) << created.message();
    }
    ASSERT_NO_FATAL_FAILURE(OpenRatingCycle(store));
    api_ = std::make_unique<Api>(std::move(*opened), clock_);
  }

  /// Opens cycle "eng" on the engineering ladder (E1–E4, E7, E8) and moves it to rating.
  static void OpenRatingCycle(store::Store& store) {
    Result<std::optional<store::StoredFramework>> framework = store.CurrentFramework("engineering");
    ASSERT_TRUE(framework.ok() && *framework);
    model::Cycle cycle;
    cycle.id = "eng";
    cycle.name = "Engineering H2 2026";
    cycle.framework_id = "engineering";
    cycle.framework_hash = (*framework)->hash;
    cycle.period = *model::Period::Parse("2026-H2");
    ASSERT_TRUE(store.CreateCycle(cycle, "test").ok());
    ASSERT_TRUE(
        store.SetCycleState("eng", model::CycleState::kOpen, model::CycleState::kRating, "test")
            .ok());
  }

  HttpResponse Call(const std::string& method, const std::string& path, std::string body = "",
                    const std::map<std::string, std::string>& headers = {}) {
    HttpRequest request;
    request.method = method;
    request.SetTarget(path);
    request.body = std::move(body);
    request.remote_address = "127.0.0.1";
    if (!request.body.empty()) request.headers.emplace("content-type", "application/json");
    for (const auto& [name, value] : headers) request.headers.emplace(name, value);
    return api_->Handle(std::move(request));
  }

  struct Signed {
    std::string cookie;  ///< "ys_session=…"
    std::string csrf;
  };

  /// Signs |login| in; fails the test when that does not work.
  Signed SignIn(const std::string& login) {
    const HttpResponse response = Call(
        "POST", "/api/session", nlohmann::json({{"login", login}, {"password", kPassword}}).dump());
    EXPECT_EQ(response.status, 201) << response.body;
    Signed signed_in;
    for (const auto& [name, value] : response.headers) {
      if (name == "Set-Cookie") signed_in.cookie = value.substr(0, value.find(';'));
    }
    const nlohmann::json body = nlohmann::json::parse(response.body, nullptr, false);
    if (body.is_object()) signed_in.csrf = body.value("csrf_token", "");
    return signed_in;
  }

  HttpResponse As(const Signed& who, const std::string& method, const std::string& path,
                  std::string body = "") {
    std::map<std::string, std::string> headers = {{"cookie", who.cookie}};
    if (!who.csrf.empty()) headers["x-csrf-token"] = who.csrf;
    return Call(method, path, std::move(body), headers);
  }

  FakeClock clock_{"2026-11-21T10:00:00Z"};
  std::unique_ptr<Api> api_;
};

}  // namespace yardstick::server
