// Login throttling: the rule that decides whether a login attempt may be tried at all, given the
// recent failed attempts for the same login and from the same address. Guessing passwords is
// slowed per account (a few tries, then a pause) and per address (one machine trying many
// accounts). The attempts themselves are kept by the store, so a restart forgets nothing. Pure;
// thread-safe.
#pragma once

#include <cstdint>
#include <vector>

namespace yardstick::auth {

/// How many failures lock what, for how long. Times in seconds.
struct ThrottlePolicy {
  int login_failures = 5;     ///< this many failures for one login within the window lock it
  int address_failures = 20;  ///< this many failures from one address within the window lock it
  std::int64_t window = std::int64_t{15} * 60;  ///< the failures counted are this close together
  std::int64_t lockout =
      std::int64_t{15} * 60;  ///< a lock lasts this long from the last failure counted
  /// How far back the attempts the rule needs go: failures older than now - history() can no
  /// longer lock anything.
  [[nodiscard]] std::int64_t history() const { return window + lockout; }
};

/// Whether an attempt may go ahead now, and if not, when to try again.
struct ThrottleDecision {
  bool allowed = true;
  std::int64_t retry_after = 0;  ///< seconds, at least 1 when not allowed; 0 when allowed
};

/// The decision for an attempt at |now| (seconds since the epoch). |login_failures| and
/// |address_failures| are the instants (seconds, any order) of earlier failed attempts for the
/// same login and from the same address; successes are not passed (a success does not erase
/// failures). A login is locked while some failure f has at least policy.login_failures failures
/// in (f - window, f] and f + lockout is still ahead; likewise for the address. When both are
/// locked, the later unlock wins.
ThrottleDecision DecideLoginAttempt(const std::vector<std::int64_t>& login_failures,
                                    const std::vector<std::int64_t>& address_failures,
                                    std::int64_t now, const ThrottlePolicy& policy = {});

}  // namespace yardstick::auth
