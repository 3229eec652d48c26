#include "server/api_error.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace yardstick::server {
namespace {

std::string CodeOf(const HttpResponse& response) {
  return nlohmann::json::parse(response.body)["error"]["code"];
}

TEST(ApiErrorTest, EachStatusHasItsHttpStatusAndStableCode) {
  EXPECT_EQ(ErrorFromStatus(Status::InvalidArgument("x")).status, 400);
  EXPECT_EQ(CodeOf(ErrorFromStatus(Status::InvalidArgument("x"))), "bad_request");
  EXPECT_EQ(ErrorFromStatus(Status::PermissionDenied("x")).status, 403);
  EXPECT_EQ(CodeOf(ErrorFromStatus(Status::PermissionDenied("x"))), "forbidden");
  EXPECT_EQ(ErrorFromStatus(Status::NotFound("x")).status, 404);
  EXPECT_EQ(ErrorFromStatus(Status::AlreadyExists("x")).status, 409);
  EXPECT_EQ(CodeOf(ErrorFromStatus(Status::FailedPrecondition("x"))), "failed_precondition");
}

TEST(ApiErrorTest, AnInternalFailureSaysNothingOfTheServersInsides) {
  const HttpResponse response = ErrorFromStatus(Status::Internal("/var/lib/secret.db: disk I/O"));
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("secret"), std::string::npos);
  EXPECT_EQ(CodeOf(response), "internal");
}

TEST(ApiErrorTest, TheMessageIsKeptForPeople) {
  const HttpResponse response = ErrorResponse(404, error_code::kNotFound, "no person 'E9'");
  EXPECT_EQ(nlohmann::json::parse(response.body)["error"]["message"], "no person 'E9'");
}

}  // namespace
}  // namespace yardstick::server
