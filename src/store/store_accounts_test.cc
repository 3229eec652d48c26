// The store's accounts, sessions, API tokens and login attempts, on both engines: what is kept
// and read back, what is audited. Whether a password or token is good is org/authenticator's
// business; hashes here are made-up strings.
#include <gtest/gtest.h>

#include "model/date.h"
#include "store/store.h"
#include "store_engines.h"

namespace yardstick::store {
namespace {

constexpr const char* kNow = "2026-11-21T10:00:00Z";

model::Person MakePerson(const std::string& id, const std::string& email) {
  model::Person person;
  person.id = id;
  person.name = "Person " + id;
  person.email = email;
  person.group = "engineering";
  person.track = "ic";
  person.grade = "G";
  person.hired_at_grade = "G";
  person.hire_date = *model::Date::Parse("2024-03-01");
  return person;
}

class StoreAccountsTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    Result<std::unique_ptr<Store>> opened = Store::Open(url(), clock_);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(*opened);
    ASSERT_TRUE(
        store_->PutFramework("eng", "Engineering", "format: yardstick/v1\nid: eng\n", "t").ok());
    ASSERT_TRUE(store_->PutGroup({"engineering", "Engineering", "eng"}, "t").ok());
    model::PeopleChanges changes;
    // Two emails that differ only in case: the unique index allows it, a login must not guess.
    changes.added = {MakePerson("A", "Sam@Example.org"), MakePerson("B", "sam@example.org"),
                     MakePerson("C", "c@example.org")};
    changes.reason = "import";
    changes.effective = *model::Date::Parse("2026-01-01");
    ASSERT_TRUE(store_->ApplyPeopleChanges(changes, "t").ok());
    for (const char* id : {"A", "B"}) {
      ASSERT_TRUE(
          store_
              ->CreateAccount({id, std::string("hash-") + id, kNow, "hr", kNow, false, false}, "hr")
              .ok());
    }
  }

  std::vector<std::string> Actions() {
    std::vector<std::string> actions;
    for (const auto& entry : *store_->AuditLog({})) {
      if (entry.entity == "account" || entry.entity == "api_token") {
        actions.push_back(entry.action + " " + entry.entity_id);
      }
    }
    return actions;
  }

  FakeClock clock_{kNow};
  std::unique_ptr<Store> store_;
};

TEST_P(StoreAccountsTest, AccountsAreFoundByIdOrLowerCasedEmail) {
  Result<std::vector<Account>> by_id = store_->AccountsByLogin("A", "a");
  ASSERT_TRUE(by_id.ok()) << by_id.status().message();
  ASSERT_EQ(by_id->size(), 1u);
  EXPECT_EQ((*by_id)[0].password_hash, "hash-A");
  Result<std::vector<Account>> by_email =
      store_->AccountsByLogin("SAM@example.org", "sam@example.org");
  ASSERT_TRUE(by_email.ok());
  EXPECT_EQ(by_email->size(), 2u);
  EXPECT_TRUE(store_->AccountsByLogin("C", "c")->empty());  // a person without an account
  EXPECT_EQ(store_->CreateAccount({"A", "h", kNow, "hr", kNow, false, false}, "hr").code(),
            Status::Code::kAlreadyExists);
  EXPECT_FALSE(store_->CreateAccount({"Z", "h", kNow, "hr", kNow, false, false}, "hr").ok());
}

TEST_P(StoreAccountsTest, AccountChangesAreAuditedWithoutHashes) {
  clock_.Set("2026-11-21T11:00:00Z");
  ASSERT_TRUE(store_->SetPasswordHash("A", "hash-A2", "hr").ok());
  ASSERT_TRUE(store_->SetAccountDisabled("A", true, "hr").ok());
  ASSERT_TRUE(store_->SetAccountDisabled("A", true, "hr").ok());  // no change, not audited
  EXPECT_EQ(store_->SetPasswordHash("C", "x", "hr").code(), Status::Code::kNotFound);
  EXPECT_EQ(store_->SetAccountDisabled("C", true, "hr").code(), Status::Code::kNotFound);
  Result<std::optional<Account>> account = store_->GetAccount("A");
  ASSERT_TRUE(account.ok() && *account);
  EXPECT_EQ((*account)->password_hash, "hash-A2");
  EXPECT_EQ((*account)->password_changed_at, "2026-11-21T11:00:00Z");
  EXPECT_TRUE((*account)->disabled);
  EXPECT_EQ(Actions(), (std::vector<std::string>{"account.create A", "account.create B",
                                                 "account.password A", "account.disable A"}));
  for (const auto& entry : *store_->AuditLog({})) {
    EXPECT_EQ(entry.before.find("hash-"), std::string::npos) << entry.action;
    EXPECT_EQ(entry.after.find("hash-"), std::string::npos) << entry.action;
  }
}

TEST_P(StoreAccountsTest, SessionsAreRevokedOneOrAllAtOnce) {
  for (const char* hash : {"s1", "s2"}) {
    ASSERT_TRUE(store_
                    ->CreateSession(
                        {hash, "A", "csrf", kNow, "2026-11-21T22:00:00Z", kNow, "", "192.0.2.1"})
                    .ok());
  }
  ASSERT_TRUE(
      store_->CreateSession({"s3", "B", "csrf", kNow, "2026-11-21T22:00:00Z", kNow, "", ""}).ok());
  ASSERT_TRUE(store_->TouchSession("s1", "2026-11-21T10:30:00Z").ok());
  ASSERT_TRUE(store_->RevokeSession("s2", "2026-11-21T10:40:00Z").ok());
  ASSERT_TRUE(store_->RevokeSession("s2", "2026-11-21T10:50:00Z").ok());  // keeps the first
  Result<std::optional<Session>> s2 = store_->FindSession("s2");
  ASSERT_TRUE(s2.ok() && *s2);
  EXPECT_EQ((*s2)->revoked_at, "2026-11-21T10:40:00Z");
  EXPECT_EQ((*store_->FindSession("s1"))->last_seen_at, "2026-11-21T10:30:00Z");

  Result<std::int64_t> revoked = store_->RevokeSessions("A", "2026-11-21T11:00:00Z", "A");
  ASSERT_TRUE(revoked.ok()) << revoked.status().message();
  EXPECT_EQ(*revoked, 1);  // s1; s2 was revoked already
  EXPECT_EQ((*store_->FindSession("s1"))->revoked_at, "2026-11-21T11:00:00Z");
  EXPECT_TRUE((*store_->FindSession("s3"))->revoked_at.empty());
  EXPECT_EQ(store_->Sessions("A")->size(), 2u);
  EXPECT_EQ(Actions().back(), "session.revoke-all A");
  EXPECT_FALSE(*store_->FindSession("nope"));
}

TEST_P(StoreAccountsTest, ApiTokensAreListedRevokedAndAudited) {
  ASSERT_TRUE(store_->CreateApiToken({"t1", "th1", "A", "nightly", kNow, "", "", ""}, "A").ok());
  ASSERT_TRUE(
      store_
          ->CreateApiToken(
              {"t2", "th2", "A", "until December", kNow, "2026-12-01T00:00:00Z", "", ""}, "A")
          .ok());
  EXPECT_FALSE(store_->CreateApiToken({"t3", "th1", "B", "same hash", kNow, "", "", ""}, "B").ok());
  EXPECT_EQ((*store_->FindApiToken("th2"))->expires_at, "2026-12-01T00:00:00Z");
  ASSERT_TRUE(store_->TouchApiToken("t1", "2026-11-21T10:05:00Z").ok());
  ASSERT_TRUE(store_->RevokeApiToken("t1", "2026-11-21T10:10:00Z", "A").ok());
  ASSERT_TRUE(store_->RevokeApiToken("t1", "2026-11-21T10:20:00Z", "A").ok());
  EXPECT_EQ(store_->RevokeApiToken("t9", kNow, "A").code(), Status::Code::kNotFound);
  Result<std::vector<ApiToken>> tokens = store_->ApiTokens("A");
  ASSERT_TRUE(tokens.ok());
  ASSERT_EQ(tokens->size(), 2u);
  EXPECT_EQ((*tokens)[0].revoked_at, "2026-11-21T10:10:00Z");
  EXPECT_EQ((*tokens)[0].last_used_at, "2026-11-21T10:05:00Z");
  EXPECT_TRUE((*tokens)[1].revoked_at.empty());
  EXPECT_EQ(Actions(),
            (std::vector<std::string>{"account.create A", "account.create B", "token.create t1",
                                      "token.create t2", "token.revoke t1"}));
  for (const auto& entry : *store_->AuditLog({})) {
    EXPECT_EQ(entry.after.find("th1"), std::string::npos) << entry.action;
  }
}

TEST_P(StoreAccountsTest, LoginAttemptsAreReadByLoginOrAddressSinceATimeAndPruned) {
  const std::vector<LoginAttempt> attempts = {
      {"a", "192.0.2.1", "2026-11-21T09:00:00Z", false, false},
      {"a", "192.0.2.1", "2026-11-21T09:50:00Z", false, false},
      {"b", "192.0.2.1", "2026-11-21T09:51:00Z", false, true},
      {"a", "198.51.100.7", "2026-11-21T09:52:00Z", true, false},
      {"c", "198.51.100.7", "2026-11-21T09:53:00Z", false, false},
  };
  for (const LoginAttempt& attempt : attempts) {
    ASSERT_TRUE(store_->RecordLoginAttempt(attempt).ok());
  }
  EXPECT_FALSE(store_->RecordLoginAttempt({"a", "x", kNow, true, true}).ok());  // both at once
  Result<std::vector<LoginAttempt>> read =
      store_->LoginAttemptsSince("a", "192.0.2.1", "2026-11-21T09:30:00Z");
  ASSERT_TRUE(read.ok()) << read.status().message();
  ASSERT_EQ(read->size(), 3u);
  EXPECT_EQ((*read)[0].at, "2026-11-21T09:50:00Z");
  EXPECT_TRUE((*read)[1].throttled);
  EXPECT_TRUE((*read)[2].succeeded);
  EXPECT_EQ((*read)[2].address, "198.51.100.7");

  Result<std::int64_t> pruned = store_->PruneLoginAttempts("2026-11-21T09:51:00Z");
  ASSERT_TRUE(pruned.ok());
  EXPECT_EQ(*pruned, 2);
  EXPECT_EQ(store_->LoginAttemptsSince("a", "-", "2000-01-01T00:00:00Z")->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreAccountsTest, testing::AllEngines(), testing::EngineName);

}  // namespace
}  // namespace yardstick::store
