#include "auth/password.h"

#include <sodium.h>

#include <fmt/format.h>

#include "auth/tokens.h"
#include "base/text.h"

namespace yardstick::auth {
namespace {

constexpr std::string_view kArgon2idPrefix = "$argon2id$";

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  InitialiseSodium();
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(hash, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::Internal("hashing a password failed: not enough memory");
  }
  return std::string(hash);
}

bool VerifyPassword(std::string_view stored_hash, std::string_view password) {
  InitialiseSodium();
  const std::string hash(stored_hash);  // libsodium reads it up to its NUL
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool NeedsRehash(std::string_view stored_hash) {
  InitialiseSodium();
  if (stored_hash.substr(0, kArgon2idPrefix.size()) != kArgon2idPrefix) return true;
  const std::string hash(stored_hash);
  return crypto_pwhash_argon2id_str_needs_rehash(hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                                 crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

Status CheckPasswordPolicy(std::string_view password) {
  const size_t characters = CodePoints(password);
  if (characters < kMinPasswordLength) {
    return Status::InvalidArgument(
        fmt::format("a password must be at least {} characters long; this one has {}",
                    kMinPasswordLength, characters));
  }
  if (password.size() > kMaxPasswordBytes) {
    return Status::InvalidArgument(
        fmt::format("a password must be at most {} bytes long", kMaxPasswordBytes));
  }
  return Status::Ok();
}

std::string GeneratePassword() { return RandomBase64Url(kGeneratedPasswordLength * 3 / 4); }

}  // namespace yardstick::auth
