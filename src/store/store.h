// Store: everything Yardstick keeps about an organisation, behind one API.
//
// Frameworks (every loaded version kept, identified by content hash), comparison groups, people,
// position assignments, level history, cycles and what they hold, and an append-only audit log.
// The same Store runs on SQLite (default, one file) or PostgreSQL (shared), chosen by the URL it
// is opened with; the schema is created and migrated on open, and a database written by a newer
// Yardstick is refused. The store makes no decisions: callers (planners, the engine) decide what
// changes, the store applies it atomically and records who did it. Not thread-safe: one Store per
// thread (each holds one connection).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "model/cycle.h"
#include "model/decision.h"
#include "model/feedback.h"
#include "model/people_changes.h"
#include "model/person.h"
#include "model/rating.h"
#include "model/role.h"
#include "model/rubric_sheet.h"
#include "store/database.h"

namespace yardstick::store {

/// One loaded version of a framework file.
struct StoredFramework {
  std::string hash;  ///< SHA-256 of the YAML text, hex
  std::string framework_id;
  std::string name;
  std::string yaml;
  std::string loaded_at;
  std::string loaded_by;
};

/// Which people ListPeople returns; empty fields do not filter.
struct PeopleQuery {
  std::string group;
  std::string manager_id;  ///< direct reports of this person
  std::vector<std::string> grades;
  bool include_left = false;
};

/// A stored rating and its version: 1 when entered, one more at every change.
struct VersionedRating {
  model::Rating rating;
  std::int64_t version = 0;
};

/// Which audit entries AuditLog returns; empty fields do not filter.
struct AuditQuery {
  std::string entity;
  std::string entity_id;
  std::string actor;
  std::int64_t after_id = 0;  ///< only entries with a greater id
  int limit = 1000;
};

/// A person's means of signing in (store_accounts.cc). The password is only ever held as its
/// hash (auth/password.h).
struct Account {
  std::string person_id;
  std::string password_hash;  ///< libsodium's Argon2id string
  std::string created_at;
  std::string created_by;
  std::string password_changed_at;
  bool disabled = false;
  /// Read from people, not kept with the account: whether the person has left.
  bool person_left = false;
};

/// A signed-in browser. Only the SHA-256 of its cookie token is stored.
struct Session {
  std::string token_hash;
  std::string person_id;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;
  std::string last_seen_at;
  std::string revoked_at;  ///< "" while live
  std::string address;     ///< where it signed in from, for the person's list of sessions
};

/// A token a person made for scripts (`Authorization: Bearer …`). Only its SHA-256 is stored.
struct ApiToken {
  std::string id;  ///< short and public: listings show it, revoking names it
  std::string token_hash;
  std::string person_id;
  std::string name;
  std::string created_at;
  std::string expires_at;    ///< "" for never
  std::string revoked_at;    ///< "" while live
  std::string last_used_at;  ///< "" before first use
};

/// One attempt to sign in, as the login throttle reads it back.
struct LoginAttempt {
  std::string login;  ///< the key throttling counts by (the caller's choice)
  std::string address;
  std::string at;
  bool succeeded = false;
  bool throttled = false;  ///< refused before the password was checked
};

class Store {
 public:
  static constexpr size_t kBulkAddThreshold = 20'000;

  /// Opens |url| (see OpenDatabase) and brings its schema up to date.
  static Result<std::unique_ptr<Store>> Open(const std::string& url,
                                             const Clock& clock = SystemClock::Instance());
  /// Uses an already open database (tests, tools) and brings its schema up to date.
  static Result<std::unique_ptr<Store>> Attach(std::unique_ptr<Database> database,
                                               const Clock& clock = SystemClock::Instance());

  /// A new connection to the same database, with its own Store, for reading on another thread
  /// meanwhile. FailedPrecondition for a store not opened by URL (Attach) or a private
  /// in-memory SQLite database.
  [[nodiscard]] Result<std::unique_ptr<Store>> OpenAnother() const;

  Database& database() { return *database_; }
  [[nodiscard]] int schema_version() const { return schema_version_; }

  // Frameworks ------------------------------------------------------------------------------
  /// Stores a framework version (its YAML text as loaded) and makes it the current version of
  /// |framework_id|. Loading the same text again changes nothing. Returns the hash.
  Result<std::string> PutFramework(const std::string& framework_id, const std::string& name,
                                   const std::string& yaml, const std::string& actor);
  Result<std::optional<StoredFramework>> CurrentFramework(const std::string& framework_id);
  /// The reads that follow share one snapshot of the database until EndReadSnapshot(); a write
  /// ends it first (Database::BeginReadSnapshot). The server wraps each request in one: on
  /// SQLite, a request's reads then take the WAL's locks once instead of once each.
  Status BeginReadSnapshot() { return database_->BeginReadSnapshot(); }
  void EndReadSnapshot() { database_->EndReadSnapshot(); }

  /// What decides which framework versions the organisation runs on — every group with its
  /// framework and that framework's current version — as one string that changes when any of it
  /// does (for caches of the loaded frameworks).
  Result<std::string> FrameworkHeadsSignature();
  Result<std::optional<StoredFramework>> FrameworkByHash(const std::string& hash);
  /// Every stored version of |framework_id|, oldest first.
  Result<std::vector<StoredFramework>> FrameworkVersions(const std::string& framework_id);

  // Comparison groups -------------------------------------------------------------------------
  /// Creates or updates a group; its framework must have been stored.
  Status PutGroup(const model::ComparisonGroup& group, const std::string& actor);
  Result<std::vector<model::ComparisonGroup>> Groups();

  // People ------------------------------------------------------------------------------------
  Result<std::optional<model::Person>> GetPerson(const std::string& id);
  Result<std::vector<model::Person>> ListPeople(const PeopleQuery& query);
  /// Everyone, active and left, ordered by id.
  Result<std::vector<model::Person>> AllPeople();
  /// How many people are stored, active and left.
  Result<std::int64_t> CountPeople();
  /// Ids of everyone below |manager_id| in the manager tree (transitively), not |manager_id|.
  Result<std::vector<std::string>> ReportingLine(const std::string& manager_id);
  /// Ids of everyone above |person_id| in the manager tree: their manager first, the top last.
  Result<std::vector<std::string>> ManagersOf(const std::string& person_id);
  /// Applies the batch in one transaction: people rows, level history for every grade set or
  /// changed, position assignments opened and closed, and an audit entry per person. Nothing is
  /// written if anything fails (a constraint, a manager that does not exist, …). A batch adding
  /// at least kBulkAddThreshold people, and at least as many as are stored, is loaded with the
  /// tables' secondary indexes (and PostgreSQL's foreign keys) dropped and created again after,
  /// in a transaction begun with Database::BeginBulkLoad. The new people's rows are written table
  /// by table (Database::StartInsert), each batch made on a second thread while the previous one
  /// is written.
  Status ApplyPeopleChanges(const model::PeopleChanges& changes, const std::string& actor);

  // Cycles ------------------------------------------------------------------------------------
  /// Creates |cycle| in state open, created now. Its framework version must be stored and its
  /// id unused (FailedPrecondition otherwise).
  Status CreateCycle(const model::Cycle& cycle, const std::string& actor);
  Result<std::optional<model::Cycle>> GetCycle(const std::string& id);
  /// Every cycle, the latest period first.
  Result<std::vector<model::Cycle>> Cycles();
  /// Moves a cycle from |from| to |to|. Whether it may is model::CheckTransition's decision; the
  /// store only makes sure nobody moved it meanwhile (FailedPrecondition if it is not in |from|
  /// any more) and audits the move. A closed cycle is refused by the schema itself.
  Status SetCycleState(const std::string& cycle_id, model::CycleState from, model::CycleState to,
                       const std::string& actor);

  // What raters record in a cycle ----------------------------------------------------------------
  // Each write happens only while the cycle is in |expected| (FailedPrecondition otherwise, so a
  // cycle moved on meanwhile is never written to); who may rate whom is decided before (review/).

  /// Records |ratings| in one transaction; a rating of the same person by the same rater
  /// replaces the earlier one. Every new or changed rating is audited.
  Status PutRatings(const std::string& cycle_id, model::CycleState expected,
                    const std::vector<model::Rating>& ratings, const std::string& actor);
  /// Records one rating if the stored rating of that person by that rater is still at
  /// |seen_version| (0: there was none), the version the writer read (optimistic versioning);
  /// Stale otherwise, and nothing is written. Each change adds one to the version.
  Status PutRating(const std::string& cycle_id, model::CycleState expected,
                   const model::Rating& rating, std::int64_t seen_version,
                   const std::string& actor);
  /// A cycle's ratings, by person then rater.
  Result<std::vector<model::Rating>> Ratings(const std::string& cycle_id);
  /// The ratings |rater_id| has entered in a cycle, by person, with their versions.
  Result<std::vector<VersionedRating>> RatingsBy(const std::string& cycle_id,
                                                 const std::string& rater_id);
  /// Records each rater's ranking in one transaction, replacing the rater's earlier one.
  Status PutStackRanks(const std::string& cycle_id, model::CycleState expected,
                       const std::vector<model::StackRank>& ranks, const std::string& actor);
  /// Records one rater's ranking if their stored one is still |seen| (empty: there was none);
  /// Stale otherwise, and nothing is written.
  Status PutStackRank(const std::string& cycle_id, model::CycleState expected,
                      const model::StackRank& rank, const std::vector<std::string>& seen,
                      const std::string& actor);
  /// A cycle's stack ranks, by rater, each best first.
  Result<std::vector<model::StackRank>> StackRanks(const std::string& cycle_id);
  /// Assigns benchmark raters in one transaction (one already assigned is left as it is).
  Status AssignBenchmarks(const std::string& cycle_id, model::CycleState expected,
                          const std::vector<model::BenchmarkAssignment>& assignments,
                          const std::string& actor);
  /// A cycle's benchmark assignments, by person then rater.
  Result<std::vector<model::BenchmarkAssignment>> Benchmarks(const std::string& cycle_id);

  /// A person's calibrated performance in a cycle: a real number on the scale's grade indices
  /// (8.4 lies between the 9th and 10th grade), with its standard error.
  struct PerformedResult {
    std::string person_id;
    double performed = 0;
    double se = 0;
  };
  /// A rater's estimated leniency in a cycle, in grades, with its standard error.
  struct LeniencyResult {
    std::string rater_id;
    double leniency = 0;
    double se = 0;
  };
  /// Replaces the cycle's calibration results in one transaction and audits the run with
  /// |summary| (JSON: what was calibrated and what could not be resolved).
  Status PutCalibration(const std::string& cycle_id, model::CycleState expected,
                        const std::vector<PerformedResult>& people,
                        const std::vector<LeniencyResult>& raters, const std::string& summary,
                        const std::string& actor);
  /// A cycle's calibrated results, by person id.
  Result<std::vector<PerformedResult>> CalibratedResults(const std::string& cycle_id);
  /// A cycle's rater leniencies, by rater id.
  Result<std::vector<LeniencyResult>> Leniencies(const std::string& cycle_id);

  // Evidence a cycle collects besides ratings (store_evidence.cc) -----------------------------
  /// Records feedback requests in one transaction (a request already made is left as it is).
  Status RequestFeedback(const std::string& cycle_id, model::CycleState expected,
                         const std::vector<model::Feedback>& requests, const std::string& actor);
  /// Records given feedback in one transaction: its text, grade and scores. Each must have been
  /// requested (FailedPrecondition otherwise); giving it again replaces what was said.
  Status GiveFeedback(const std::string& cycle_id, model::CycleState expected,
                      const std::vector<model::Feedback>& given, const std::string& actor);
  /// A cycle's feedback, requested and given, by person then giver.
  Result<std::vector<model::Feedback>> Feedback(const std::string& cycle_id);
  /// Records rubric sheets and the ratings they give, in one transaction; a sheet of the same
  /// person by the same rater replaces the earlier one.
  Status PutRubricSheets(const std::string& cycle_id, model::CycleState expected,
                         const std::vector<model::RubricSheet>& sheets,
                         const std::vector<model::Rating>& ratings, const std::string& actor);
  /// A cycle's rubric sheets, by person then rater.
  Result<std::vector<model::RubricSheet>> RubricSheets(const std::string& cycle_id);

  // Decisions (store_decisions.cc) -------------------------------------------------------------
  /// Where PutSlate takes a slate from: |size| decisions, by person id, made on demand. |at(i)|
  /// is called for i = 0, 1, … in order, from one thread at a time but not always the caller's:
  /// the next rows are made on a second thread while the store writes the current ones, so the
  /// decisions can be made while they are being stored.
  struct SlateSource {
    size_t size = 0;
    std::function<const model::Decision&(size_t)> at;
  };
  /// Replaces the cycle's decisions with |slate| (one per person) in one transaction and audits
  /// the run with |summary()|, asked once every decision is written.
  Status PutSlate(const std::string& cycle_id, model::CycleState expected, const SlateSource& slate,
                  const std::function<std::string()>& summary, const std::string& actor);
  /// PutSlate of a slate made already.
  Status PutSlate(const std::string& cycle_id, model::CycleState expected,
                  const std::vector<model::Decision>& slate, const std::string& summary,
                  const std::string& actor);
  /// A cycle's decisions, by person id.
  Result<std::vector<model::Decision>> Decisions(const std::string& cycle_id);
  /// Applies a reviewed slate in one transaction: |changes| (the accepted promotions' grades and
  /// positions, each update naming its decision; see ApplyPeopleChanges), and marks the decisions
  /// of |applied| (each must be accepted: FailedPrecondition otherwise) applied, each audited.
  /// Nothing is written if anything fails.
  Status ApplySlate(const std::string& cycle_id, model::CycleState expected,
                    const model::PeopleChanges& changes, const std::vector<std::string>& applied,
                    const std::string& actor);
  /// Replaces each decision's stored one, by person (a review: its status, note and approver; or
  /// an exception), all in one transaction, each audited before → after. NotFound when a person
  /// has no decision; FailedPrecondition once it has been applied.
  Status UpdateDecisions(const std::string& cycle_id, model::CycleState expected,
                         const std::vector<model::Decision>& decisions, const std::string& actor);

  // Roles (store_roles.cc) ----------------------------------------------------------------------
  /// Grants |grant| and audits it; granting one already held changes nothing.
  Status GrantRole(const model::RoleGrant& grant, const std::string& actor);
  /// Revokes |grant| and audits it; NotFound if it is not held.
  Status RevokeRole(const model::RoleGrant& grant, const std::string& actor);
  /// Every grant, by person, role and group.
  Result<std::vector<model::RoleGrant>> Roles();

  // Accounts, sessions, API tokens, login attempts (store_accounts.cc) ------------------------
  // Whether a password, session or token is good is decided by the caller (org/authenticator.h);
  // the store keeps them. Changes to accounts and API tokens are audited without any password,
  // hash or token; sessions and login attempts are not (they are many, and not organisation
  // data).

  /// Creates |account| (its person must exist) and audits "account.create". AlreadyExists when
  /// the person has an account.
  Status CreateAccount(const Account& account, const std::string& actor);
  Result<std::optional<Account>> GetAccount(const std::string& person_id);
  /// The accounts of the people whose id is |login| or whose email lower-cased is
  /// |lowercase_email|: none, one, or (emails differing only in case) several.
  Result<std::vector<Account>> AccountsByLogin(const std::string& login,
                                               const std::string& lowercase_email);
  /// Every account, by person id.
  Result<std::vector<Account>> Accounts();
  /// Replaces a person's password hash, stamps password_changed_at and audits
  /// "account.password". NotFound when the person has no account.
  Status SetPasswordHash(const std::string& person_id, const std::string& password_hash,
                         const std::string& actor);
  /// Disables (or enables) an account and audits "account.disable" ("account.enable"). NotFound
  /// when the person has no account; changing nothing is not audited.
  Status SetAccountDisabled(const std::string& person_id, bool disabled, const std::string& actor);

  /// Stores a new session.
  Status CreateSession(const Session& session);
  /// The session whose token hashes to |token_hash|, revoked or not.
  Result<std::optional<Session>> FindSession(const std::string& token_hash);
  /// Sets a session's last_seen_at.
  Status TouchSession(const std::string& token_hash, const std::string& at);
  /// Marks one live session revoked at |at| (a revoked one keeps its first revocation).
  Status RevokeSession(const std::string& token_hash, const std::string& at);
  /// Revokes every live session of |person_id| at |at| and audits "session.revoke-all" with how
  /// many there were. Returns that number.
  Result<std::int64_t> RevokeSessions(const std::string& person_id, const std::string& at,
                                      const std::string& actor);
  /// A person's sessions, live and revoked, newest first.
  Result<std::vector<Session>> Sessions(const std::string& person_id);

  /// Stores a new API token and audits "token.create" (its id, name and expiry).
  Status CreateApiToken(const ApiToken& token, const std::string& actor);
  /// The API token whose secret hashes to |token_hash|, revoked or not.
  Result<std::optional<ApiToken>> FindApiToken(const std::string& token_hash);
  /// The API token with public id |id|.
  Result<std::optional<ApiToken>> GetApiToken(const std::string& id);
  /// A person's API tokens, live and revoked, by creation then id.
  Result<std::vector<ApiToken>> ApiTokens(const std::string& person_id);
  /// Marks an API token revoked at |at| and audits "token.revoke". NotFound for an unknown id;
  /// revoking a revoked token changes nothing.
  Status RevokeApiToken(const std::string& id, const std::string& at, const std::string& actor);
  /// Sets an API token's last_used_at.
  Status TouchApiToken(const std::string& id, const std::string& at);

  /// Records one login attempt.
  Status RecordLoginAttempt(const LoginAttempt& attempt);
  /// The attempts at or after |since| whose login is |login| or whose address is |address|,
  /// oldest first.
  Result<std::vector<LoginAttempt>> LoginAttemptsSince(const std::string& login,
                                                       const std::string& address,
                                                       const std::string& since);

  /// Deletes the login attempts before |before| (throttling no longer needs them); returns how
  /// many.
  Result<std::int64_t> PruneLoginAttempts(const std::string& before);

  // History -----------------------------------------------------------------------------------
  /// A person's level history, oldest first.
  Result<std::vector<model::LevelChange>> LevelHistory(const std::string& person_id);
  /// Everyone's level history, by person then date.
  Result<std::vector<model::LevelChange>> AllLevelHistory();

  // Audit -------------------------------------------------------------------------------------
  Result<std::vector<model::AuditEntry>> AuditLog(const AuditQuery& query);
  /// Records that |actor| read something sensitive (|entity| |entity_id|, e.g. a person's pay)
  /// as an audit entry "ENTITY.read".
  Status RecordRead(const std::string& actor, const std::string& entity,
                    const std::string& entity_id);

 private:
  /// Whether ApplyPeopleChanges loads |changes| in bulk (see there).
  Result<bool> IsBulk(const model::PeopleChanges& changes);
  /// ApplyPeopleChanges' writes; inside a transaction.
  Status WritePeopleChanges(const model::PeopleChanges& changes, const std::string& actor);
  /// One assignment of AssignBenchmarks; inside its transaction.
  Status AssignBenchmark(const std::string& cycle_id, const model::BenchmarkAssignment& assignment,
                         const std::string& actor);
  /// One decision of UpdateDecisions; inside its transaction.
  Status UpdateDecision(const std::string& cycle_id, const model::Decision& decision,
                        const std::string& actor);
  /// Writes |ratings| and audits the new and changed ones; inside a transaction.
  Status WriteStackRanks(const std::string& cycle_id, const std::vector<model::StackRank>& ranks,
                         const std::string& actor);
  Status WriteRatings(const std::string& cycle_id, const std::vector<model::Rating>& ratings,
                      const std::string& actor);
  /// Appends one entry to the audit log, at the clock's now; inside a transaction.
  Status Audit(const std::string& actor, const std::string& action, const std::string& entity,
               const std::string& entity_id, const Value& before, const Value& after);
  /// Ok if cycle |cycle_id| exists and is in |expected|; call inside a transaction.
  Status CheckCycleState(const std::string& cycle_id, model::CycleState expected);

  Store(std::unique_ptr<Database> database, const Clock& clock)
      : database_(std::move(database)), clock_(clock) {}

  std::unique_ptr<Database> database_;
  const Clock& clock_;
  std::string url_;  ///< what Open was given; "" after Attach
  int schema_version_ = 0;
  /// FrameworkHeadsSignature's last answer and the DataVersion it was read at.
  std::optional<uint64_t> signature_version_;
  std::string signature_;
};

}  // namespace yardstick::store
