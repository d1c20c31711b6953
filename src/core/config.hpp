#pragma once
// Client options and per-call options: their rules.

#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"
#include "http.hpp"
#include "input.hpp"

namespace kyc {

inline constexpr const char* kDefaultBaseUrl = "https://sdk.faceki.com";

enum class CredentialKind { StaticToken, TokenProvider, ClientCredentials };
enum class TokenEndpoint { Auto, GenerateToken, AccessToken };

struct ClientConfig {
  std::string baseUrl = kDefaultBaseUrl;  // normalized, no trailing slash
  CredentialKind credentials = CredentialKind::StaticToken;
  std::string token;         // StaticToken
  std::string clientId;      // ClientCredentials
  std::string clientSecret;  // ClientCredentials
  double timeoutMs = 30000;
  int maxRetries = 2;
  TokenEndpoint tokenEndpoint = TokenEndpoint::Auto;
  // Off by default: FACEKI has no idempotency key, so resending a POST that timed out can make a
  // second link for the same person. For callers who would rather have that than a failure.
  bool retryTimeouts = false;
  std::size_t maxResponseBytes = kDefaultMaxResponseBytes;  // kSmallestMaxResponseBytes..kLargestMaxResponseBytes
};

struct ValidatedConfig {
  std::optional<ClientConfig> config;  // set exactly when issues is empty
  std::vector<Issue> issues;
};

// Keys: baseUrl, token, getToken (a function), clientId, clientSecret, timeoutMs, maxRetries,
// tokenEndpoint ('generate-token' | 'access-token'), retryTimeouts (boolean), maxResponseBytes (integer
// 1 KiB..64 MiB). Exactly one of token, getToken, or the
// clientId+clientSecret pair. Strings: non-empty, no control characters (a CR/LF in a token would be
// header injection). baseUrl per baseUrlProblem(). timeoutMs finite, 1..600000; maxRetries integer 0..10.
// Undefined/null means absent. Unknown keys are issues with near-miss suggestions.
ValidatedConfig validateConfig(const InputObject& options);

struct CallOptions {
  std::optional<double> timeoutMs;
  std::optional<int> maxRetries;
};

struct ValidatedCallOptions {
  std::optional<CallOptions> options;
  std::vector<Issue> issues;
};

// Keys: timeoutMs, maxRetries (rules as above) and signal (any object; the wasm layer handles it).
// An undefined options object (InputObject with typeName "undefined") is fine and empty.
ValidatedCallOptions validateCallOptions(const InputObject& options);

}  // namespace kyc
