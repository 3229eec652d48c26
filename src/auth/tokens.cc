#include "auth/tokens.h"

#include <sodium.h>

#include <cstdlib>
#include <vector>

#include "base/sha256.h"

namespace yardstick::auth {

void InitialiseSodium() {
  static const bool initialised = sodium_init() >= 0;
  if (!initialised) std::abort();
}

std::string RandomBase64Url(size_t bytes) {
  InitialiseSodium();
  std::vector<unsigned char> random(bytes);
  randombytes_buf(random.data(), random.size());
  std::string text(sodium_base64_ENCODED_LEN(bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                   '\0');
  sodium_bin2base64(text.data(), text.size(), random.data(), random.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  text.resize(text.find('\0'));
  sodium_memzero(random.data(), random.size());
  return text;
}

std::string NewToken() { return RandomBase64Url(kTokenBytes); }

std::string NewPublicId() {
  InitialiseSodium();
  unsigned char random[6];
  randombytes_buf(random, sizeof random);
  char hex[sizeof random * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, random, sizeof random);
  return hex;
}

std::string TokenHash(std::string_view token) { return Sha256Hex(token); }

bool TokensEqual(std::string_view a, std::string_view b) {
  InitialiseSodium();
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace yardstick::auth
