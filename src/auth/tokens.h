// Secret tokens: session cookies and API tokens, made from the operating system's random source
// (libsodium's randombytes_buf). A token is shown once; only its SHA-256 (TokenHash) is stored, so
// a copy of the database does not let anyone in. Tokens are compared in constant time. No I/O
// beyond the random source; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace yardstick::auth {

/// The random bytes in a token: 256 bits.
inline constexpr size_t kTokenBytes = 32;

/// Makes libsodium ready (idempotent, thread-safe); aborts if it cannot be, since without it
/// there is no safe random source. Every function here calls it.
void InitialiseSodium();

/// |bytes| random bytes as base64url without padding (A–Z, a–z, 0–9, - and _).
std::string RandomBase64Url(size_t bytes);

/// A new secret token: kTokenBytes random bytes, base64url without padding (43 characters).
std::string NewToken();

/// A short public id for an API token, shown in listings and used to revoke it: 12 lowercase hex
/// digits (48 random bits). Not a secret.
std::string NewPublicId();

/// What is stored for |token|: its SHA-256 as 64 lowercase hex digits.
std::string TokenHash(std::string_view token);

/// True when |a| and |b| are equal, taking the same time whatever their bytes (for secrets such
/// as CSRF tokens; the time still depends on the lengths).
bool TokensEqual(std::string_view a, std::string_view b);

}  // namespace yardstick::auth
