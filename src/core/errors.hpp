#pragma once
// The one failure type of the client. JS sees it as a KycError whose `code` is errorCodeName(code).

#include <optional>
#include <string>
#include <vector>

namespace kyc {

enum class ErrorCode {
  InvalidConfig,        // bad client options
  InvalidRequest,       // the request broke a validation rule; nothing was sent
  Unauthorized,         // HTTP 401, or the token request was refused
  ApiError,             // 2xx whose responseCode is not 0
  HttpError,            // any other non-2xx status
  RateLimited,          // HTTP 429
  NetworkError,         // no HTTP response: refused, reset, DNS, CORS
  Timeout,              // an attempt outlived its timeout
  Aborted,              // the caller's AbortSignal fired
  BadResponse,          // a 2xx whose body is not the documented shape, or an answer over maxResponseBytes
  Internal,             // the wasm module stopped (out of memory, a bug); raised by the JS skin, which then
                        // rejects every pending call and loads a fresh module for the next client
  WebhookUnauthorized,  // a webhook without the configured header, or with the wrong value (HTTP 401)
  WebhookInvalid,       // a webhook body that is not a JSON object of a documented shape, or over its cap
};

// The last ErrorCode: kycFacts() loops up to it, so a new code is seen by the JS-side tests. Keep it last.
inline constexpr ErrorCode kLastErrorCode = ErrorCode::WebhookInvalid;

// "INVALID_CONFIG", "INVALID_REQUEST", "UNAUTHORIZED", "API_ERROR", "HTTP_ERROR", "RATE_LIMITED",
// "NETWORK_ERROR", "TIMEOUT", "ABORTED", "BAD_RESPONSE", "INTERNAL",
// "WEBHOOK_UNAUTHORIZED", "WEBHOOK_INVALID".
const char* errorCodeName(ErrorCode code);

// One problem with one input field; `field` is the caller's name for it ("workflowId", "baseUrl").
struct Issue {
  std::string field;
  std::string message;
};

struct Failure {
  ErrorCode code = ErrorCode::NetworkError;
  std::string message;                 // for a human; never holds a secret
  int status = 0;                      // HTTP status of the last response, 0 when there was none
  bool retryable = false;              // sending the same request again may succeed
  std::optional<int> responseCode;     // FACEKI's responseCode, for ApiError
  std::string reason;                  // FACEKI reason name for responseCode (codes.hpp), for ApiError
  std::vector<Issue> issues;           // for InvalidRequest and InvalidConfig
  std::optional<double> retryAfterMs;  // the server's Retry-After, when it sent one
  int attempts = 0;                    // link requests sent; filled in by the client pipeline
  std::string requestId;               // the server's request id header of the last answer, when usable
};

// A validation failure with every issue (at least one): code InvalidConfig words it "invalid options: <the first
// issue's message>", InvalidRequest "invalid request: ...", followed by " (and <n> more)" when there are more.
Failure invalidFailure(ErrorCode code, std::vector<Issue> issues);

}  // namespace kyc
