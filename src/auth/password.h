// Passwords: hashing and checking them with Argon2id (libsodium's crypto_pwhash, the
// "interactive" cost: about 0.1 s and 64 MiB per hash), the password policy, and generated
// passwords. The stored form is libsodium's self-describing string ("$argon2id$v=19$m=…"), so a
// hash made with older costs still verifies and NeedsRehash says when to replace it. No I/O;
// thread-safe (each hash allocates its own memory).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/status.h"

namespace yardstick::auth {

/// The shortest password the policy accepts, in characters (UTF-8 code points).
inline constexpr size_t kMinPasswordLength = 12;
/// The longest, in bytes: anything longer is not a password someone types.
inline constexpr size_t kMaxPasswordBytes = 1024;
/// The length of a password GeneratePassword makes.
inline constexpr size_t kGeneratedPasswordLength = 16;

/// The Argon2id hash of |password|, as libsodium's string. Internal if libsodium cannot get the
/// memory the hash needs.
Result<std::string> HashPassword(std::string_view password);

/// True when |password| is the one |stored_hash| was made from. False for a wrong password and
/// for a |stored_hash| that is not a libsodium password hash. Takes as long as hashing.
bool VerifyPassword(std::string_view stored_hash, std::string_view password);

/// True when |stored_hash| was not made by HashPassword with today's algorithm and costs (so it
/// should be replaced by a new hash the next time the password is known), or is not a hash.
bool NeedsRehash(std::string_view stored_hash);

/// Ok when |password| may be used: at least kMinPasswordLength characters and at most
/// kMaxPasswordBytes bytes; InvalidArgument saying what is wrong otherwise. Never repeats the
/// password.
Status CheckPasswordPolicy(std::string_view password);

/// A random password of kGeneratedPasswordLength characters (base64url: A–Z, a–z, 0–9, - and _;
/// 96 random bits), for an account made without one.
std::string GeneratePassword();

}  // namespace yardstick::auth
