#include "org/authenticator.h"

#include <sodium.h>

#include <fmt/format.h>

#include <gtest/gtest.h>

#include "auth/password.h"
#include "auth/tokens.h"
#include "model/date.h"
#include "store/dump.h"
#include "store_engines.h"

namespace yardstick::org {
namespace {

constexpr const char* kPassword = "correct horse battery";
constexpr const char* kStart = "2026-11-21T10:00:00Z";

// Argon2id costs about 0.1 s and 64 MiB per hash (more under ASan): the account every test
// starts with gets this one hash, made once for the whole suite.
const std::string& PasswordHash() {
  static const std::string hash = *auth::HashPassword(kPassword);
  return hash;
}

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

class AuthenticatorTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    Result<std::unique_ptr<store::Store>> opened = store::Store::Open(url(), clock_);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(*opened);
    ASSERT_TRUE(
        store_->PutFramework("eng", "Engineering", "format: yardstick/v1\nid: eng\n", "t").ok());
    ASSERT_TRUE(store_->PutGroup({"engineering", "Engineering", "eng"}, "t").ok());
    model::PeopleChanges changes;
    changes.added = {MakePerson("E1", "Ada.Lovelace@Example.org"),
                     MakePerson("E2", "grace@example.org")};
    changes.reason = "import";
    changes.effective = *model::Date::Parse("2026-01-01");
    ASSERT_TRUE(store_->ApplyPeopleChanges(changes, "t").ok());
    ASSERT_TRUE(
        store_
            ->CreateAccount({"E1", PasswordHash(), kStart, "admin", kStart, false, false}, "admin")
            .ok());
    authenticator_ = std::make_unique<Authenticator>(*store_, clock_);
  }

  /// Signs E1 in with the right password.
  NewSession SignIn() {
    Result<NewSession> session = authenticator_->Login("E1", kPassword, "192.0.2.1");
    EXPECT_TRUE(session.ok()) << session.status().message();
    return session.ok() ? *session : NewSession{};
  }

  /// Every table's rows as text, the ones a dump leaves out too.
  std::string EverythingStored() {
    Result<std::string> dumped = store::DumpDatabaseText(store_->database());
    EXPECT_TRUE(dumped.ok()) << dumped.status().message();
    std::string text = dumped.ok() ? *dumped : "";
    for (const store::UndumpedTable& table : store::UndumpedTables()) {
      Result<store::Rows> rows = store_->database().Query("SELECT * FROM " + table.name, {});
      EXPECT_TRUE(rows.ok()) << rows.status().message();
      if (!rows.ok()) continue;
      for (const store::Row& row : *rows) {
        for (size_t column = 0; column < row.size(); ++column) text += row.Text(column) + "\n";
      }
    }
    return text;
  }

  FakeClock clock_{kStart};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Authenticator> authenticator_;
};

TEST_P(AuthenticatorTest, SignsInByEmailInAnyCaseOrByIdAndTheSessionIsRecognised) {
  Result<NewSession> session =
      authenticator_->Login("  ada.lovelace@EXAMPLE.org ", kPassword, "192.0.2.1");
  ASSERT_TRUE(session.ok()) << session.status().message();
  EXPECT_EQ(session->principal.person_id, "E1");
  EXPECT_EQ(session->token.size(), 43u);
  EXPECT_EQ(session->expires_at, "2026-11-21T22:00:00Z");
  EXPECT_EQ(session->principal.session_token_hash, auth::TokenHash(session->token));
  EXPECT_EQ(session->principal.csrf_token, session->csrf_token);

  Result<Principal> principal = authenticator_->FromSessionToken(session->token);
  ASSERT_TRUE(principal.ok()) << principal.status().message();
  EXPECT_EQ(principal->person_id, "E1");
  EXPECT_EQ(principal->csrf_token, session->csrf_token);
  EXPECT_TRUE(principal->api_token_id.empty());

  EXPECT_TRUE(authenticator_->Login("E1", kPassword, "192.0.2.1").ok());
  EXPECT_EQ(authenticator_->FromSessionToken("made-up").status().code(),
            Status::Code::kUnauthenticated);
  EXPECT_FALSE(authenticator_->FromSessionToken("").ok());
}

TEST_P(AuthenticatorTest, AWrongPasswordAndAnUnknownLoginGetTheSameAnswer) {
  Result<NewSession> wrong_password = authenticator_->Login("E1", "not the password", "a");
  Result<NewSession> unknown = authenticator_->Login("nobody@example.org", kPassword, "a");
  Result<NewSession> no_account = authenticator_->Login("E2", kPassword, "a");
  for (const Result<NewSession>* refused : {&wrong_password, &unknown, &no_account}) {
    ASSERT_FALSE(refused->ok());
    EXPECT_EQ(refused->status().code(), Status::Code::kUnauthenticated);
    EXPECT_EQ(refused->status().message(), "wrong login or password");
  }
  // Every attempt is recorded, by account when the login names one.
  Result<std::vector<store::LoginAttempt>> attempts =
      store_->LoginAttemptsSince("E1", "a", "2026-11-21T00:00:00Z");
  ASSERT_TRUE(attempts.ok()) << attempts.status().message();
  ASSERT_EQ(attempts->size(), 3u);
  EXPECT_EQ((*attempts)[0].login, "E1");
  EXPECT_EQ((*attempts)[1].login, "nobody@example.org");
  EXPECT_FALSE((*attempts)[0].succeeded);
}

TEST_P(AuthenticatorTest, FiveFailuresLockTheLoginForFifteenMinutesFromTheLast) {
  for (int minute = 0; minute < 5; ++minute) {
    clock_.Set(fmt::format("2026-11-21T10:0{}:00Z", minute));
    // By email and by id alike: both name the same account.
    EXPECT_EQ(authenticator_->Login(minute % 2 ? "E1" : "ada.lovelace@example.org", "wrong", "a")
                  .status()
                  .code(),
              Status::Code::kUnauthenticated);
  }
  clock_.Set("2026-11-21T10:05:00Z");
  Result<NewSession> locked = authenticator_->Login("E1", kPassword, "b");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.status().code(), Status::Code::kTooManyRequests);
  EXPECT_EQ(locked.status().retry_after_seconds(), 14 * 60);
  EXPECT_EQ(locked.status().message(),
            "too many failed sign-in attempts; try again in 840 seconds");
  // Trying again early does not push the end of the lock further.
  clock_.Set("2026-11-21T10:18:59Z");
  EXPECT_EQ(authenticator_->Login("E1", kPassword, "b").status().retry_after_seconds(), 1);
  clock_.Set("2026-11-21T10:19:00Z");
  EXPECT_TRUE(authenticator_->Login("E1", kPassword, "b").ok());
}

TEST_P(AuthenticatorTest, ASessionEndsAfterItsLifetimeEvenInUse) {
  const NewSession session = SignIn();
  for (const char* at : {"2026-11-21T11:30:00Z", "2026-11-21T13:00:00Z", "2026-11-21T14:30:00Z",
                         "2026-11-21T16:00:00Z", "2026-11-21T17:30:00Z", "2026-11-21T19:00:00Z",
                         "2026-11-21T20:30:00Z", "2026-11-21T21:59:59Z"}) {
    clock_.Set(at);
    EXPECT_TRUE(authenticator_->FromSessionToken(session.token).ok()) << at;
  }
  clock_.Set("2026-11-21T22:00:00Z");
  EXPECT_EQ(authenticator_->FromSessionToken(session.token).status().code(),
            Status::Code::kUnauthenticated);
}

TEST_P(AuthenticatorTest, ASessionEndsWhenIdleForTwoHours) {
  const NewSession session = SignIn();
  clock_.Set("2026-11-21T10:00:30Z");  // within a minute: last_seen_at is not written
  ASSERT_TRUE(authenticator_->FromSessionToken(session.token).ok());
  Result<std::optional<store::Session>> stored =
      store_->FindSession(session.principal.session_token_hash);
  ASSERT_TRUE(stored.ok() && *stored);
  EXPECT_EQ((*stored)->last_seen_at, kStart);
  clock_.Set("2026-11-21T11:59:59Z");
  ASSERT_TRUE(authenticator_->FromSessionToken(session.token).ok());
  clock_.Set("2026-11-21T13:59:58Z");
  ASSERT_TRUE(authenticator_->FromSessionToken(session.token).ok());
  clock_.Set("2026-11-21T15:59:58Z");
  EXPECT_EQ(authenticator_->FromSessionToken(session.token).status().code(),
            Status::Code::kUnauthenticated);
}

TEST_P(AuthenticatorTest, LogoutEndsTheSession) {
  const NewSession session = SignIn();
  ASSERT_TRUE(authenticator_->Logout(session.token).ok());
  EXPECT_EQ(authenticator_->FromSessionToken(session.token).status().code(),
            Status::Code::kUnauthenticated);
  EXPECT_TRUE(authenticator_->Logout(session.token).ok());
  EXPECT_TRUE(authenticator_->Logout("never issued").ok());
}

TEST_P(AuthenticatorTest, ChangingThePasswordEndsEverySessionOfThePerson) {
  const NewSession first = SignIn();
  const NewSession second = SignIn();
  const std::string new_password = "a much longer passphrase";
  EXPECT_EQ(authenticator_->ChangePassword("E1", "wrong", new_password).code(),
            Status::Code::kUnauthenticated);
  const Status too_short = authenticator_->ChangePassword("E1", kPassword, "short");
  EXPECT_EQ(too_short.code(), Status::Code::kInvalidArgument);
  EXPECT_NE(too_short.message().find("at least 12 characters"), std::string::npos);
  ASSERT_TRUE(authenticator_->FromSessionToken(first.token).ok());  // nothing changed yet

  clock_.Set("2026-11-21T10:10:00Z");
  ASSERT_TRUE(authenticator_->ChangePassword("E1", kPassword, new_password).ok());
  EXPECT_FALSE(authenticator_->FromSessionToken(first.token).ok());
  EXPECT_FALSE(authenticator_->FromSessionToken(second.token).ok());
  EXPECT_EQ(authenticator_->Login("E1", kPassword, "a").status().code(),
            Status::Code::kUnauthenticated);
  EXPECT_TRUE(authenticator_->Login("E1", new_password, "a").ok());
  Result<std::optional<store::Account>> account = store_->GetAccount("E1");
  ASSERT_TRUE(account.ok() && *account);
  EXPECT_EQ((*account)->password_changed_at, "2026-11-21T10:10:00Z");
}

TEST_P(AuthenticatorTest, APeopleTeamResetEndsSessionsAndIsAudited) {
  const NewSession session = SignIn();
  EXPECT_EQ(authenticator_->SetPassword("E2", "whatever it may be", "hr").code(),
            Status::Code::kNotFound);
  ASSERT_TRUE(authenticator_->SetPassword("E1", "reset by the people team", "hr").ok());
  EXPECT_FALSE(authenticator_->FromSessionToken(session.token).ok());
  std::vector<std::string> actions;
  for (const model::AuditEntry& entry : *store_->AuditLog({"account", "E1", "", 0, 1000})) {
    actions.push_back(entry.action + " by " + entry.actor);
  }
  EXPECT_EQ(actions,
            (std::vector<std::string>{"account.create by admin", "session.revoke-all by hr",
                                      "account.password by hr"}));
}

TEST_P(AuthenticatorTest, AnApiTokenWorksUntilRevoked) {
  Result<std::pair<std::string, std::string>> made =
      authenticator_->CreateApiToken("E1", "nightly export", std::nullopt);
  ASSERT_TRUE(made.ok()) << made.status().message();
  const auto& [id, token] = *made;
  Result<Principal> principal = authenticator_->FromApiToken(token);
  ASSERT_TRUE(principal.ok()) << principal.status().message();
  EXPECT_EQ(principal->person_id, "E1");
  EXPECT_EQ(principal->api_token_id, id);
  EXPECT_TRUE(principal->session_token_hash.empty());
  EXPECT_TRUE(principal->csrf_token.empty());
  EXPECT_FALSE(authenticator_->FromSessionToken(token).ok());  // not a session cookie

  Result<std::vector<store::ApiToken>> listed = authenticator_->ApiTokens("E1");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].name, "nightly export");
  EXPECT_EQ((*listed)[0].last_used_at, kStart);
  EXPECT_TRUE((*listed)[0].token_hash.empty());

  EXPECT_EQ(authenticator_->RevokeApiToken("E2", id).code(), Status::Code::kNotFound);
  ASSERT_TRUE(authenticator_->RevokeApiToken("E1", id).ok());
  EXPECT_EQ(authenticator_->FromApiToken(token).status().code(), Status::Code::kUnauthenticated);
}

TEST_P(AuthenticatorTest, AnApiTokenStopsAtItsExpiry) {
  EXPECT_EQ(authenticator_->CreateApiToken("E1", "old", "2026-11-20").status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(authenticator_->CreateApiToken("E1", " ", std::nullopt).status().code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(authenticator_->CreateApiToken("E2", "x", std::nullopt).status().code(),
            Status::Code::kFailedPrecondition);
  Result<std::pair<std::string, std::string>> by_day =
      authenticator_->CreateApiToken("E1", "until the 30th", "2026-11-30");
  Result<std::pair<std::string, std::string>> by_time =
      authenticator_->CreateApiToken("E1", "one hour", "2026-11-21T11:00:00Z");
  ASSERT_TRUE(by_day.ok() && by_time.ok());
  clock_.Set("2026-11-21T10:59:59Z");
  EXPECT_TRUE(authenticator_->FromApiToken(by_time->second).ok());
  clock_.Set("2026-11-21T11:00:00Z");
  EXPECT_FALSE(authenticator_->FromApiToken(by_time->second).ok());
  clock_.Set("2026-11-30T23:59:59Z");
  EXPECT_TRUE(authenticator_->FromApiToken(by_day->second).ok());
  clock_.Set("2026-12-01T00:00:00Z");
  EXPECT_FALSE(authenticator_->FromApiToken(by_day->second).ok());
}

TEST_P(AuthenticatorTest, ADisabledAccountCannotSignInNorUseItsSessionsOrTokens) {
  const NewSession session = SignIn();
  Result<std::pair<std::string, std::string>> token =
      authenticator_->CreateApiToken("E1", "script", std::nullopt);
  ASSERT_TRUE(token.ok());
  ASSERT_TRUE(authenticator_->DisableAccount("E1", "hr").ok());
  Result<NewSession> refused = authenticator_->Login("E1", kPassword, "a");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Status::Code::kUnauthenticated);
  EXPECT_EQ(refused.status().message(), "this account is disabled; ask the people team");
  EXPECT_EQ(authenticator_->Login("E1", "wrong", "a").status().message(),
            "wrong login or password");
  EXPECT_FALSE(authenticator_->FromSessionToken(session.token).ok());
  EXPECT_FALSE(authenticator_->FromApiToken(token->second).ok());
}

TEST_P(AuthenticatorTest, NoPasswordOrTokenIsEverStoredOrAudited) {
  const NewSession session = SignIn();
  Result<std::pair<std::string, std::string>> token =
      authenticator_->CreateApiToken("E1", "script", std::nullopt);
  ASSERT_TRUE(token.ok());
  ASSERT_TRUE(authenticator_->RevokeApiToken("E1", token->first).ok());
  const std::string changed = "the second passphrase";
  ASSERT_TRUE(authenticator_->ChangePassword("E1", kPassword, changed).ok());
  ASSERT_TRUE(authenticator_->CreateAccount("E2", "grace's first password", "hr").ok());
  EXPECT_FALSE(authenticator_->Login("E2", "a guess that is wrong", "a").ok());

  const std::string stored = EverythingStored();
  ASSERT_NE(stored.find(token->first), std::string::npos);  // the public id is there
  for (const std::string& secret :
       {std::string(kPassword), changed, std::string("grace's first password"),
        std::string("a guess that is wrong"), session.token, token->second, PasswordHash()}) {
    EXPECT_EQ(stored.find(secret), std::string::npos) << secret;
  }
  // The audit log in particular holds no hash at all.
  for (const model::AuditEntry& entry : *store_->AuditLog({})) {
    EXPECT_EQ(entry.before.find("argon2"), std::string::npos) << entry.action;
    EXPECT_EQ(entry.after.find("argon2"), std::string::npos) << entry.action;
  }
}

TEST_P(AuthenticatorTest, AHashWithOlderCostsIsReplacedAtSignIn) {
  char weak[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(weak, "a weak old hash", 15, crypto_pwhash_OPSLIMIT_MIN,
                                  crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13),
            0);
  ASSERT_TRUE(
      store_->CreateAccount({"E2", weak, kStart, "admin", kStart, false, false}, "admin").ok());
  ASSERT_TRUE(authenticator_->Login("grace@example.org", "a weak old hash", "a").ok());
  Result<std::optional<store::Account>> account = store_->GetAccount("E2");
  ASSERT_TRUE(account.ok() && *account);
  EXPECT_NE((*account)->password_hash, weak);
  EXPECT_FALSE(auth::NeedsRehash((*account)->password_hash));
  EXPECT_TRUE(authenticator_->Login("E2", "a weak old hash", "a").ok());
}

TEST_P(AuthenticatorTest, AccountsAreForPeopleWhoExistOnceEach) {
  EXPECT_EQ(authenticator_->CreateAccount("E9", "long enough password", "hr").code(),
            Status::Code::kNotFound);
  EXPECT_EQ(authenticator_->CreateAccount("E1", "long enough password", "hr").code(),
            Status::Code::kAlreadyExists);
  EXPECT_EQ(authenticator_->CreateAccount("E2", "short", "hr").code(),
            Status::Code::kInvalidArgument);
}

TEST_P(AuthenticatorTest, AnAddressIsThrottledAcrossLoginsAndASuccessDoesNotForgiveIt) {
  // A stricter policy than the default, to need few (slow) password checks: 3 failures lock an
  // address, 2 a login.
  AuthOptions options;
  options.throttle.address_failures = 3;
  options.throttle.login_failures = 2;
  Authenticator strict(*store_, clock_, options);
  EXPECT_FALSE(strict.Login("E1", "wrong", "203.0.113.9").ok());
  clock_.Set("2026-11-21T10:01:00Z");
  EXPECT_TRUE(strict.Login("E1", kPassword, "203.0.113.9").ok());  // forgives the login only
  clock_.Set("2026-11-21T10:02:00Z");
  EXPECT_EQ(strict.Login("E1", "wrong", "203.0.113.9").status().code(),
            Status::Code::kUnauthenticated);  // one failure of E1 since its success
  clock_.Set("2026-11-21T10:03:00Z");
  EXPECT_EQ(strict.Login("someone@example.org", "wrong", "203.0.113.9").status().code(),
            Status::Code::kUnauthenticated);  // the address's third failure
  clock_.Set("2026-11-21T10:04:00Z");
  Result<NewSession> locked = strict.Login("E1", kPassword, "203.0.113.9");
  EXPECT_EQ(locked.status().code(), Status::Code::kTooManyRequests);
  EXPECT_EQ(locked.status().retry_after_seconds(), 14 * 60);
  // Another address is not locked, and neither is the login.
  EXPECT_TRUE(strict.Login("E1", kPassword, "198.51.100.1").ok());

  // The attempts kept for throttling are forgotten once they can no longer lock anything.
  clock_.Set("2026-11-21T10:33:00Z");
  Result<std::int64_t> pruned = strict.PruneLoginAttempts();
  ASSERT_TRUE(pruned.ok()) << pruned.status().message();
  EXPECT_EQ(*pruned, 3);  // those before 10:03
}

TEST_P(AuthenticatorTest, AnEmailSharedInDifferentCasesSignsNobodyIn) {
  model::PeopleChanges changes;
  changes.added = {MakePerson("E3", "GRACE@example.org")};
  changes.reason = "import";
  changes.effective = *model::Date::Parse("2026-01-01");
  ASSERT_TRUE(store_->ApplyPeopleChanges(changes, "t").ok());
  for (const char* id : {"E2", "E3"}) {
    ASSERT_TRUE(
        store_->CreateAccount({id, PasswordHash(), kStart, "admin", kStart, false, false}, "admin")
            .ok());
  }
  EXPECT_EQ(authenticator_->Login("grace@example.org", kPassword, "a").status().message(),
            "wrong login or password");
  Result<NewSession> by_id = authenticator_->Login("E3", kPassword, "a");
  ASSERT_TRUE(by_id.ok()) << by_id.status().message();
  EXPECT_EQ(by_id->principal.person_id, "E3");
}

TEST_P(AuthenticatorTest, GuessingTheCurrentPasswordIsThrottledWithSignIns) {
  AuthOptions options;
  options.throttle.login_failures = 2;  // fewer slow password checks
  Authenticator strict(*store_, clock_, options);
  EXPECT_FALSE(strict.Login("E1", "wrong", "a").ok());
  EXPECT_EQ(strict.ChangePassword("E1", "wrong again", "a new long password").code(),
            Status::Code::kUnauthenticated);
  const Status locked = strict.ChangePassword("E1", kPassword, "a new long password");
  EXPECT_EQ(locked.code(), Status::Code::kTooManyRequests);
  EXPECT_EQ(locked.retry_after_seconds(), 15 * 60);
  EXPECT_EQ(strict.Login("E1", kPassword, "a").status().code(), Status::Code::kTooManyRequests);
}

INSTANTIATE_TEST_SUITE_P(Engines, AuthenticatorTest, testing::AllEngines(), testing::EngineName);

}  // namespace
}  // namespace yardstick::org
