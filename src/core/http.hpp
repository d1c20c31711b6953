#pragma once
// What the pipeline hands a transport and gets back. Bytes only: no policy lives here.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace kyc {

// The largest answer read from FACEKI, by default and at most (the maxResponseBytes option). FACEKI's
// answers are a few hundred bytes; the cap keeps a hostile or broken server from filling wasm memory.
inline constexpr std::size_t kDefaultMaxResponseBytes = std::size_t{1024} * 1024;
inline constexpr std::size_t kSmallestMaxResponseBytes = 1024;
inline constexpr std::size_t kLargestMaxResponseBytes = std::size_t{64} * 1024 * 1024;

struct HttpRequest {
  std::string method;  // "GET" or "POST"
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::size_t maxResponseBytes = kDefaultMaxResponseBytes;  // the transport cuts the answer past this
};

enum class TransportOutcome {
  Response,        // an HTTP response arrived (any status)
  NetworkError,    // no response: refused, reset, unreachable
  Timeout,         // the pipeline's timer fired first
  Aborted,         // the caller cancelled
  TooLarge,        // the answer was longer than the request's maxResponseBytes: cut, never read whole
  HiddenRedirect,  // a redirect whose status and target the runtime hides (a browser's opaqueredirect)
};

struct HttpResponse {
  TransportOutcome outcome = TransportOutcome::NetworkError;
  int status = 0;  // 0 unless outcome == Response
  std::string body;
  std::string retryAfter;  // raw Retry-After header value, empty when absent
  std::string location;    // raw Location header value (redirects are never followed), empty when absent
  std::string requestId;   // raw X-Request-Id (or Request-Id) header value, empty when absent
  std::size_t maxResponseBytes = kDefaultMaxResponseBytes;  // the cap the transport enforced
  std::string host;  // the request URL's host[:port] (urlHost), for messages; empty when the transport left it out
};

}  // namespace kyc
