#include "server/api_error.h"

#include <nlohmann/json.hpp>

namespace yardstick::server {

HttpResponse ErrorResponse(int status, std::string_view code, const std::string& message,
                           const nlohmann::json& beside) {
  nlohmann::json body = beside.is_object() ? beside : nlohmann::json::object();
  body["error"] = {{"code", code}, {"message", message}};
  return HttpResponse::Json(body, status);
}

HttpResponse ErrorFromStatus(const Status& status) {
  switch (status.code()) {
    case Status::Code::kInvalidArgument:
      return ErrorResponse(400, error_code::kBadRequest, status.message());
    case Status::Code::kPermissionDenied:
      return ErrorResponse(403, error_code::kForbidden, status.message());
    case Status::Code::kNotFound:
      return ErrorResponse(404, error_code::kNotFound, status.message());
    case Status::Code::kAlreadyExists:
      return ErrorResponse(409, error_code::kConflict, status.message());
    case Status::Code::kFailedPrecondition:
      return ErrorResponse(409, error_code::kPrecondition, status.message());
    case Status::Code::kStale:
      return ErrorResponse(409, error_code::kStale, status.message());
    case Status::Code::kUnauthenticated:
      return ErrorResponse(401, error_code::kUnauthenticated, status.message());
    case Status::Code::kTooManyRequests: {
      HttpResponse response = ErrorResponse(429, error_code::kTooManyRequests, status.message());
      response.headers.emplace_back("Retry-After", std::to_string(status.retry_after_seconds()));
      return response;
    }
    default:
      return ErrorResponse(500, error_code::kInternal,
                           "the server failed to answer; the failure is in its log");
  }
}

}  // namespace yardstick::server
