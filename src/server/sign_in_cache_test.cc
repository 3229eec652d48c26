#include "server/sign_in_cache.h"

#include <thread>

#include <gtest/gtest.h>

namespace yardstick::server {
namespace {

SignInCache::Holder HolderOf(const std::string& person, std::int64_t recheck_at) {
  org::Principal principal{person, "hash", "csrf", "", recheck_at};
  return {principal, org::Actor{person, {}}};
}

TEST(SignInCacheTest, RemembersUntilTheRecheckSecond) {
  SignInCache cache;
  cache.Remember("session:a", HolderOf("E1", 1000), cache.generation());
  std::optional<SignInCache::Holder> found = cache.Find("session:a", 999);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->principal.person_id, "E1");
  EXPECT_EQ(found->actor.person_id, "E1");
  EXPECT_FALSE(cache.Find("session:a", 1000).has_value());  // expiry, idle time or touch is due
  EXPECT_FALSE(cache.Find("session:b", 999).has_value());
  EXPECT_FALSE(cache.Find("token:a", 999).has_value());
}

TEST(SignInCacheTest, ForgetsAfterItsLifetime) {
  SignInCache cache(std::chrono::milliseconds(20));
  cache.Remember("session:a", HolderOf("E1", 1000), cache.generation());
  EXPECT_TRUE(cache.Find("session:a", 1).has_value());
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  EXPECT_FALSE(cache.Find("session:a", 1).has_value());
}

TEST(SignInCacheTest, AChangeForgetsEverythingAndWhatWasCheckedBeforeIt) {
  SignInCache cache;
  const std::uint64_t before = cache.generation();
  cache.Remember("session:a", HolderOf("E1", 1000), before);
  cache.ForgetAll();
  EXPECT_FALSE(cache.Find("session:a", 1).has_value());
  // An answer checked while the change ran is not kept: it may predate the change.
  cache.Remember("session:b", HolderOf("E2", 1000), before);
  EXPECT_FALSE(cache.Find("session:b", 1).has_value());
  cache.Remember("session:b", HolderOf("E2", 1000), cache.generation());
  EXPECT_TRUE(cache.Find("session:b", 1).has_value());
}

}  // namespace
}  // namespace yardstick::server
