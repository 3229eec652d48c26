// Clock: where "now" comes from. The store stamps audit entries with it; tests pass a FakeClock
// so that timestamps are predictable. Implementations must be thread-safe.
#pragma once

#include <string>

namespace yardstick {

class Clock {
 public:
  virtual ~Clock() = default;
  /// The current UTC time as ISO 8601 with seconds: "2026-11-21T10:15:00Z".
  [[nodiscard]] virtual std::string NowUtc() const = 0;
  /// Today's date (UTC) as "YYYY-MM-DD".
  [[nodiscard]] std::string TodayUtc() const { return NowUtc().substr(0, 10); }
};

/// The system clock.
class SystemClock final : public Clock {
 public:
  [[nodiscard]] std::string NowUtc() const override;
  /// A shared instance.
  static const SystemClock& Instance();
};

/// A clock that says what it is told, for tests.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::string now = "2026-01-15T09:00:00Z") : now_(std::move(now)) {}
  [[nodiscard]] std::string NowUtc() const override { return now_; }
  void Set(std::string now) { now_ = std::move(now); }

 private:
  std::string now_;
};

}  // namespace yardstick
