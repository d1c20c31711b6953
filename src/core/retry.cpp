#include "retry.hpp"

#include <algorithm>
#include <cmath>

#include "http_date.hpp"

namespace kyc {
namespace {

bool allDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Only called on allDigits text.
double digitsValue(std::string_view digits) {
  double value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

bool shouldRetry(const Failure& failure, int attemptsMade, const RetryPolicy& policy) {
  const bool waitable = !failure.retryAfterMs || *failure.retryAfterMs <= policy.maxRetryAfterMs;
  return failure.retryable && attemptsMade <= policy.maxRetries && waitable;
}

double backoffDelayMs(int retryNumber, double random01, std::optional<double> retryAfterMs, const RetryPolicy& policy) {
  if (retryAfterMs) {
    return *retryAfterMs > 0 ? std::min(*retryAfterMs, policy.maxRetryAfterMs) : 0;  // NaN -> 0
  }
  const double step = std::min(policy.maxBackoffMs, std::ldexp(policy.initialBackoffMs, std::max(retryNumber, 1) - 1));
  const double jitter = random01 >= 0 && random01 < 1 ? random01 : 0;
  return step / 2 + jitter * step / 2;
}

std::optional<double> parseRetryAfter(std::string_view value, double nowEpochMs) {
  const size_t begin = value.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return std::nullopt;
  value = value.substr(begin, value.find_last_not_of(" \t") - begin + 1);

  if (allDigits(value)) return digitsValue(value) * 1000;
  const auto epochMs = httpDateEpochMs(value);
  if (!epochMs) return std::nullopt;
  return std::max(0.0, *epochMs - nowEpochMs);
}

}  // namespace kyc
