#include "http_failure.hpp"

#include "response.hpp"
#include "retry.hpp"

namespace kyc {
namespace {

const char* reasonPhrase(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return nullptr;
  }
}

bool isRetryableStatus(int status) { return status == 429 || status == 502 || status == 503 || status == 504; }

}  // namespace

bool isSuccessStatus(int status) { return status >= 200 && status <= 299; }

Failure transportFailure(TransportOutcome outcome) {
  Failure failure;
  switch (outcome) {
    case TransportOutcome::Timeout:
      failure.code = ErrorCode::Timeout;
      failure.message = "FACEKI did not answer in time";
      break;
    case TransportOutcome::Aborted:
      failure.code = ErrorCode::Aborted;
      failure.message = "the request was aborted";
      break;
    case TransportOutcome::NetworkError:
    case TransportOutcome::Response:
      failure.code = ErrorCode::NetworkError;
      failure.message = "could not reach FACEKI (network error)";
      failure.retryable = true;
      break;
  }
  return failure;
}

Failure statusFailure(ErrorCode code, const HttpResponse& response, double nowEpochMs) {
  std::string text = "FACEKI answered HTTP " + std::to_string(response.status);
  if (const char* phrase = reasonPhrase(response.status)) text += std::string(" ") + phrase;

  Failure failure;
  failure.code = code;
  failure.message = withServerMessage(text, response.body);
  failure.status = response.status;
  failure.retryable = isRetryableStatus(response.status);
  if (!response.retryAfter.empty()) failure.retryAfterMs = parseRetryAfter(response.retryAfter, nowEpochMs);
  return failure;
}

std::string withServerMessage(const std::string& text, const std::string& body) {
  const std::string quoted = serverMessage(body);
  return quoted.empty() ? text : text + ": " + quoted;
}

}  // namespace kyc
