#pragma once
// What the pipeline hands a transport and gets back. Bytes only: no policy lives here.

#include <string>
#include <utility>
#include <vector>

namespace kyc {

struct HttpRequest {
  std::string method;  // "GET" or "POST"
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

enum class TransportOutcome {
  Response,      // an HTTP response arrived (any status)
  NetworkError,  // no response: refused, reset, unreachable
  Timeout,       // the pipeline's timer fired first
  Aborted,       // the caller cancelled
};

struct HttpResponse {
  TransportOutcome outcome = TransportOutcome::NetworkError;
  int status = 0;  // 0 unless outcome == Response
  std::string body;
  std::string retryAfter;  // raw Retry-After header value, empty when absent
};

}  // namespace kyc
