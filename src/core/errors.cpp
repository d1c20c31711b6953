#include "errors.hpp"

#include <utility>

namespace kyc {

const char* errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidConfig:
      return "INVALID_CONFIG";
    case ErrorCode::InvalidRequest:
      return "INVALID_REQUEST";
    case ErrorCode::Unauthorized:
      return "UNAUTHORIZED";
    case ErrorCode::ApiError:
      return "API_ERROR";
    case ErrorCode::HttpError:
      return "HTTP_ERROR";
    case ErrorCode::RateLimited:
      return "RATE_LIMITED";
    case ErrorCode::NetworkError:
      return "NETWORK_ERROR";
    case ErrorCode::Timeout:
      return "TIMEOUT";
    case ErrorCode::Aborted:
      return "ABORTED";
    case ErrorCode::BadResponse:
      return "BAD_RESPONSE";
    case ErrorCode::Internal:
      return "INTERNAL";
    case ErrorCode::WebhookUnauthorized:
      return "WEBHOOK_UNAUTHORIZED";
    case ErrorCode::WebhookInvalid:
      return "WEBHOOK_INVALID";
  }
  return "UNKNOWN";
}

Failure invalidFailure(ErrorCode code, std::vector<Issue> issues) {
  Failure failure;
  failure.code = code;
  failure.message =
      (code == ErrorCode::InvalidConfig ? "invalid options: " : "invalid request: ") + issues.front().message;
  if (issues.size() > 1) failure.message += " (and " + std::to_string(issues.size() - 1) + " more)";
  failure.issues = std::move(issues);
  return failure;
}

}  // namespace kyc
