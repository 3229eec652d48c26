#include "auth/login_throttle.h"

#include <algorithm>

namespace yardstick::auth {
namespace {

/// The instant until which |failures| lock (|threshold| failures within |window|, each burst
/// locking for |lockout| after its last failure), or 0 when they never do past |now|.
std::int64_t LockedUntil(std::vector<std::int64_t> failures, int threshold, std::int64_t window,
                         std::int64_t lockout, std::int64_t now) {
  if (threshold <= 0 || failures.size() < static_cast<size_t>(threshold)) return 0;
  std::sort(failures.begin(), failures.end());
  std::int64_t until = 0;
  size_t first = 0;  // the earliest failure within the window ending at failures[last]
  for (size_t last = 0; last < failures.size(); ++last) {
    while (failures[first] <= failures[last] - window) ++first;
    if (last - first + 1 >= static_cast<size_t>(threshold)) {
      until = std::max(until, failures[last] + lockout);
    }
  }
  return until > now ? until : 0;
}

}  // namespace

ThrottleDecision DecideLoginAttempt(const std::vector<std::int64_t>& login_failures,
                                    const std::vector<std::int64_t>& address_failures,
                                    std::int64_t now, const ThrottlePolicy& policy) {
  const std::int64_t until = std::max(
      LockedUntil(login_failures, policy.login_failures, policy.window, policy.lockout, now),
      LockedUntil(address_failures, policy.address_failures, policy.window, policy.lockout, now));
  if (until == 0) return {true, 0};
  return {false, until - now};
}

}  // namespace yardstick::auth
