// SignInCache: who holds a session cookie, remembered for a second. Checking one takes four
// queries (the session, its account, the person and their roles), and a browser's page asks
// several things at once: the server checks a session at most once a second, and sooner when the
// answer says so (Principal::recheck_at: expiry, idle timeout, the next touch of last use).
//
// A change made through this server — any request that changes state — forgets every answer, and
// answers checked while it ran are not kept, so signing out, a new password, a disabled account or
// a changed role takes effect from the next request. A change made elsewhere (the CLI, another
// server on the same database) takes effect within the second.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "org/authenticator.h"
#include "org/permissions.h"

namespace yardstick::server {

class SignInCache {
 public:
  /// Who holds a token, and what they may do.
  struct Holder {
    org::Principal principal;
    org::Actor actor;
  };

  explicit SignInCache(std::chrono::steady_clock::duration lifetime = std::chrono::seconds(1))
      : lifetime_(lifetime) {}

  /// The holder of session |key| (the token's hash) remembered less than a second ago,
  /// if the clock's |now| (seconds since the epoch) is before its recheck_at.
  std::optional<Holder> Find(const std::string& key, std::int64_t now) const;

  /// Where changes stand: pass it back to Remember(), which ignores an answer checked before a
  /// change.
  [[nodiscard]] std::uint64_t generation() const;

  /// Remembers |holder| of |key|, checked while generation() was |generation|.
  void Remember(const std::string& key, Holder holder, std::uint64_t generation);

  /// Forgets everything: something may have changed who holds what.
  void ForgetAll();

 private:
  struct Entry {
    Holder holder;
    std::chrono::steady_clock::time_point checked;
  };
  /// More entries than this and the oldest are not worth keeping: all are dropped.
  static constexpr size_t kMaxEntries = 100000;

  std::chrono::steady_clock::duration lifetime_;
  mutable std::mutex mutex_;
  std::uint64_t generation_ = 0;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace yardstick::server
