// `yardstick user add|passwd|disable|list` (the people team manages accounts for signing in to the
// web server) and `yardstick token create|revoke|list` (a person's API tokens for scripts).
// Passwords are read from standard input, never from the command line (where `ps` and shell
// history would keep them); a generated password and a new token are printed once.
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "auth/password.h"
#include "cli/command.h"
#include "org/account_admin.h"
#include "org/authenticator.h"
#include "org/permissions.h"

namespace yardstick::cli {
namespace {

struct UserArgs {
  std::string person;
  bool password_stdin = false;
  std::string actor;
  std::string db;
};

/// The first line of standard input, without its line ending; nullopt (and says why) when there
/// is none.
std::optional<std::string> ReadPasswordFromStdin() {
  std::string line;
  if (!std::getline(std::cin, line)) {
    std::cerr << "yardstick: --password-stdin: no password on standard input\n";
    return std::nullopt;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

/// The password to set: from standard input with --password-stdin, else a generated one
/// (|generated| set). nullopt when standard input had none.
std::optional<std::string> NewPassword(const UserArgs& args, bool& generated) {
  generated = !args.password_stdin;
  if (generated) return auth::GeneratePassword();
  return ReadPasswordFromStdin();
}

void AddPersonOptions(CLI::App& app, UserArgs& args, bool with_password) {
  app.add_option("person", args.person, "The person's id")->required();
  if (with_password) {
    app.add_flag("--password-stdin", args.password_stdin,
                 fmt::format("Read the password from the first line of standard input (at least "
                             "{} characters); without it, a random {}-character password is made "
                             "and printed once",
                             auth::kMinPasswordLength, auth::kGeneratedPasswordLength));
  }
  AddActorOption(app, args.actor);
  AddDatabaseOption(app, args.db);
}

/// What the audit log records as the actor: the person asking, or "cli" when nobody said.
std::string AuditActor(const std::string& actor) { return actor.empty() ? "cli" : actor; }

/// `user add` (|reset| false) or `user passwd` (|reset| true).
Action SetPasswordSetup(CLI::App& app, bool reset) {
  auto args = std::make_shared<UserArgs>();
  AddPersonOptions(app, *args, true);
  app.footer(reset ? "Sets a new password without the old one and signs the person out "
                     "everywhere. Only the people team (once anyone holds that role)."
                   : "The person signs in with their email (any case) or id. Only the people team "
                     "adds accounts (once anyone holds that role).");
  return [args, reset] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    if (Status s = org::RequireMayManageAccounts(*store, args->actor); !s.ok()) {
      return ReportFailure(s);
    }
    bool generated = false;
    const std::optional<std::string> password = NewPassword(*args, generated);
    if (!password) return kExitProblems;
    org::Authenticator authenticator(*store, SystemClock::Instance());
    const std::string actor = AuditActor(args->actor);
    const Status done = reset ? authenticator.SetPassword(args->person, *password, actor)
                              : authenticator.CreateAccount(args->person, *password, actor);
    if (!done.ok()) return ReportFailure(done);
    std::cout << (reset ? fmt::format("set a new password for {}; their sessions have ended\n",
                                      args->person)
                        : fmt::format("created an account for {}; they sign in with their email "
                                      "or id\n",
                                      args->person));
    if (generated) {
      std::cout << fmt::format("password for {} (shown once): {}\n", args->person, *password);
    }
    return kExitOk;
  };
}

/// `user disable` (|disable| true) or `user enable`.
Action DisableSetup(CLI::App& app, bool disable) {
  auto args = std::make_shared<UserArgs>();
  AddPersonOptions(app, *args, false);
  app.footer(disable ? "The person can no longer sign in; their sessions end and their API tokens "
                       "stop working. Only the people team (once anyone holds that role)."
                     : "The person can sign in again and their API tokens work again. Only the "
                       "people team (once anyone holds that role).");
  return [args, disable] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    if (Status s = org::RequireMayManageAccounts(*store, args->actor); !s.ok()) {
      return ReportFailure(s);
    }
    org::Authenticator authenticator(*store, SystemClock::Instance());
    const Status done = disable
                            ? authenticator.DisableAccount(args->person, AuditActor(args->actor))
                            : authenticator.EnableAccount(args->person, AuditActor(args->actor));
    if (!done.ok()) return ReportFailure(done);
    std::cout << fmt::format("{} the account of {}\n", disable ? "disabled" : "enabled",
                             args->person);
    return kExitOk;
  };
}

Action ListSetup(CLI::App& app) {
  auto args = std::make_shared<UserArgs>();
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  app.footer(
      "One line per account: person id, email, state, when the password was set. Never "
      "a password or its hash.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    if (Status s = org::RequireMayManageAccounts(*store, args->actor); !s.ok()) {
      return ReportFailure(s);
    }
    Result<std::vector<store::Account>> accounts = store->Accounts();
    if (!accounts.ok()) return ReportFailure(accounts.status());
    if (accounts->empty()) {
      std::cerr << "nobody has an account yet; add one with `yardstick user add PERSON_ID`\n";
    }
    for (const store::Account& account : *accounts) {
      Result<std::optional<model::Person>> person = store->GetPerson(account.person_id);
      if (!person.ok()) return ReportFailure(person.status());
      const std::string state = account.disabled      ? "disabled"
                                : account.person_left ? "left"
                                                      : "active";
      std::cout << fmt::format("{} {} {} password set {}\n", account.person_id,
                               *person ? (*person)->email : "?", state,
                               account.password_changed_at);
    }
    return kExitOk;
  };
}

// API tokens ---------------------------------------------------------------------------------

struct TokenArgs {
  std::string id;
  std::string name;
  std::string expires;
  std::string actor;
  std::string db;
};

/// Opens the store and checks that |actor| names an active person; nullptr (reported) otherwise.
std::unique_ptr<store::Store> OpenForPerson(const TokenArgs& args, int& exit_code) {
  auto store = OpenStoreOrReport(args.db);
  exit_code = kExitFailure;
  if (!store) return nullptr;
  if (Result<org::Actor> actor = org::LoadActor(*store, args.actor); !actor.ok()) {
    exit_code = ReportFailure(actor.status());
    return nullptr;
  }
  return store;
}

Action TokenCreateSetup(CLI::App& app) {
  auto args = std::make_shared<TokenArgs>();
  app.add_option("--name", args->name, "What the token is for, shown in `token list`")->required();
  app.add_option("--expires", args->expires,
                 "The last day (YYYY-MM-DD, UTC) the token works; without it, it works until "
                 "revoked");
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  app.footer(
      "Prints the token once: scripts send it as `Authorization: Bearer TOKEN`. Only its "
      "hash is kept, so a lost token cannot be shown again: revoke it and make another.");
  return [args] {
    int exit_code = kExitOk;
    auto store = OpenForPerson(*args, exit_code);
    if (!store) return exit_code;
    org::Authenticator authenticator(*store, SystemClock::Instance());
    Result<std::pair<std::string, std::string>> made = authenticator.CreateApiToken(
        args->actor, args->name,
        args->expires.empty() ? std::nullopt : std::optional<std::string>(args->expires));
    if (!made.ok()) return ReportFailure(made.status());
    std::cout << fmt::format(
        "created API token {} ({}), {}\n", made->first, args->name,
        args->expires.empty() ? "until revoked" : "working through " + args->expires);
    std::cout << fmt::format("token (shown once): {}\n", made->second);
    return kExitOk;
  };
}

Action TokenRevokeSetup(CLI::App& app) {
  auto args = std::make_shared<TokenArgs>();
  app.add_option("id", args->id, "The token's id, as `token list` shows it")->required();
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  return [args] {
    int exit_code = kExitOk;
    auto store = OpenForPerson(*args, exit_code);
    if (!store) return exit_code;
    org::Authenticator authenticator(*store, SystemClock::Instance());
    const Status revoked = authenticator.RevokeApiToken(args->actor, args->id);
    if (!revoked.ok()) return ReportFailure(revoked);
    std::cout << fmt::format("revoked API token {}\n", args->id);
    return kExitOk;
  };
}

Action TokenListSetup(CLI::App& app) {
  auto args = std::make_shared<TokenArgs>();
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  app.footer("One line per token: id, name, state, created, expiry and last use. Never the token.");
  return [args] {
    int exit_code = kExitOk;
    auto store = OpenForPerson(*args, exit_code);
    if (!store) return exit_code;
    org::Authenticator authenticator(*store, SystemClock::Instance());
    Result<std::vector<store::ApiToken>> tokens = authenticator.ApiTokens(args->actor);
    if (!tokens.ok()) return ReportFailure(tokens.status());
    if (tokens->empty()) std::cerr << args->actor << " has no API tokens\n";
    for (const store::ApiToken& token : *tokens) {
      std::cout << fmt::format("{} {} {} created {} expires {} last used {}\n", token.id,
                               token.name, token.revoked_at.empty() ? "live" : "revoked",
                               token.created_at,
                               token.expires_at.empty() ? "never" : token.expires_at,
                               token.last_used_at.empty() ? "never" : token.last_used_at);
    }
    return kExitOk;
  };
}

}  // namespace

std::vector<Command> UserCommands() {
  return {
      {"user", "add", "Give a person an account to sign in to the web server",
       [](CLI::App& app) { return SetPasswordSetup(app, false); }},
      {"user", "passwd", "Reset a person's password (signs them out everywhere)",
       [](CLI::App& app) { return SetPasswordSetup(app, true); }},
      {"user", "disable", "Disable a person's account",
       [](CLI::App& app) { return DisableSetup(app, true); }},
      {"user", "enable", "Enable a disabled account again",
       [](CLI::App& app) { return DisableSetup(app, false); }},
      {"user", "list", "Who has an account", ListSetup},
      {"token", "create", "Make an API token for scripts, as yourself", TokenCreateSetup},
      {"token", "revoke", "Revoke one of your API tokens", TokenRevokeSetup},
      {"token", "list", "Your API tokens", TokenListSetup},
  };
}

}  // namespace yardstick::cli
