// parseRetryAfter (delta-seconds and IMF-fixdate) and httpDateEpochMs under it. Each input is used twice: as the
// header value itself, and as the fields of a well-formed date checked against glibc's timegm (an independent
// calendar).

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <string>

#include "core/http_date.hpp"
#include "core/retry.hpp"
#include "decode_http_response.hpp"
#include "fuzz_check.hpp"

namespace {

using kyc::httpDateEpochMs;
using kyc::parseRetryAfter;

constexpr const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Delta-seconds once the header's surrounding spaces and tabs are trimmed.
bool isDeltaSeconds(const std::string& value) {
  const size_t begin = value.find_first_not_of(" \t");
  if (begin == std::string::npos) return false;
  const std::string text = value.substr(begin, value.find_last_not_of(" \t") - begin + 1);
  return text.find_first_not_of("0123456789") == std::string::npos;
}

// Any value: never NaN or negative; padding does not change it; a later clock never makes it longer.
void checkRawValue(const std::string& value, double nowEpochMs) {
  const auto delay = parseRetryAfter(value, nowEpochMs);
  if (delay) FUZZ_CHECK(!std::isnan(*delay) && *delay >= 0);
  if (isDeltaSeconds(value)) FUZZ_CHECK(delay.has_value());

  const auto padded = parseRetryAfter(" \t" + value + "\t ", nowEpochMs);
  FUZZ_CHECK(padded.has_value() == delay.has_value());
  if (delay) FUZZ_CHECK(*padded == *delay || (std::isinf(*padded) && std::isinf(*delay)));

  const double later = nowEpochMs + 5000;
  const auto delayLater = parseRetryAfter(value, later);
  FUZZ_CHECK(delayLater.has_value() == delay.has_value());
  if (delay && !isDeltaSeconds(value)) FUZZ_CHECK(*delayLater <= *delay && *delay - *delayLater <= 5000);
}

// A date with fuzzed (possibly out-of-range) fields: accepted exactly when the calendar says it exists.
void checkBuiltDate(FuzzedDataProvider& data, double nowEpochMs) {
  const int day = data.ConsumeIntegralInRange(0, 32), month = data.ConsumeIntegralInRange(0, 11);
  const int year = data.ConsumeIntegralInRange(0, 9999);
  const int hour = data.ConsumeIntegralInRange(0, 25), minute = data.ConsumeIntegralInRange(0, 61);
  const int second = data.ConsumeIntegralInRange(0, 61);
  char text[64];
  std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d GMT", data.PickValueInArray(kDays), day,
                kMonths[month], year, hour, minute, second);
  const auto delay = parseRetryAfter(text, nowEpochMs);

  std::tm fields{};  // the seconds are added afterwards: timegm would roll a leap second over
  fields.tm_year = year - 1900;
  fields.tm_mon = month;
  fields.tm_mday = day;
  fields.tm_hour = hour;
  fields.tm_min = minute;
  const double epochMs = (static_cast<double>(timegm(&fields)) + second) * 1000;
  const bool exists = fields.tm_mon == month && fields.tm_mday == day && hour <= 23 && minute <= 59 && second <= 60;
  FUZZ_CHECK(delay.has_value() == exists);
  if (exists) FUZZ_CHECK(*delay == std::max(0.0, epochMs - nowEpochMs));
  const auto date = httpDateEpochMs(text);
  FUZZ_CHECK(date.has_value() == exists);
  if (exists) FUZZ_CHECK(*date == epochMs);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const double nowEpochMs = kyc::fuzz::kFuzzNowEpochMs;
  checkRawValue(std::string(reinterpret_cast<const char*>(bytes), size), nowEpochMs);
  FuzzedDataProvider data(bytes, size);
  checkBuiltDate(data, nowEpochMs);
  return 0;
}
