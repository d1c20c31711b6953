#pragma once
// The bearer token: FACEKI's token endpoints, the JWT exp claim, and freshness.

#include <optional>
#include <string>
#include <string_view>

#include "errors.hpp"
#include "http.hpp"

namespace kyc {

inline constexpr double kTokenRefreshMarginMs = 60000;
inline constexpr double kDefaultTokenLifetimeS = 3600;

struct AccessToken {
  std::string value;
  double expiresAtMs = 0;  // epoch ms
};

struct TokenResult {
  std::optional<AccessToken> token;  // exactly one of token and failure is set
  std::optional<Failure> failure;
};

// The `exp` claim (epoch seconds) of a JWT, read without verifying it; nullopt if not a JWT with a
// numeric exp.
std::optional<double> jwtExpirySeconds(std::string_view jwt);

// Body of POST /auth/api/generate-token: {"clientId":..,"clientSecret":..}.
std::string generateTokenBody(const std::string& clientId, const std::string& clientSecret);
// Query of GET /auth/api/access-token: "clientId=..&clientSecret=.." percent-encoded.
std::string accessTokenQuery(const std::string& clientId, const std::string& clientSecret);

// 2xx {"responseCode":0,"data":{"access_token","expires_in"}} -> token expiring at
// min(now + expires_in (default 3600 s), JWT exp). Failures' messages start with "token request failed: ".
// 400/401/403/422 or a 2xx failure body -> Unauthorized (bad credentials); 404/405 -> HttpError (the
// caller may fall back to the other endpoint); 429 RateLimited; other statuses HttpError; a 2xx without
// a token BadResponse; transport outcomes as for the link call. Secrets never appear in messages.
TokenResult parseTokenResponse(const HttpResponse& response, double nowEpochMs);

// The one rule for every bearer token, wherever it comes from (the token option, getToken, FACEKI):
// nullopt when it can go into "Authorization: Bearer <token>" as it is, else why not, as a phrase
// ("is empty", ...). Visible ASCII only: no CR/LF (header injection), no space, nothing a header
// cannot carry (an emoji made the request itself fail, which looked like a network error).
std::optional<std::string> bearerTokenProblem(std::string_view token);

// Whether an auto-mode client may fall back from POST generate-token to GET access-token: only on a
// 404 or 405 whose body is not FACEKI-shaped (isFacekiShapedBody). A FACEKI-shaped 404/405 means
// FACEKI itself answered at that path (the endpoint exists; the request was refused), so it is an
// error like any other and the secret is not sent again in a query string.
bool tokenEndpointMissing(const HttpResponse& response);

// A JSON object with any of FACEKI's envelope keys: responseCode, statusCode, status or message.
bool isFacekiShapedBody(std::string_view body);

// Usable now: expires more than marginMs from now.
bool tokenIsFresh(const AccessToken& token, double nowEpochMs, double marginMs = kTokenRefreshMarginMs);

}  // namespace kyc
