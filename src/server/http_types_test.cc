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

TEST(HttpRequestTest, SplitsAndDecodesATarget) {
  HttpRequest request;
  request.SetTarget("/api/people/E%2001?group=eng+a%26b&level=L3&level=L4&flag&=x&bad=%zz%4");
  EXPECT_EQ(request.path, "/api/people/E 01");
  EXPECT_EQ(request.Query("group"), "eng a&b");
  EXPECT_EQ(request.Query("level"), "L3");  // the first of repeated names
  EXPECT_EQ(request.Query("flag", "unset"), "");
  EXPECT_EQ(request.Query(""), "x");
  EXPECT_EQ(request.Query("bad"), "%zz%4");  // malformed escapes stay as they are
  request.SetTarget("/a+b%2Fc");
  EXPECT_EQ(request.path, "/a+b/c");  // '+' is a space only in the query
  EXPECT_TRUE(request.query.empty());
}

}  // namespace
}  // namespace yardstick::server
