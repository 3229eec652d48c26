#include "auth/password.h"

#include <sodium.h>

#include <gtest/gtest.h>

#include "auth/tokens.h"

namespace yardstick::auth {
namespace {

// One hash for the whole suite: Argon2id costs about 0.1 s and 64 MiB each.
const std::string& StoredHash() {
  static const std::string hash = *HashPassword("correct horse battery");
  return hash;
}

TEST(PasswordTest, HashIsArgon2idWithTheInteractiveCosts) {
  EXPECT_EQ(StoredHash().rfind("$argon2id$v=19$", 0), 0u) << StoredHash();
  EXPECT_EQ(StoredHash().find("correct"), std::string::npos);
  EXPECT_FALSE(NeedsRehash(StoredHash()));
}

TEST(PasswordTest, VerifiesTheRightPasswordOnly) {
  EXPECT_TRUE(VerifyPassword(StoredHash(), "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(StoredHash(), "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword(StoredHash(), ""));
}

TEST(PasswordTest, AMalformedHashVerifiesNothingAndNeedsRehash) {
  EXPECT_FALSE(VerifyPassword("", "anything at all"));
  EXPECT_FALSE(VerifyPassword("$argon2id$garbage", "anything at all"));
  EXPECT_TRUE(NeedsRehash(""));
  EXPECT_TRUE(NeedsRehash("plain text"));
}

TEST(PasswordTest, AWeakerHashNeedsRehash) {
  // An Argon2id hash with the minimum costs (cheap to make), as an older setting might have left.
  char weak[crypto_pwhash_STRBYTES];
  ASSERT_EQ(crypto_pwhash_str_alg(weak, "pw", 2, crypto_pwhash_OPSLIMIT_MIN,
                                  crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13),
            0);
  EXPECT_TRUE(VerifyPassword(weak, "pw"));
  EXPECT_TRUE(NeedsRehash(weak));
}

TEST(PasswordTest, PolicyWantsTwelveCharacters) {
  const Status short_one = CheckPasswordPolicy("elevenchars");
  EXPECT_EQ(short_one.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(short_one.message(), "a password must be at least 12 characters long; this one has 11");
  EXPECT_TRUE(CheckPasswordPolicy("twelve chars").ok());
  // Characters, not bytes: twelve accented letters are enough, eleven are not.
  EXPECT_TRUE(CheckPasswordPolicy("éééééééééééé").ok());
  EXPECT_FALSE(CheckPasswordPolicy("ééééééééééé").ok());
  EXPECT_FALSE(CheckPasswordPolicy(std::string(kMaxPasswordBytes + 1, 'x')).ok());
}

TEST(PasswordTest, GeneratedPasswordsPassThePolicyAndDiffer) {
  const std::string one = GeneratePassword();
  EXPECT_EQ(one.size(), kGeneratedPasswordLength);
  EXPECT_TRUE(CheckPasswordPolicy(one).ok());
  EXPECT_NE(one, GeneratePassword());
}

}  // namespace
}  // namespace yardstick::auth
