#include "model/utc_time.h"

#include <cstdio>

#include "model/date.h"

namespace yardstick::model {
namespace {

constexpr std::int64_t kSecondsPerDay = std::int64_t{24} * 60 * 60;

/// The two-digit number at |from| of |text|, or -1.
int TwoDigits(std::string_view text, size_t from) {
  const char tens = text[from];
  const char units = text[from + 1];
  if (tens < '0' || tens > '9' || units < '0' || units > '9') return -1;
  return (tens - '0') * 10 + (units - '0');
}

}  // namespace

std::optional<std::int64_t> ParseUtcSeconds(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return std::nullopt;
  }
  const std::optional<Date> day = Date::Parse(text.substr(0, 10));
  const int hours = TwoDigits(text, 11);
  const int minutes = TwoDigits(text, 14);
  const int seconds = TwoDigits(text, 17);
  if (!day || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 ||
      seconds > 59) {
    return std::nullopt;
  }
  return std::int64_t{day->ToDays()} * kSecondsPerDay + std::int64_t{hours} * 3600 +
         std::int64_t{minutes} * 60 + seconds;
}

std::string FormatUtcSeconds(std::int64_t seconds) {
  std::int64_t days = seconds / kSecondsPerDay;
  std::int64_t within = seconds % kSecondsPerDay;
  if (within < 0) {
    within += kSecondsPerDay;
    --days;
  }
  const Date day = Date::FromDays(static_cast<int>(days));
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ", day.ToString().c_str(),
                static_cast<int>(within / 3600), static_cast<int>(within / 60 % 60),
                static_cast<int>(within % 60));
  return buffer;
}

std::optional<std::string> AddUtcSeconds(std::string_view text, std::int64_t seconds) {
  const std::optional<std::int64_t> at = ParseUtcSeconds(text);
  if (!at) return std::nullopt;
  return FormatUtcSeconds(*at + seconds);
}

}  // namespace yardstick::model
