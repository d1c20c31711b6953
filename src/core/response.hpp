#pragma once
// Turning what came back from the link endpoint into a link or a Failure.

#include <optional>
#include <string>
#include <string_view>

#include "errors.hpp"
#include "http.hpp"

namespace kyc {

// FACEKI's link ids are UUIDs; the cap leaves room for any id format without letting a hostile answer
// hand the CLI or a CSV a page of text.
inline constexpr size_t kMaxLinkIdLength = 256;

struct KycLink {
  std::string linkId;  // FACEKI's `data`
  std::string url;
};

struct LinkResult {
  std::optional<KycLink> link;  // exactly one of link and failure is set
  std::optional<Failure> failure;
};

// 2xx + responseCode 0 + string data that passes linkIdProblem + string url that passes linkUrlProblem
// (url.hpp) -> link; a link that breaks either rule is BadResponse naming the rule, never quoting it. Otherwise:
// transport outcomes to NetworkError/Timeout/Aborted; 401 Unauthorized; 429 RateLimited; other non-2xx HttpError; 2xx
// with non-zero responseCode ApiError (responseCode, reason); any other 2xx BadResponse. `retryable` is set for
// NetworkError, 429, 502, 503, 504. Retry-After is parsed against nowEpochMs. The server's own message (body
// "message"/"error"), cleaned and shortened, is quoted in `message` when present. nullopt when acceptable, else why
// not. Non-empty, at most kMaxLinkIdLength characters, visible ASCII only (isVisibleAscii): a UUID-like id never needs
// a space, a control or a non-ASCII character, and with none of them it is safe to print to a terminal, put in a CSV
// cell or a URL path as it is.
std::optional<std::string> linkIdProblem(std::string_view linkId);

LinkResult classifyLinkResponse(const HttpResponse& response, double nowEpochMs);

}  // namespace kyc
