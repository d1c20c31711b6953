#include "http_failure.hpp"

#include "retry.hpp"
#include "server_message.hpp"

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
    case 300:
      return "Multiple Choices";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    default:
      return nullptr;
  }
}

bool isRetryableStatus(int status) { return status == 429 || status == 502 || status == 503 || status == 504; }

bool isRedirectStatus(int status) { return status >= 300 && status <= 399; }

// Where a Location points, for the message: its host only (the path or query could carry anything).
std::string redirectTarget(const std::string& location) {
  constexpr size_t kMaxHostLength = 253;
  const size_t scheme = location.find("://");
  if (scheme == std::string::npos) return location.empty() ? "nowhere (no Location)" : "a path on the same host";
  std::string host = location.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  const size_t credentials = host.rfind('@');
  if (credentials != std::string::npos) host = host.substr(credentials + 1);
  const bool printable =
      !host.empty() && host.size() <= kMaxHostLength &&
      host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]_") ==
          std::string::npos;
  return printable ? host : "an unreadable host";
}

}  // namespace

bool isSuccessStatus(int status) { return status >= 200 && status <= 299; }

Failure transportFailure(const HttpResponse& response) {
  Failure failure;
  switch (response.outcome) {
    case TransportOutcome::Timeout:
      failure.code = ErrorCode::Timeout;
      failure.message = "FACEKI did not answer in time";
      break;
    case TransportOutcome::Aborted:
      failure.code = ErrorCode::Aborted;
      failure.message = "the request was aborted";
      break;
    case TransportOutcome::TooLarge:
      failure.code = ErrorCode::BadResponse;
      failure.message = "FACEKI's response was larger than " + std::to_string(response.maxResponseBytes) +
                        " bytes (maxResponseBytes); it was cut off unread";
      break;
    case TransportOutcome::HiddenRedirect:
      failure.code = ErrorCode::HttpError;
      failure.message = "FACEKI answered with a redirect (the runtime hides where to); redirects are never followed";
      break;
    case TransportOutcome::NetworkError:
    case TransportOutcome::Response:
      failure.code = ErrorCode::NetworkError;
      failure.message = response.host.empty() ? "could not reach FACEKI (network error)"
                                              : "could not reach FACEKI at " + response.host + " (network error)";
      failure.retryable = true;
      break;
  }
  return failure;
}

Failure statusFailure(ErrorCode code, const HttpResponse& response, double nowEpochMs) {
  std::string text = "FACEKI answered HTTP " + std::to_string(response.status);
  if (const char* phrase = reasonPhrase(response.status)) text += std::string(" ") + phrase;
  if (isRedirectStatus(response.status)) {
    text += " redirecting to " + redirectTarget(response.location) + "; redirects are never followed";
  }

  Failure failure;
  failure.code = code;
  failure.message = withServerMessage(text, response.body);
  failure.status = response.status;
  failure.retryable = isRetryableStatus(response.status);
  if (!response.retryAfter.empty()) failure.retryAfterMs = parseRetryAfter(response.retryAfter, nowEpochMs);
  return failure;
}

Failure badResponse(int status, const std::string& what, std::string_view call) {
  Failure failure;
  failure.code = ErrorCode::BadResponse;
  failure.status = status;
  const std::string answered =
      call.empty() ? "FACEKI answered HTTP " : "FACEKI answered " + std::string(call) + " with HTTP ";
  failure.message = answered + std::to_string(status) + " but " + what;
  return failure;
}

std::string usableRequestId(const std::string& raw) {
  constexpr size_t kMaxRequestIdLength = 128;
  if (raw.empty() || raw.size() > kMaxRequestIdLength) return {};
  const bool tokenText =
      raw.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._:/+=") ==
      std::string::npos;
  return tokenText ? raw : std::string();
}

}  // namespace kyc
