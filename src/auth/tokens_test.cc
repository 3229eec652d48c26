#include "auth/tokens.h"

#include <gtest/gtest.h>

#include <set>

namespace yardstick::auth {
namespace {

bool IsBase64Url(const std::string& text) {
  return text.find_first_not_of(
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
         std::string::npos;
}

TEST(TokensTest, TokensAre43Base64UrlCharactersAndNeverRepeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string token = NewToken();
    EXPECT_EQ(token.size(), 43u);
    EXPECT_TRUE(IsBase64Url(token)) << token;
    EXPECT_TRUE(seen.insert(token).second);
  }
}

TEST(TokensTest, PublicIdsAreTwelveHexDigits) {
  const std::string id = NewPublicId();
  EXPECT_EQ(id.size(), 12u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
}

TEST(TokensTest, TheHashIsTheSha256OfTheToken) {
  EXPECT_EQ(TokenHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  const std::string token = NewToken();
  EXPECT_EQ(TokenHash(token), TokenHash(token));
  EXPECT_NE(TokenHash(token), TokenHash(NewToken()));
}

TEST(TokensTest, ComparesWholeTokens) {
  EXPECT_TRUE(TokensEqual("abc", "abc"));
  EXPECT_FALSE(TokensEqual("abc", "abd"));
  EXPECT_FALSE(TokensEqual("abc", "abcd"));
  EXPECT_TRUE(TokensEqual("", ""));
}

}  // namespace
}  // namespace yardstick::auth
