#include "server/http_types.h"

#include <gtest/gtest.h>

namespace yardstick::server {
namespace {

TEST(HttpRequestTest, ReadsACookieAmongOthers) {
  HttpRequest request;
  request.headers.emplace("cookie", "theme=dark; ys_session=abc=def; lang=en");
  EXPECT_EQ(request.Cookie("ys_session"), "abc=def");
  EXPECT_EQ(request.Cookie("theme"), "dark");
  EXPECT_EQ(request.Cookie("lang"), "en");
  EXPECT_EQ(request.Cookie("session"), "");  // no prefix matches
}

TEST(HttpRequestTest, ReadsCookiesFromSeveralHeaders) {
  HttpRequest request;
  request.headers.emplace("cookie", "a=1");
  request.headers.emplace("cookie", "ys_session=2");
  EXPECT_EQ(request.Cookie("ys_session"), "2");
  EXPECT_EQ(request.Cookie("missing"), "");
}

TEST(HttpRequestTest, QueryAndPathParametersFallBack) {
  HttpRequest request;
  request.query = {{"depth", "2"}};
  request.path_params = {{"id", "E7"}};
  EXPECT_EQ(request.Query("depth", "1"), "2");
  EXPECT_EQ(request.Query("level", "any"), "any");
  EXPECT_EQ(request.Param("id"), "E7");
  EXPECT_EQ(request.Param("cycle"), "");
}

TEST(HttpResponseTest, JsonAndNoContent) {
  const HttpResponse json = HttpResponse::Json({{"a", 1}}, 201);
  EXPECT_EQ(json.status, 201);
  EXPECT_EQ(json.body, R"({"a":1})");
  EXPECT_EQ(json.content_type, "application/json");
  const HttpResponse none = HttpResponse::NoContent();
  EXPECT_EQ(none.status, 204);
  EXPECT_TRUE(none.body.empty());
}

}  // namespace
}  // namespace yardstick::server
