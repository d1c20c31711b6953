#pragma once
// Turning what came back from the link endpoint into a link or a Failure.

#include <optional>
#include <string>

#include "errors.hpp"
#include "http.hpp"

namespace kyc {

struct KycLink {
  std::string linkId;  // FACEKI's `data`
  std::string url;
};

struct LinkResult {
  std::optional<KycLink> link;  // exactly one of link and failure is set
  std::optional<Failure> failure;
};

// 2xx + responseCode 0 + non-empty string data + string url -> link. Otherwise: transport outcomes to
// NetworkError/Timeout/Aborted; 401 Unauthorized; 429 RateLimited; other non-2xx HttpError; 2xx with
// non-zero responseCode ApiError (responseCode, reason); any other 2xx BadResponse. `retryable` is set
// for NetworkError, 429, 502, 503, 504. Retry-After is parsed against nowEpochMs. The server's own
// message (body "message"/"error"), cleaned and shortened, is quoted in `message` when present.
LinkResult classifyLinkResponse(const HttpResponse& response, double nowEpochMs);

// The server's human-readable reason from a JSON error body, control characters removed and cut to
// 200 characters; empty when there is none.
std::string serverMessage(const std::string& body);

}  // namespace kyc
