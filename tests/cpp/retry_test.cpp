#include <catch2/catch.hpp>

#include <limits>

#include "core/retry.hpp"

using namespace kyc;

namespace {

Failure retryable(std::optional<double> retryAfterMs = std::nullopt) {
  Failure failure;
  failure.retryable = true;
  failure.retryAfterMs = retryAfterMs;
  return failure;
}

constexpr double kNow = 784111777000;  // Sun, 06 Nov 1994 08:49:37 GMT

}  // namespace

TEST_CASE("shouldRetry needs a retryable failure") {
  Failure failure;
  failure.retryable = false;
  CHECK_FALSE(shouldRetry(failure, 1, RetryPolicy{}));
  CHECK(shouldRetry(retryable(), 1, RetryPolicy{}));
}

TEST_CASE("shouldRetry allows maxRetries retries after the first attempt") {
  RetryPolicy policy;
  policy.maxRetries = 2;
  CHECK(shouldRetry(retryable(), 1, policy));
  CHECK(shouldRetry(retryable(), 2, policy));
  CHECK_FALSE(shouldRetry(retryable(), 3, policy));
  policy.maxRetries = 0;
  CHECK_FALSE(shouldRetry(retryable(), 1, policy));
}

TEST_CASE("shouldRetry gives up when Retry-After is longer than policy allows") {
  RetryPolicy policy;
  policy.maxRetryAfterMs = 60000;
  CHECK(shouldRetry(retryable(60000), 1, policy));
  CHECK_FALSE(shouldRetry(retryable(60001), 1, policy));
  CHECK(shouldRetry(retryable(0), 1, policy));
}

TEST_CASE("backoffDelayMs grows exponentially with half-to-full jitter, capped") {
  RetryPolicy policy;  // 500 ms initial, 5000 ms cap
  CHECK(backoffDelayMs(1, 0.0, std::nullopt, policy) == 250);
  CHECK(backoffDelayMs(1, 0.5, std::nullopt, policy) == 375);
  CHECK(backoffDelayMs(1, 0.999, std::nullopt, policy) == Approx(499.75));
  CHECK(backoffDelayMs(2, 0.0, std::nullopt, policy) == 500);
  CHECK(backoffDelayMs(3, 0.0, std::nullopt, policy) == 1000);
  CHECK(backoffDelayMs(4, 0.0, std::nullopt, policy) == 2000);
  CHECK(backoffDelayMs(5, 0.0, std::nullopt, policy) == 2500);  // step 8000 capped at 5000
  CHECK(backoffDelayMs(5, 0.999, std::nullopt, policy) < 5000);
  CHECK(backoffDelayMs(2000, 0.0, std::nullopt, policy) == 2500);  // no overflow
  CHECK(backoffDelayMs(0, 0.0, std::nullopt, policy) == 250);      // treated as the first retry
}

TEST_CASE("backoffDelayMs ignores a random value outside [0,1)") {
  RetryPolicy policy;
  CHECK(backoffDelayMs(1, 1.0, std::nullopt, policy) == 250);
  CHECK(backoffDelayMs(1, -0.5, std::nullopt, policy) == 250);
  CHECK(backoffDelayMs(1, std::numeric_limits<double>::quiet_NaN(), std::nullopt, policy) == 250);
}

TEST_CASE("a Retry-After replaces the backoff, clamped to [0, maxRetryAfterMs]") {
  RetryPolicy policy;
  CHECK(backoffDelayMs(1, 0.9, 7000.0, policy) == 7000);
  CHECK(backoffDelayMs(3, 0.9, 0.0, policy) == 0);
  CHECK(backoffDelayMs(1, 0.9, -5.0, policy) == 0);
  CHECK(backoffDelayMs(1, 0.9, 120000.0, policy) == 60000);
  CHECK(backoffDelayMs(1, 0.9, std::numeric_limits<double>::quiet_NaN(), policy) == 0);
}

TEST_CASE("parseRetryAfter: delta-seconds") {
  CHECK(parseRetryAfter("0", kNow) == std::optional<double>(0));
  CHECK(parseRetryAfter("120", kNow) == std::optional<double>(120000));
  CHECK(parseRetryAfter(" 5 ", kNow) == std::optional<double>(5000));
  CHECK(parseRetryAfter("1.5", kNow) == std::nullopt);
  CHECK(parseRetryAfter("-1", kNow) == std::nullopt);
  CHECK(parseRetryAfter("+1", kNow) == std::nullopt);
  CHECK(parseRetryAfter("1e3", kNow) == std::nullopt);
  CHECK(parseRetryAfter("", kNow) == std::nullopt);
  CHECK(parseRetryAfter("   ", kNow) == std::nullopt);
  CHECK(parseRetryAfter("12 34", kNow) == std::nullopt);
}

TEST_CASE("parseRetryAfter: an HTTP-date, as the wait from now (the calendar: http_date_test.cpp)") {
  CHECK(parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", kNow) == std::optional<double>(0));
  CHECK(parseRetryAfter("Sun, 06 Nov 1994 08:50:37 GMT", kNow) == std::optional<double>(60000));
  CHECK(parseRetryAfter("Mon, 07 Nov 1994 08:49:37 GMT", kNow) == std::optional<double>(86400000));
  CHECK(parseRetryAfter("Sat, 05 Nov 1994 08:49:37 GMT", kNow) == std::optional<double>(0));  // past -> 0
  CHECK(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", 0) == std::optional<double>(1445412480000.0));
  CHECK(parseRetryAfter(" \tSun, 06 Nov 1994 08:50:37 GMT\t ", kNow) == std::optional<double>(60000));
}

TEST_CASE("parseRetryAfter refuses what is neither delta-seconds nor an HTTP-date") {
  CHECK_FALSE(parseRetryAfter("Sun, 06 Nov 1994 08:49:37 UTC", kNow));
  CHECK_FALSE(parseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", kNow));  // RFC 850: obsolete
  CHECK_FALSE(parseRetryAfter("Thu, 29 Feb 2023 12:00:00 GMT", kNow));   // not a leap year
  CHECK_FALSE(parseRetryAfter("120 Sun, 06 Nov 1994 08:49:37 GMT", kNow));
}
