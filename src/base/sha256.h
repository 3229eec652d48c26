// SHA-256 of bytes as lowercase hex, via libsodium: the content hash of a framework version and
// the stored form of a secret token (a session cookie, an API token). Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace yardstick {

/// The SHA-256 digest of |data|, as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view data);

}  // namespace yardstick
