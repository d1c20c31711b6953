#pragma once
// Failures every FACEKI call shares: transport outcomes, HTTP error statuses and 2xx answers of the wrong shape.

#include <string>
#include <string_view>

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

// For a 2xx whose body is not the documented shape: BadResponse with status, "FACEKI answered [<call> with ]HTTP
// <status> but <what>". `what` names the broken rule; the body is never quoted (it may hold a link URL, a token or a
// person's data).
Failure badResponse(int status, const std::string& what, std::string_view call = {});

// The request id header's value when it is short printable token text (it is only ever shown to help
// match FACEKI's logs, so anything odd is dropped rather than cleaned); empty otherwise.
std::string usableRequestId(const std::string& raw);

}  // namespace kyc
