// Date: a calendar day (no time, no zone), for hire dates, effective dates of level changes and
// review periods. Written and read as ISO 8601 (YYYY-MM-DD). Plain value type.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace yardstick::model {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  /// Parses "YYYY-MM-DD"; nullopt for anything else or an impossible day (2023-02-29).
  static std::optional<Date> Parse(std::string_view text);
  /// The day |days| after 1970-01-01 (negative: before).
  static Date FromDays(int days);

  /// "YYYY-MM-DD".
  [[nodiscard]] std::string ToString() const;
  /// Days since 1970-01-01.
  [[nodiscard]] int ToDays() const;
  [[nodiscard]] Date AddDays(int days) const { return FromDays(ToDays() + days); }

  friend auto operator<=>(const Date&, const Date&) = default;
  friend bool operator==(const Date&, const Date&) = default;
};

}  // namespace yardstick::model
