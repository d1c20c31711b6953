#pragma once
// Building what a transport hands back, in tests.

#include <string>
#include <utility>

#include "core/http.hpp"

namespace kyc::test {

inline HttpResponse answer(int status, std::string body, std::string retryAfter = "") {
  HttpResponse response;
  response.outcome = TransportOutcome::Response;
  response.status = status;
  response.body = std::move(body);
  response.retryAfter = std::move(retryAfter);
  return response;
}

inline HttpResponse outcome(TransportOutcome what) {
  HttpResponse response;
  response.outcome = what;
  return response;
}

}  // namespace kyc::test
