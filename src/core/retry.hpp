#pragma once
// When to send again and how long to wait first. Pure: time and randomness are inputs.

#include <optional>
#include <string_view>

#include "errors.hpp"

namespace kyc {

struct RetryPolicy {
  int maxRetries = 2;  // retries after the first attempt; 0 disables
  double initialBackoffMs = 500;
  double maxBackoffMs = 5000;
  double maxRetryAfterMs = 60000;  // a longer Retry-After is not waited for: the failure is final
};

// attemptsMade counts requests sent so far (>= 1). True when failure.retryable, attempts remain, and
// any Retry-After is within policy.maxRetryAfterMs.
bool shouldRetry(const Failure& failure, int attemptsMade, const RetryPolicy& policy);

// Delay before retry number retryNumber (1-based): exponential from initialBackoffMs, capped at
// maxBackoffMs, with jitter from random01 in [0,1) (the delay is between half and all of the step).
// A Retry-After replaces it (never below 0, never above maxRetryAfterMs).
double backoffDelayMs(int retryNumber, double random01, std::optional<double> retryAfterMs, const RetryPolicy& policy);

// Retry-After as delta-seconds ("120") or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT"), in ms from
// nowEpochMs (a past date is 0). nullopt when unparseable.
std::optional<double> parseRetryAfter(std::string_view value, double nowEpochMs);

}  // namespace kyc
