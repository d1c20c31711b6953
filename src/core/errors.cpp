#include "errors.hpp"

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

}  // namespace kyc
