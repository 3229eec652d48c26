// Store: accounts, sessions, API tokens and login attempts — what signing in keeps. No password,
// hash or token ever goes into the audit log.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/store.h"

namespace yardstick::store {
namespace {

constexpr const char* kAccountSelect =
    "SELECT a.person_id, a.password_hash, a.created_at, a.created_by, a.password_changed_at, "
    "a.disabled, p.status FROM accounts a JOIN people p ON p.id = a.person_id ";

constexpr const char* kSessionSelect =
    "SELECT token_hash, person_id, csrf_token, created_at, expires_at, last_seen_at, revoked_at, "
    "address FROM sessions ";

constexpr const char* kTokenSelect =
    "SELECT id, token_hash, person_id, name, created_at, expires_at, revoked_at, last_used_at "
    "FROM api_tokens ";

Value OrNull(const std::string& text) {
  if (text.empty()) return nullptr;
  return text;
}

Account AccountOf(const Row& row) {
  return {row.Text(0), row.Text(1),     row.Text(2),          row.Text(3),
          row.Text(4), row.Int(5) != 0, row.Text(6) == "left"};
}

Session SessionOf(const Row& row) {
  return {row.Text(0), row.Text(1), row.Text(2), row.Text(3),
          row.Text(4), row.Text(5), row.Text(6), row.Text(7)};
}

ApiToken TokenOf(const Row& row) {
  return {row.Text(0), row.Text(1), row.Text(2), row.Text(3),
          row.Text(4), row.Text(5), row.Text(6), row.Text(7)};
}

/// What the audit log says about an account: never its hash.
std::string AccountJson(const std::string& person_id, bool disabled,
                        const std::string& password_changed_at) {
  nlohmann::ordered_json json;
  json["person_id"] = person_id;
  json["disabled"] = disabled;
  json["password_changed_at"] = password_changed_at;
  return json.dump();
}

/// What the audit log says about an API token: never its secret or hash.
std::string TokenJson(const ApiToken& token) {
  nlohmann::ordered_json json;
  json["id"] = token.id;
  json["person_id"] = token.person_id;
  json["name"] = token.name;
  json["expires_at"] = nullptr;
  if (!token.expires_at.empty()) json["expires_at"] = token.expires_at;
  json["revoked_at"] = nullptr;
  if (!token.revoked_at.empty()) json["revoked_at"] = token.revoked_at;
  return json.dump();
}

/// The first row of |rows| made into a T by |make|, or nullopt.
template <typename T, typename Make>
Result<std::optional<T>> First(Result<Rows> rows, Make make) {
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<T>();
  return std::optional<T>(make(rows->front()));
}

template <typename T, typename Make>
Result<std::vector<T>> All(Result<Rows> rows, Make make) {
  if (!rows.ok()) return rows.status();
  std::vector<T> all;
  all.reserve(rows->size());
  for (const Row& row : *rows) all.push_back(make(row));
  return all;
}

}  // namespace

// Accounts -----------------------------------------------------------------------------------

Status Store::CreateAccount(const Account& account, const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    Result<std::optional<Account>> existing = GetAccount(account.person_id);
    if (!existing.ok()) return existing.status();
    if (*existing) {
      return Status::AlreadyExists(fmt::format("{} already has an account", account.person_id));
    }
    Status created = database_->Run(
        "INSERT INTO accounts (person_id, password_hash, created_at, created_by, "
        "password_changed_at, disabled) VALUES (?, ?, ?, ?, ?, ?)",
        {account.person_id, account.password_hash, account.created_at, account.created_by,
         account.password_changed_at, std::int64_t{account.disabled ? 1 : 0}});
    if (!created.ok()) return created;
    return Audit(actor, "account.create", "account", account.person_id, nullptr,
                 AccountJson(account.person_id, account.disabled, account.password_changed_at));
  });
}

Result<std::optional<Account>> Store::GetAccount(const std::string& person_id) {
  return First<Account>(
      database_->Query(std::string(kAccountSelect) + "WHERE a.person_id = ?", {person_id}),
      AccountOf);
}

Result<std::vector<Account>> Store::AccountsByLogin(const std::string& login,
                                                    const std::string& lowercase_email) {
  return All<Account>(
      database_->Query(std::string(kAccountSelect) + "WHERE p.id = ? OR LOWER(p.email) = ? "
                                                     "ORDER BY a.person_id",
                       {login, lowercase_email}),
      AccountOf);
}

Result<std::vector<Account>> Store::Accounts() {
  return All<Account>(database_->Query(std::string(kAccountSelect) + "ORDER BY a.person_id", {}),
                      AccountOf);
}

Status Store::SetPasswordHash(const std::string& person_id, const std::string& password_hash,
                              const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    Result<std::optional<Account>> account = GetAccount(person_id);
    if (!account.ok()) return account.status();
    if (!*account) return Status::NotFound(fmt::format("{} has no account", person_id));
    const std::string now = clock_.NowUtc();
    Status changed = database_->Run(
        "UPDATE accounts SET password_hash = ?, password_changed_at = ? WHERE person_id = ?",
        {password_hash, now, person_id});
    if (!changed.ok()) return changed;
    return Audit(actor, "account.password", "account", person_id,
                 AccountJson(person_id, (*account)->disabled, (*account)->password_changed_at),
                 AccountJson(person_id, (*account)->disabled, now));
  });
}

Status Store::SetAccountDisabled(const std::string& person_id, bool disabled,
                                 const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    Result<std::optional<Account>> account = GetAccount(person_id);
    if (!account.ok()) return account.status();
    if (!*account) return Status::NotFound(fmt::format("{} has no account", person_id));
    if ((*account)->disabled == disabled) return Status::Ok();
    Status changed = database_->Run("UPDATE accounts SET disabled = ? WHERE person_id = ?",
                                    {std::int64_t{disabled ? 1 : 0}, person_id});
    if (!changed.ok()) return changed;
    const std::string& changed_at = (*account)->password_changed_at;
    return Audit(actor, disabled ? "account.disable" : "account.enable", "account", person_id,
                 AccountJson(person_id, !disabled, changed_at),
                 AccountJson(person_id, disabled, changed_at));
  });
}

// Sessions -----------------------------------------------------------------------------------

Status Store::CreateSession(const Session& session) {
  return database_->Run(
      "INSERT INTO sessions (token_hash, person_id, csrf_token, created_at, expires_at, "
      "last_seen_at, revoked_at, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {session.token_hash, session.person_id, session.csrf_token, session.created_at,
       session.expires_at, session.last_seen_at, OrNull(session.revoked_at), session.address});
}

Result<std::optional<Session>> Store::FindSession(const std::string& token_hash) {
  return First<Session>(
      database_->Query(std::string(kSessionSelect) + "WHERE token_hash = ?", {token_hash}),
      SessionOf);
}

Status Store::TouchSession(const std::string& token_hash, const std::string& at) {
  return database_->Run("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?",
                        {at, token_hash});
}

Status Store::RevokeSession(const std::string& token_hash, const std::string& at) {
  return database_->Run(
      "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL",
      {at, token_hash});
}

Result<std::int64_t> Store::RevokeSessions(const std::string& person_id, const std::string& at,
                                           const std::string& actor) {
  std::int64_t revoked = 0;
  Status status = InTransaction(*database_, [&]() -> Status {
    Result<Rows> live = database_->Query(
        "SELECT COUNT(*) FROM sessions WHERE person_id = ? AND revoked_at IS NULL", {person_id});
    if (!live.ok()) return live.status();
    revoked = live->front().Int(0);
    Status changed = database_->Run(
        "UPDATE sessions SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL",
        {at, person_id});
    if (!changed.ok()) return changed;
    nlohmann::ordered_json after;
    after["person_id"] = person_id;
    after["revoked"] = revoked;
    return Audit(actor, "session.revoke-all", "account", person_id, nullptr, after.dump());
  });
  if (!status.ok()) return status;
  return revoked;
}

Result<std::vector<Session>> Store::Sessions(const std::string& person_id) {
  return All<Session>(database_->Query(std::string(kSessionSelect) +
                                           "WHERE person_id = ? ORDER BY created_at DESC, "
                                           "token_hash",
                                       {person_id}),
                      SessionOf);
}

// API tokens ---------------------------------------------------------------------------------

Status Store::CreateApiToken(const ApiToken& token, const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    Status created = database_->Run(
        "INSERT INTO api_tokens (id, token_hash, person_id, name, created_at, expires_at, "
        "revoked_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {token.id, token.token_hash, token.person_id, token.name, token.created_at,
         OrNull(token.expires_at), OrNull(token.revoked_at), OrNull(token.last_used_at)});
    if (!created.ok()) return created;
    return Audit(actor, "token.create", "api_token", token.id, nullptr, TokenJson(token));
  });
}

Result<std::optional<ApiToken>> Store::FindApiToken(const std::string& token_hash) {
  return First<ApiToken>(
      database_->Query(std::string(kTokenSelect) + "WHERE token_hash = ?", {token_hash}), TokenOf);
}

Result<std::optional<ApiToken>> Store::GetApiToken(const std::string& id) {
  return First<ApiToken>(database_->Query(std::string(kTokenSelect) + "WHERE id = ?", {id}),
                         TokenOf);
}

Result<std::vector<ApiToken>> Store::ApiTokens(const std::string& person_id) {
  return All<ApiToken>(
      database_->Query(std::string(kTokenSelect) + "WHERE person_id = ? ORDER BY created_at, id",
                       {person_id}),
      TokenOf);
}

Status Store::RevokeApiToken(const std::string& id, const std::string& at,
                             const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    Result<std::optional<ApiToken>> token = GetApiToken(id);
    if (!token.ok()) return token.status();
    if (!*token) return Status::NotFound(fmt::format("there is no API token '{}'", id));
    if (!(*token)->revoked_at.empty()) return Status::Ok();
    Status revoked = database_->Run("UPDATE api_tokens SET revoked_at = ? WHERE id = ?", {at, id});
    if (!revoked.ok()) return revoked;
    ApiToken after = **token;
    after.revoked_at = at;
    return Audit(actor, "token.revoke", "api_token", id, TokenJson(**token), TokenJson(after));
  });
}

Status Store::TouchApiToken(const std::string& id, const std::string& at) {
  return database_->Run("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {at, id});
}

// Login attempts -----------------------------------------------------------------------------

Status Store::RecordLoginAttempt(const LoginAttempt& attempt) {
  return database_->Run(
      "INSERT INTO login_attempts (login, address, at, succeeded, throttled) VALUES (?, ?, ?, ?, "
      "?)",
      {attempt.login, attempt.address, attempt.at, std::int64_t{attempt.succeeded ? 1 : 0},
       std::int64_t{attempt.throttled ? 1 : 0}});
}

Result<std::vector<LoginAttempt>> Store::LoginAttemptsSince(const std::string& login,
                                                            const std::string& address,
                                                            const std::string& since) {
  return All<LoginAttempt>(
      database_->Query("SELECT login, address, at, succeeded, throttled FROM login_attempts "
                       "WHERE (login = ? OR address = ?) AND at >= ? ORDER BY at, id",
                       {login, address, since}),
      [](const Row& row) {
        return LoginAttempt{row.Text(0), row.Text(1), row.Text(2), row.Int(3) != 0,
                            row.Int(4) != 0};
      });
}

Result<std::int64_t> Store::PruneLoginAttempts(const std::string& before) {
  std::int64_t pruned = 0;
  Status status = InTransaction(*database_, [&]() -> Status {
    Result<Rows> old =
        database_->Query("SELECT COUNT(*) FROM login_attempts WHERE at < ?", {before});
    if (!old.ok()) return old.status();
    pruned = old->front().Int(0);
    return database_->Run("DELETE FROM login_attempts WHERE at < ?", {before});
  });
  if (!status.ok()) return status;
  return pruned;
}

}  // namespace yardstick::store
