// Status and Result<T>: how expected failures travel through Yardstick.
//
// A Status is either ok or carries a code and a message a person can act on. Result<T> holds
// a value or a non-ok Status. Functions that can fail on user input return one of these; we throw
// only at the edges (CLI, HTTP) or for bugs. Both types are cheap to move and not thread-safe to
// share while being modified (like any value type).
#pragma once

#include <cassert>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace yardstick {

class Status {
 public:
  enum class Code {
    kOk,
    kInvalidArgument,
    kNotFound,
    kAlreadyExists,
    kFailedPrecondition,
    kPermissionDenied,
    kUnauthenticated,
    kTooManyRequests,
    kStale,
    kIoError,
    kInternal
  };

  /// An ok status.
  Status() = default;

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string message) {
    return {Code::kInvalidArgument, std::move(message)};
  }
  static Status NotFound(std::string message) { return {Code::kNotFound, std::move(message)}; }
  static Status AlreadyExists(std::string message) {
    return {Code::kAlreadyExists, std::move(message)};
  }
  static Status FailedPrecondition(std::string message) {
    return {Code::kFailedPrecondition, std::move(message)};
  }
  /// The one asking may not do this (their role or place in the organisation does not allow it).
  static Status PermissionDenied(std::string message) {
    return {Code::kPermissionDenied, std::move(message)};
  }
  /// Who is asking is not established: a wrong login or password, an unknown, expired or revoked
  /// session or token (HTTP 401).
  static Status Unauthenticated(std::string message) {
    return {Code::kUnauthenticated, std::move(message)};
  }
  /// Refused for now because of too many attempts; worth retrying after |retry_after_seconds|
  /// (HTTP 429 with a Retry-After header).
  static Status TooManyRequests(std::string message, std::int64_t retry_after_seconds) {
    Status status(Code::kTooManyRequests, std::move(message));
    status.retry_after_seconds_ = retry_after_seconds;
    return status;
  }
  /// A write based on a value that has changed since the writer read it (optimistic versioning):
  /// read it again and decide (HTTP 409 with the current value).
  static Status Stale(std::string message) { return {Code::kStale, std::move(message)}; }
  static Status IoError(std::string message) { return {Code::kIoError, std::move(message)}; }
  static Status Internal(std::string message) { return {Code::kInternal, std::move(message)}; }

  [[nodiscard]] bool ok() const { return code_ == Code::kOk; }
  [[nodiscard]] Code code() const { return code_; }
  /// The message for a person; empty when ok.
  [[nodiscard]] const std::string& message() const { return message_; }
  /// For kTooManyRequests: how many seconds to wait before trying again; 0 otherwise.
  [[nodiscard]] std::int64_t retry_after_seconds() const { return retry_after_seconds_; }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  std::string message_;
  std::int64_t retry_after_seconds_ = 0;
};

/// A value of type T, or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT(google-explicit-constructor)
  Result(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }

  [[nodiscard]] bool ok() const { return value_.has_value(); }
  [[nodiscard]] const Status& status() const { return status_; }

  /// The value; only call when ok().
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  /// On a temporary Result, hands the value out by value, so `for (x : *Load())` is safe.
  T operator*() && { return std::move(value()); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace yardstick
