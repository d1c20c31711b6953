#pragma once
// Turns fuzz bytes into what the transport hands the classifiers. A readable format, so seeds are
// real answers and mutations stay meaningful:
//
//   503                 line 1: the HTTP status, or N (network error), T (timeout), A (aborted)
//   120                 line 2: the Retry-After value; empty means the header was absent
//   {"message":"busy"}  the rest: the body
//
// The clock is fixed at Wed, 21 Oct 2015 07:28:00 GMT, so dates in seeds can be past or future.

#include <string>
#include <string_view>

#include "core/http.hpp"

namespace kyc::fuzz {

inline constexpr double kFuzzNowEpochMs = 1445412480000;

inline std::string_view takeLine(std::string_view& bytes) {
  const size_t end = bytes.find('\n');
  const std::string_view line = bytes.substr(0, end);
  bytes = end == std::string_view::npos ? std::string_view() : bytes.substr(end + 1);
  return line;
}

inline HttpResponse decodeResponse(std::string_view bytes) {
  HttpResponse response;
  const std::string_view statusLine = takeLine(bytes);
  const char first = statusLine.empty() ? '\0' : statusLine[0];
  if (first == 'T' || first == 'A' || first == 'N') {
    response.outcome = first == 'T'   ? TransportOutcome::Timeout
                       : first == 'A' ? TransportOutcome::Aborted
                                      : TransportOutcome::NetworkError;
    return response;  // the transport reports nothing else without a response
  }
  int status = 0;  // XMLHttpRequest's status: 0 means no response, and never above 65535
  for (char c : statusLine.substr(0, 5)) {
    if (c < '0' || c > '9') break;
    status = status * 10 + (c - '0');
  }
  if (status == 0 || status > 65535) return response;  // NetworkError
  response.outcome = TransportOutcome::Response;
  response.status = status;
  response.retryAfter = std::string(takeLine(bytes));
  response.body = std::string(bytes);
  return response;
}

}  // namespace kyc::fuzz
