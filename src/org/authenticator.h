// Authenticator: signing in and recognising who is asking, for the web server (and the `user` and
// `token` commands). People sign in with their email (any case) or person id and a password, and
// get a session: a secret cookie token and a CSRF token. Scripts use API tokens
// (`Authorization: Bearer …`). Only hashes of passwords and tokens are stored (auth/).
//
// Failed sign-ins are throttled per login and per address (auth/login_throttle.h), from attempts
// kept in the store, so a restart forgets nothing. A wrong login and a wrong password get the
// same answer in about the same time. Who may manage whose account is not decided here: callers
// check (org/account_admin.h for the people team's commands).
//
// A job-layer class: it combines the store with the pure rules of auth/, which stays free of I/O.
// Uses the store it is given from one thread; one Authenticator per Store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/login_throttle.h"
#include "base/clock.h"
#include "base/status.h"
#include "store/store.h"

namespace yardstick::org {

/// The one message for a wrong login or a wrong password: which of the two is never said.
inline constexpr const char* kWrongLoginOrPassword = "wrong login or password";

/// Lifetimes and limits, in seconds.
struct AuthOptions {
  std::int64_t session_lifetime =
      std::int64_t{12} * 60 * 60;  ///< a session ends this long after sign-in
  std::int64_t idle_timeout = std::int64_t{2} * 60 * 60;  ///< … or this long after it was last used
  /// last_seen_at (and an API token's last_used_at) is written at most this often, to spare
  /// writes; the idle timeout is therefore measured to within this.
  std::int64_t touch_interval = 60;
  auth::ThrottlePolicy throttle;
};

/// Who is asking, once recognised.
struct Principal {
  std::string person_id;
  std::string session_token_hash;  ///< empty for an API token
  std::string csrf_token;          ///< empty for an API token
  std::string api_token_id;        ///< empty for a session
  /// The clock's second (since the epoch) from which this answer must be checked again: the
  /// session's or token's expiry, its idle timeout, or its next touch, whichever comes first.
  /// Until then, only a change to the stored session, token, account or person can end it.
  std::int64_t recheck_at = 0;
};

/// A new session: what the server sends back once. The server compares the CSRF token a request
/// carries with Principal::csrf_token using auth::TokensEqual (constant time).
struct NewSession {
  std::string token;  ///< the cookie's value; shown once, never stored
  std::string csrf_token;
  std::string expires_at;
  Principal principal;
};

class Authenticator {
 public:
  Authenticator(store::Store& store, const Clock& clock, AuthOptions options = {});
  Authenticator(const Authenticator&) = delete;
  Authenticator& operator=(const Authenticator&) = delete;

  /// Signs in with |login| (a person's email, any case, or their id) and |password| from
  /// |address| (for throttling and the session list). Unauthenticated with kWrongLoginOrPassword
  /// for an unknown login or a wrong password alike (an unknown login is checked against a dummy
  /// hash, so it takes as long); Unauthenticated "this account is disabled" for the right password
  /// of a disabled account or of a person who has left; TooManyRequests with the seconds to wait
  /// (Status::retry_after_seconds) while the login or the address is throttled, without checking
  /// the password. Every attempt is recorded. A hash made with older costs is replaced.
  Result<NewSession> Login(std::string_view login, std::string_view password,
                           std::string_view address);

  /// Who holds session cookie |token|. Unauthenticated if it is unknown, revoked, past its
  /// lifetime or idle too long, or its account is disabled. Updates last_seen_at (at most once
  /// per touch_interval).
  Result<Principal> FromSessionToken(std::string_view token);

  /// Who holds API token |token| (`Authorization: Bearer …`). Unauthenticated if it is unknown,
  /// revoked or expired, or its account is disabled. Updates last_used_at (at most once per
  /// touch_interval).
  Result<Principal> FromApiToken(std::string_view token);

  /// Ends session |session_token|. Ok also for an unknown or ended one (signing out twice is
  /// harmless).
  Status Logout(std::string_view session_token);

  /// Creates an account for |person_id| (who must exist and not have left; AlreadyExists if they
  /// have one) with |password| (checked against auth::CheckPasswordPolicy), audited as |actor|.
  Status CreateAccount(const std::string& person_id, std::string_view password,
                       const std::string& actor);

  /// A person changes their own password: |old_password| must be right (Unauthenticated
  /// otherwise; wrong guesses are throttled with the account's sign-in failures: TooManyRequests),
  /// |new_password| must pass the policy. Revokes every session of the person, this
  /// one too: the caller signs in again.
  Status ChangePassword(const std::string& person_id, std::string_view old_password,
                        std::string_view new_password);

  /// Sets |person_id|'s password without the old one (the people team's reset), audited as
  /// |actor|, and revokes every session of the person. NotFound when they have no account.
  Status SetPassword(const std::string& person_id, std::string_view new_password,
                     const std::string& actor);

  /// Disables |person_id|'s account and revokes their sessions; their API tokens stop working
  /// while it is disabled. NotFound when they have no account.
  Status DisableAccount(const std::string& person_id, const std::string& actor);

  /// Enables |person_id|'s disabled account again (their old sessions stay ended). NotFound when
  /// they have no account.
  Status EnableAccount(const std::string& person_id, const std::string& actor);

  /// Makes an API token for |person_id| named |name| and returns {its public id, the token} (the
  /// token is shown once, never stored), expiring at |expires_at| (a UTC instant
  /// "YYYY-MM-DDTHH:MM:SSZ", or a day "YYYY-MM-DD": the token works to the end of that day, UTC;
  /// nullopt: never). InvalidArgument for an empty name or an expiry not in the future;
  /// FailedPrecondition when the person has no account or it is disabled.
  Result<std::pair<std::string, std::string>> CreateApiToken(const std::string& person_id,
                                                             const std::string& name,
                                                             std::optional<std::string> expires_at);

  /// Revokes |person_id|'s API token |token_id|. NotFound when they have no such token (someone
  /// else's is not theirs to revoke).
  Status RevokeApiToken(const std::string& person_id, const std::string& token_id);

  /// |person_id|'s API tokens (without their hashes), live and revoked.
  Result<std::vector<store::ApiToken>> ApiTokens(const std::string& person_id);

  /// Forgets the login attempts throttling no longer needs (older than the policy's history);
  /// returns how many. For the server to call now and then (say hourly): nothing else deletes
  /// them.
  Result<std::int64_t> PruneLoginAttempts();

 private:
  /// The seconds since the epoch of the clock's now.
  Result<std::int64_t> Now() const;
  /// The one account |login| names, or nullopt (unknown, or an email shared in different cases).
  Result<std::optional<store::Account>> FindAccount(std::string_view login);
  /// Ok, or TooManyRequests when |throttle_key| or |address| is locked at |now|.
  Status CheckThrottle(const std::string& throttle_key, const std::string& address,
                       std::int64_t now);
  /// Unauthenticated when |account| is missing, disabled or its person has left.
  static Status RequireUsable(const std::optional<store::Account>& account);

  store::Store& store_;
  const Clock& clock_;
  AuthOptions options_;
};

}  // namespace yardstick::org
