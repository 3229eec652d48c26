#include "server/router.h"

#include <gtest/gtest.h>

namespace yardstick::server {
namespace {

TEST(MatchPatternTest, MatchesLiteralSegmentsAndNamesTheOthers) {
  std::map<std::string, std::string> params;
  EXPECT_TRUE(MatchPattern("/api/people/{id}/history", "/api/people/E7/history", &params));
  EXPECT_EQ(params, (std::map<std::string, std::string>{{"id", "E7"}}));
  EXPECT_TRUE(MatchPattern("/api/people", "/api/people", &params));
  EXPECT_TRUE(params.empty());
}

TEST(MatchPatternTest, RefusesOtherShapes) {
  EXPECT_FALSE(MatchPattern("/api/people/{id}", "/api/people", nullptr));
  EXPECT_FALSE(MatchPattern("/api/people/{id}", "/api/people/E7/history", nullptr));
  EXPECT_FALSE(MatchPattern("/api/people/{id}", "/api/people//", nullptr));
  EXPECT_FALSE(MatchPattern("/api/people", "/api/peoples", nullptr));
  EXPECT_FALSE(MatchPattern("/api/people", "api/people", nullptr));
}

TEST(RouterTest, FindsByMethodAndTellsAnUnknownMethodFromAnUnknownPath) {
  Router router;
  router.Add({"GET", "/api/people/{id}", Audience::kSignedIn, "get", nullptr});
  router.Add({"DELETE", "/api/people/{id}", Audience::kSignedIn, "delete", nullptr});
  Router::Match get = router.Find("GET", "/api/people/E1");
  ASSERT_NE(get.route, nullptr);
  EXPECT_EQ(get.route->summary, "get");
  EXPECT_EQ(get.params.at("id"), "E1");
  Router::Match head = router.Find("HEAD", "/api/people/E1");
  ASSERT_NE(head.route, nullptr);
  EXPECT_EQ(head.route->summary, "get");
  Router::Match put = router.Find("PUT", "/api/people/E1");
  EXPECT_EQ(put.route, nullptr);
  EXPECT_TRUE(put.path_known);
  Router::Match unknown = router.Find("GET", "/api/nothing");
  EXPECT_EQ(unknown.route, nullptr);
  EXPECT_FALSE(unknown.path_known);
}

}  // namespace
}  // namespace yardstick::server
