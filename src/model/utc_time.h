// UTC instants as Yardstick writes them — ISO 8601 with seconds and a Z, "2026-11-21T10:15:00Z"
// (what Clock::NowUtc gives) — and arithmetic on them in whole seconds: session lifetimes, idle
// timeouts, login throttling windows. Written this way, instants also compare as text. Pure
// functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace yardstick::model {

/// Seconds since 1970-01-01T00:00:00Z of |text| ("YYYY-MM-DDTHH:MM:SSZ"); nullopt for anything
/// else, an impossible day or time.
std::optional<std::int64_t> ParseUtcSeconds(std::string_view text);

/// "YYYY-MM-DDTHH:MM:SSZ" of |seconds| since 1970-01-01T00:00:00Z.
std::string FormatUtcSeconds(std::int64_t seconds);

/// The instant |seconds| after |text| (before, when negative); nullopt when |text| is not an
/// instant ParseUtcSeconds reads.
std::optional<std::string> AddUtcSeconds(std::string_view text, std::int64_t seconds);

}  // namespace yardstick::model
