#include "org/authenticator.h"

#include <algorithm>

#include <fmt/format.h>

#include "auth/password.h"
#include "auth/tokens.h"
#include "base/text.h"
#include "model/date.h"
#include "model/utc_time.h"

namespace yardstick::org {
namespace {

constexpr const char* kSessionEnded = "not signed in, or the session has ended: sign in again";
constexpr const char* kBadApiToken = "unknown, revoked or expired API token";
constexpr const char* kAccountDisabled = "this account is disabled; ask the people team";

/// A hash no password matches in practice, to verify against when the login is unknown, so
/// that an unknown login takes as long as a known one. Made once, on first use.
const std::string& DummyHash() {
  static const std::string hash = [] {
    Result<std::string> made = auth::HashPassword(auth::NewToken());
    return made.ok() ? *made : std::string();
  }();
  return hash;
}

/// |text| as seconds since the epoch; Internal for what the store or clock should never hold.
Result<std::int64_t> Seconds(std::string_view text, std::string_view what) {
  const std::optional<std::int64_t> seconds = model::ParseUtcSeconds(text);
  if (!seconds) return Status::Internal(fmt::format("{} '{}' is not a UTC time", what, text));
  return *seconds;
}

}  // namespace

Authenticator::Authenticator(store::Store& store, const Clock& clock, AuthOptions options)
    : store_(store), clock_(clock), options_(options) {}

Result<std::int64_t> Authenticator::Now() const { return Seconds(clock_.NowUtc(), "the clock"); }

Result<std::optional<store::Account>> Authenticator::FindAccount(std::string_view login) {
  const std::string typed(Trim(login));
  if (typed.empty()) return std::optional<store::Account>();
  Result<std::vector<store::Account>> accounts = store_.AccountsByLogin(typed, ToLower(typed));
  if (!accounts.ok()) return accounts.status();
  for (const store::Account& account : *accounts) {
    if (account.person_id == typed) return std::optional<store::Account>(account);
  }
  if (accounts->size() == 1) return std::optional<store::Account>(accounts->front());
  return std::optional<store::Account>();
}

Status Authenticator::CheckThrottle(const std::string& throttle_key, const std::string& address,
                                    std::int64_t now) {
  Result<std::vector<store::LoginAttempt>> attempts = store_.LoginAttemptsSince(
      throttle_key, address, model::FormatUtcSeconds(now - options_.throttle.history()));
  if (!attempts.ok()) return attempts.status();
  // Attempts come oldest first. A success forgives the login's earlier failures, not the
  // address's; refused (throttled) attempts do not count, so retrying early does not extend a
  // lock.
  std::vector<std::int64_t> login_failures;
  std::vector<std::int64_t> address_failures;
  for (const store::LoginAttempt& attempt : *attempts) {
    if (attempt.throttled) continue;
    Result<std::int64_t> at = Seconds(attempt.at, "a login attempt's time");
    if (!at.ok()) return at.status();
    if (attempt.login == throttle_key) {
      if (attempt.succeeded) login_failures.clear();
      if (!attempt.succeeded) login_failures.push_back(*at);
    }
    if (attempt.address == address && !attempt.succeeded) address_failures.push_back(*at);
  }
  const auth::ThrottleDecision decision =
      auth::DecideLoginAttempt(login_failures, address_failures, now, options_.throttle);
  if (decision.allowed) return Status::Ok();
  return Status::TooManyRequests(
      fmt::format("too many failed sign-in attempts; try again in {} seconds",
                  decision.retry_after),
      decision.retry_after);
}

Status Authenticator::RequireUsable(const std::optional<store::Account>& account) {
  if (!account) return Status::Unauthenticated(kSessionEnded);
  if (account->disabled || account->person_left) return Status::Unauthenticated(kAccountDisabled);
  return Status::Ok();
}

Result<NewSession> Authenticator::Login(std::string_view login, std::string_view password,
                                        std::string_view address) {
  (void)DummyHash();  // made before anything is looked up: the first sign-in is slow either way
  Result<std::int64_t> now = Now();
  if (!now.ok()) return now.status();
  const std::string now_text = model::FormatUtcSeconds(*now);
  Result<std::optional<store::Account>> account = FindAccount(login);
  if (!account.ok()) return account.status();
  // Throttled by account when the login names one (email and id count together), else by what
  // was typed, lower-cased.
  const std::string throttle_key = *account ? (*account)->person_id : ToLower(Trim(login));
  store::LoginAttempt attempt{throttle_key, std::string(address), now_text, false, false};

  if (Status throttled = CheckThrottle(throttle_key, attempt.address, *now); !throttled.ok()) {
    if (throttled.code() != Status::Code::kTooManyRequests) return throttled;
    attempt.throttled = true;
    if (Status recorded = store_.RecordLoginAttempt(attempt); !recorded.ok()) return recorded;
    return throttled;
  }

  const bool right = *account ? auth::VerifyPassword((*account)->password_hash, password)
                              : (auth::VerifyPassword(DummyHash(), password), false);
  attempt.succeeded = right && !(*account)->disabled && !(*account)->person_left;
  if (Status recorded = store_.RecordLoginAttempt(attempt); !recorded.ok()) return recorded;
  if (!right) return Status::Unauthenticated(kWrongLoginOrPassword);
  if (!attempt.succeeded) return Status::Unauthenticated(kAccountDisabled);

  const std::string& person_id = (*account)->person_id;
  if (auth::NeedsRehash((*account)->password_hash)) {
    Result<std::string> rehashed = auth::HashPassword(password);
    if (!rehashed.ok()) return rehashed.status();
    if (Status s = store_.SetPasswordHash(person_id, *rehashed, person_id); !s.ok()) return s;
  }
  NewSession session{auth::NewToken(),
                     auth::NewToken(),
                     model::FormatUtcSeconds(*now + options_.session_lifetime),
                     {person_id, "", "", ""}};
  session.principal.session_token_hash = auth::TokenHash(session.token);
  session.principal.csrf_token = session.csrf_token;
  const Status created =
      store_.CreateSession({session.principal.session_token_hash, person_id, session.csrf_token,
                            now_text, session.expires_at, now_text, "", std::string(address)});
  if (!created.ok()) return created;
  return session;
}

Result<Principal> Authenticator::FromSessionToken(std::string_view token) {
  if (token.empty()) return Status::Unauthenticated(kSessionEnded);
  const std::string hash = auth::TokenHash(token);
  Result<std::optional<store::Session>> found = store_.FindSession(hash);
  if (!found.ok()) return found.status();
  if (!*found || !auth::TokensEqual((*found)->token_hash, hash) || !(*found)->revoked_at.empty()) {
    return Status::Unauthenticated(kSessionEnded);
  }
  const store::Session& session = **found;
  Result<std::int64_t> now = Now();
  if (!now.ok()) return now.status();
  Result<std::int64_t> expires = Seconds(session.expires_at, "a session's expiry");
  if (!expires.ok()) return expires.status();
  Result<std::int64_t> last_seen = Seconds(session.last_seen_at, "a session's last use");
  if (!last_seen.ok()) return last_seen.status();
  if (*now >= *expires || *now - *last_seen >= options_.idle_timeout) {
    return Status::Unauthenticated(kSessionEnded);
  }
  Result<std::optional<store::Account>> account = store_.GetAccount(session.person_id);
  if (!account.ok()) return account.status();
  if (Status usable = RequireUsable(*account); !usable.ok()) return usable;
  std::int64_t last_use = *last_seen;
  if (*now - *last_seen >= options_.touch_interval) {
    if (Status s = store_.TouchSession(hash, model::FormatUtcSeconds(*now)); !s.ok()) return s;
    last_use = *now;
  }
  const std::int64_t recheck_at =
      std::min(*expires, last_use + std::min(options_.idle_timeout, options_.touch_interval));
  return Principal{session.person_id, hash, session.csrf_token, "", recheck_at};
}

Result<Principal> Authenticator::FromApiToken(std::string_view token) {
  if (token.empty()) return Status::Unauthenticated(kBadApiToken);
  const std::string hash = auth::TokenHash(token);
  Result<std::optional<store::ApiToken>> found = store_.FindApiToken(hash);
  if (!found.ok()) return found.status();
  if (!*found || !auth::TokensEqual((*found)->token_hash, hash) || !(*found)->revoked_at.empty()) {
    return Status::Unauthenticated(kBadApiToken);
  }
  const store::ApiToken& api_token = **found;
  Result<std::int64_t> now = Now();
  if (!now.ok()) return now.status();
  if (!api_token.expires_at.empty()) {
    Result<std::int64_t> expires = Seconds(api_token.expires_at, "an API token's expiry");
    if (!expires.ok()) return expires.status();
    if (*now >= *expires) return Status::Unauthenticated(kBadApiToken);
  }
  Result<std::optional<store::Account>> account = store_.GetAccount(api_token.person_id);
  if (!account.ok()) return account.status();
  if (Status usable = RequireUsable(*account); !usable.ok()) return usable;
  std::int64_t last_use = *now;
  bool touch = api_token.last_used_at.empty();
  if (!touch) {
    Result<std::int64_t> last_used = Seconds(api_token.last_used_at, "an API token's last use");
    if (!last_used.ok()) return last_used.status();
    touch = *now - *last_used >= options_.touch_interval;
    if (!touch) last_use = *last_used;
  }
  if (touch) {
    const Status touched = store_.TouchApiToken(api_token.id, model::FormatUtcSeconds(*now));
    if (!touched.ok()) return touched;
  }
  std::int64_t recheck_at = last_use + options_.touch_interval;
  if (!api_token.expires_at.empty()) {
    recheck_at = std::min(recheck_at, *Seconds(api_token.expires_at, "an API token's expiry"));
  }
  return Principal{api_token.person_id, "", "", api_token.id, recheck_at};
}

Status Authenticator::Logout(std::string_view session_token) {
  if (session_token.empty()) return Status::Ok();
  return store_.RevokeSession(auth::TokenHash(session_token), clock_.NowUtc());
}

Status Authenticator::CreateAccount(const std::string& person_id, std::string_view password,
                                    const std::string& actor) {
  Result<std::optional<model::Person>> person = store_.GetPerson(person_id);
  if (!person.ok()) return person.status();
  if (!*person) return Status::NotFound(fmt::format("there is no person '{}'", person_id));
  if ((*person)->status != model::PersonStatus::kActive) {
    return Status::FailedPrecondition(fmt::format("{} has left", person_id));
  }
  Result<std::optional<store::Account>> existing = store_.GetAccount(person_id);
  if (!existing.ok()) return existing.status();
  if (*existing) return Status::AlreadyExists(fmt::format("{} already has an account", person_id));
  if (Status policy = auth::CheckPasswordPolicy(password); !policy.ok()) return policy;
  Result<std::string> hash = auth::HashPassword(password);
  if (!hash.ok()) return hash.status();
  const std::string now = clock_.NowUtc();
  return store_.CreateAccount({person_id, *hash, now, actor, now, false, false}, actor);
}

Status Authenticator::ChangePassword(const std::string& person_id, std::string_view old_password,
                                     std::string_view new_password) {
  Result<std::optional<store::Account>> account = store_.GetAccount(person_id);
  if (!account.ok()) return account.status();
  // Guessing the current password (from a stolen session, say) is throttled like signing in,
  // and counts together with sign-in failures of the same account.
  Result<std::int64_t> now = Now();
  if (!now.ok()) return now.status();
  store::LoginAttempt attempt{person_id, "password-change:" + person_id,
                              model::FormatUtcSeconds(*now), false, false};
  if (Status throttled = CheckThrottle(person_id, attempt.address, *now); !throttled.ok()) {
    if (throttled.code() != Status::Code::kTooManyRequests) return throttled;
    attempt.throttled = true;
    if (Status recorded = store_.RecordLoginAttempt(attempt); !recorded.ok()) return recorded;
    return throttled;
  }
  const bool right = *account ? auth::VerifyPassword((*account)->password_hash, old_password)
                              : (auth::VerifyPassword(DummyHash(), old_password), false);
  attempt.succeeded = right;
  if (Status recorded = store_.RecordLoginAttempt(attempt); !recorded.ok()) return recorded;
  if (!right) return Status::Unauthenticated("the current password is wrong");
  if (Status usable = RequireUsable(*account); !usable.ok()) return usable;
  return SetPassword(person_id, new_password, person_id);
}

Status Authenticator::SetPassword(const std::string& person_id, std::string_view new_password,
                                  const std::string& actor) {
  if (Status policy = auth::CheckPasswordPolicy(new_password); !policy.ok()) return policy;
  Result<std::optional<store::Account>> account = store_.GetAccount(person_id);
  if (!account.ok()) return account.status();
  if (!*account) return Status::NotFound(fmt::format("{} has no account", person_id));
  Result<std::string> hash = auth::HashPassword(new_password);
  if (!hash.ok()) return hash.status();
  // Sessions first: should the new hash fail to be written, the person signs in again with the
  // old password, and no session outlives a changed one.
  Result<std::int64_t> revoked = store_.RevokeSessions(person_id, clock_.NowUtc(), actor);
  if (!revoked.ok()) return revoked.status();
  return store_.SetPasswordHash(person_id, *hash, actor);
}

Status Authenticator::DisableAccount(const std::string& person_id, const std::string& actor) {
  if (Status s = store_.SetAccountDisabled(person_id, true, actor); !s.ok()) return s;
  Result<std::int64_t> revoked = store_.RevokeSessions(person_id, clock_.NowUtc(), actor);
  return revoked.ok() ? Status::Ok() : revoked.status();
}

Status Authenticator::EnableAccount(const std::string& person_id, const std::string& actor) {
  return store_.SetAccountDisabled(person_id, false, actor);
}

Result<std::pair<std::string, std::string>> Authenticator::CreateApiToken(
    const std::string& person_id, const std::string& name, std::optional<std::string> expires_at) {
  const std::string trimmed(Trim(name));
  if (trimmed.empty()) return Status::InvalidArgument("an API token needs a name");
  Result<std::int64_t> now = Now();
  if (!now.ok()) return now.status();
  std::string expires;
  if (expires_at) {
    if (const std::optional<model::Date> day = model::Date::Parse(*expires_at)) {
      expires = day->AddDays(1).ToString() + "T00:00:00Z";
    } else if (model::ParseUtcSeconds(*expires_at)) {
      expires = *expires_at;
    } else {
      return Status::InvalidArgument(fmt::format(
          "expiry '{}' is neither a day (YYYY-MM-DD) nor a UTC time (YYYY-MM-DDTHH:MM:SSZ)",
          *expires_at));
    }
    if (*model::ParseUtcSeconds(expires) <= *now) {
      return Status::InvalidArgument(fmt::format("expiry {} is not in the future", *expires_at));
    }
  }
  Result<std::optional<store::Account>> account = store_.GetAccount(person_id);
  if (!account.ok()) return account.status();
  if (!*account) return Status::FailedPrecondition(fmt::format("{} has no account", person_id));
  if ((*account)->disabled || (*account)->person_left) {
    return Status::FailedPrecondition(fmt::format("{}'s account is disabled", person_id));
  }
  std::pair<std::string, std::string> made{auth::NewPublicId(), auth::NewToken()};
  const Status created =
      store_.CreateApiToken({made.first, auth::TokenHash(made.second), person_id, trimmed,
                             model::FormatUtcSeconds(*now), expires, "", ""},
                            person_id);
  if (!created.ok()) return created;
  return made;
}

Status Authenticator::RevokeApiToken(const std::string& person_id, const std::string& token_id) {
  Result<std::optional<store::ApiToken>> token = store_.GetApiToken(token_id);
  if (!token.ok()) return token.status();
  if (!*token || (*token)->person_id != person_id) {
    return Status::NotFound(fmt::format("{} has no API token '{}'", person_id, token_id));
  }
  return store_.RevokeApiToken(token_id, clock_.NowUtc(), person_id);
}

Result<std::vector<store::ApiToken>> Authenticator::ApiTokens(const std::string& person_id) {
  Result<std::vector<store::ApiToken>> tokens = store_.ApiTokens(person_id);
  if (!tokens.ok()) return tokens.status();
  for (store::ApiToken& token : *tokens) token.token_hash.clear();
  return tokens;
}

Result<std::int64_t> Authenticator::PruneLoginAttempts() {
  Result<std::int64_t> now = Now();
  if (!now.ok()) return now.status();
  return store_.PruneLoginAttempts(model::FormatUtcSeconds(*now - options_.throttle.history()));
}

}  // namespace yardstick::org
