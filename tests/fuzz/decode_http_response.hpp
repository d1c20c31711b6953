#pragma once
// Turns fuzz bytes into what a transport hands the classifiers: an outcome, a status (mostly ones
// FACEKI or a proxy would send), a Retry-After value, the body (the rest of the input), and a clock.

#include <fuzzer/FuzzedDataProvider.h>

#include <string>

#include "core/http.hpp"

namespace kyc::fuzz {

struct FuzzedExchange {
  HttpResponse response;
  double nowEpochMs = 0;
};

inline FuzzedExchange decodeExchange(FuzzedDataProvider& data) {
  static const int kStatuses[] = {200, 201, 204, 299, 301, 400, 401, 403, 404, 405, 408, 422,
                                  429, 500, 502, 503, 504, 599, 0, 100, 600, 999};
  FuzzedExchange exchange;
  HttpResponse& response = exchange.response;
  response.outcome = data.ConsumeIntegralInRange(0, 7) == 0
                         ? static_cast<TransportOutcome>(data.ConsumeIntegralInRange(1, 3))
                         : TransportOutcome::Response;
  if (response.outcome == TransportOutcome::Response) {
    response.status = data.ConsumeBool() ? data.PickValueInArray(kStatuses) : data.ConsumeIntegralInRange(100, 599);
  }
  // Date.now(): any real clock reading between 1970 and the year 2100.
  exchange.nowEpochMs = static_cast<double>(data.ConsumeIntegralInRange<long long>(0, 4102444800000LL));
  if (data.ConsumeBool()) response.retryAfter = data.ConsumeRandomLengthString(64);
  response.body = data.ConsumeRemainingBytesAsString();
  return exchange;
}

}  // namespace kyc::fuzz
