#pragma once
// What every Failure the classifiers produce must satisfy, whatever the server sent.

#include <cmath>
#include <string_view>

#include "core/errors.hpp"
#include "core/http.hpp"
#include "core/retry.hpp"
#include "core/text.hpp"
#include "fuzz_check.hpp"

namespace kyc::fuzz {

// The code follows from what came back (never a validation code): a transport outcome has exactly one code, 401 and
// 429 have theirs, other statuses only HTTP_ERROR or, for the token call's 400/403/422, UNAUTHORIZED; a 2xx only
// what a body can cause.
inline bool codeFits(ErrorCode code, const HttpResponse& response) {
  switch (response.outcome) {
    case TransportOutcome::Timeout:
      return code == ErrorCode::Timeout;
    case TransportOutcome::Aborted:
      return code == ErrorCode::Aborted;
    case TransportOutcome::TooLarge:
      return code == ErrorCode::BadResponse;
    case TransportOutcome::HiddenRedirect:
      return code == ErrorCode::HttpError;
    case TransportOutcome::NetworkError:
      return code == ErrorCode::NetworkError;
    case TransportOutcome::Response:
      break;
  }
  if (response.status == 401) return code == ErrorCode::Unauthorized;
  if (response.status == 429) return code == ErrorCode::RateLimited;
  if (response.status < 200 || response.status > 299) {
    return code == ErrorCode::HttpError || code == ErrorCode::Unauthorized;
  }
  return code == ErrorCode::ApiError || code == ErrorCode::BadResponse || code == ErrorCode::Unauthorized;
}

// The name JS sees is the one errorCodeName gives exactly this code among all of them.
inline bool nameRoundTrips(ErrorCode code) {
  const std::string_view name = errorCodeName(code);
  bool found = false;
  for (int i = 0; i <= static_cast<int>(kLastErrorCode); ++i) {
    const auto other = static_cast<ErrorCode>(i);
    if (name != errorCodeName(other)) continue;
    if (other != code) return false;  // two codes under one name
    found = true;
  }
  return found;
}

inline void checkFailure(const Failure& failure, const HttpResponse& response) {
  // The message quotes server text: it must be cleaned, whatever bytes came back.
  FUZZ_CHECK(!failure.message.empty());
  FUZZ_CHECK(isValidUtf8(failure.message));
  FUZZ_CHECK(!hasControlCharacter(failure.message));
  FUZZ_CHECK(failure.status == (response.outcome == TransportOutcome::Response ? response.status : 0));
  FUZZ_CHECK(codeFits(failure.code, response));
  FUZZ_CHECK(nameRoundTrips(failure.code));

  if (failure.retryAfterMs) {
    FUZZ_CHECK(!std::isnan(*failure.retryAfterMs) && *failure.retryAfterMs >= 0);
    FUZZ_CHECK(!response.retryAfter.empty());
  }
  const RetryPolicy policy;
  for (int retry = 1; retry <= 3; ++retry) {
    const double delay = backoffDelayMs(retry, 0.5, failure.retryAfterMs, policy);
    FUZZ_CHECK(delay >= 0 && delay <= policy.maxRetryAfterMs);
  }
  if (shouldRetry(failure, 1, policy)) FUZZ_CHECK(failure.retryable);
}

}  // namespace kyc::fuzz
