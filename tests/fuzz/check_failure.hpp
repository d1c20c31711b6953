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

inline void checkFailure(const Failure& failure, const HttpResponse& response) {
  // The message quotes server text: it must be cleaned, whatever bytes came back.
  FUZZ_CHECK(!failure.message.empty());
  FUZZ_CHECK(isValidUtf8(failure.message));
  FUZZ_CHECK(!hasControlCharacter(failure.message));
  FUZZ_CHECK(failure.status == (response.outcome == TransportOutcome::Response ? response.status : 0));
  // A code the table knows, and one a server's answer can cause (never a validation code).
  FUZZ_CHECK(std::string_view(errorCodeName(failure.code)) != "UNKNOWN");
  FUZZ_CHECK(failure.code != ErrorCode::InvalidConfig && failure.code != ErrorCode::InvalidRequest);

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
