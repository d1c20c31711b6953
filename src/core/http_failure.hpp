#pragma once
// Failures every FACEKI call shares: transport outcomes and HTTP error statuses.

#include <string>

#include "errors.hpp"
#include "http.hpp"

namespace kyc {

bool isSuccessStatus(int status);

// NetworkError (retryable), Timeout or Aborted, for an outcome other than Response.
Failure transportFailure(TransportOutcome outcome);

// For a non-2xx response: "FACEKI answered HTTP 503 Service Unavailable[: <server message>]", with
// status, Retry-After, and retryable for 429, 502, 503 and 504.
Failure statusFailure(ErrorCode code, const HttpResponse& response, double nowEpochMs);

// text + ": " + serverMessage(body), or text alone when the body carries no message.
std::string withServerMessage(const std::string& text, const std::string& body);

}  // namespace kyc
