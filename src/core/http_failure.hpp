#pragma once
// Failures every FACEKI call shares: transport outcomes and HTTP error statuses.

#include <string>

#include "errors.hpp"
#include "http.hpp"

namespace kyc {

bool isSuccessStatus(int status);

// For an outcome other than Response: NetworkError (retryable), Timeout, Aborted, BadResponse for an
// answer over maxResponseBytes, HttpError for a redirect the runtime hid. None but NetworkError is retried.
Failure transportFailure(const HttpResponse& response);

// For a non-2xx response: "FACEKI answered HTTP 503 Service Unavailable[: <server message>]", with
// status, Retry-After, and retryable for 429, 502, 503 and 504. A 3xx names the host its Location points
// to and says it was not followed.
Failure statusFailure(ErrorCode code, const HttpResponse& response, double nowEpochMs);

// The request id header's value when it is short printable token text (it is only ever shown to help
// match FACEKI's logs, so anything odd is dropped rather than cleaned); empty otherwise.
std::string usableRequestId(const std::string& raw);

// text + ": " + serverMessage(body), or text alone when the body carries no message.
std::string withServerMessage(const std::string& text, const std::string& body);

}  // namespace kyc
