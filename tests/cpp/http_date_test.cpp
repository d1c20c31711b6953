// httpDateEpochMs: IMF-fixdate to ms since the Unix epoch, and every other form refused.
#include <catch2/catch.hpp>

#include <optional>

#include "core/http_date.hpp"

using kyc::httpDateEpochMs;

namespace {

std::optional<double> ms(double value) { return value; }

}  // namespace

TEST_CASE("httpDateEpochMs reads IMF-fixdate as UTC") {
  CHECK(httpDateEpochMs("Sun, 06 Nov 1994 08:49:37 GMT") == ms(784111777000));  // RFC 9110's example
  CHECK(httpDateEpochMs("Wed, 21 Oct 2015 07:28:00 GMT") == ms(1445412480000));
  CHECK(httpDateEpochMs("Thu, 01 Jan 1970 00:00:00 GMT") == ms(0));
  CHECK(httpDateEpochMs("Wed, 31 Dec 1969 23:59:59 GMT") == ms(-1000));  // before the epoch: negative
  CHECK(httpDateEpochMs("Fri, 31 Dec 2100 23:59:59 GMT") == ms(4133980799000));
  CHECK(httpDateEpochMs("Mon, 01 Jan 0001 00:00:00 GMT") == ms(-62135596800000));
}

TEST_CASE("httpDateEpochMs knows the Gregorian calendar") {
  CHECK(httpDateEpochMs("Thu, 29 Feb 2024 12:00:00 GMT") == ms(1709208000000));
  CHECK(httpDateEpochMs("Tue, 29 Feb 2000 00:00:00 GMT") == ms(951782400000));  // divisible by 400: leap
  CHECK_FALSE(httpDateEpochMs("Thu, 29 Feb 1900 00:00:00 GMT"));                // by 100 only: not leap
  CHECK_FALSE(httpDateEpochMs("Wed, 29 Feb 2023 12:00:00 GMT"));
  CHECK_FALSE(httpDateEpochMs("Tue, 31 Apr 2024 12:00:00 GMT"));
  CHECK(httpDateEpochMs("Wed, 31 Jan 2024 12:00:00 GMT"));
  CHECK_FALSE(httpDateEpochMs("Sun, 32 Oct 1994 08:49:37 GMT"));
  CHECK_FALSE(httpDateEpochMs("Sun, 00 Oct 1994 08:49:37 GMT"));
}

TEST_CASE("httpDateEpochMs takes a leap second and does not check the day name") {
  CHECK(httpDateEpochMs("Sat, 31 Dec 2016 23:59:60 GMT") == httpDateEpochMs("Sun, 01 Jan 2017 00:00:00 GMT"));
  CHECK(httpDateEpochMs("Mon, 06 Nov 1994 08:49:37 GMT") == ms(784111777000));
}

TEST_CASE("httpDateEpochMs refuses other forms and broken fields") {
  CHECK_FALSE(httpDateEpochMs(""));
  CHECK_FALSE(httpDateEpochMs("784111777"));
  CHECK_FALSE(httpDateEpochMs("Sunday, 06-Nov-94 08:49:37 GMT"));  // RFC 850: obsolete
  CHECK_FALSE(httpDateEpochMs("Sun Nov  6 08:49:37 1994"));        // asctime: obsolete
  CHECK_FALSE(httpDateEpochMs(" Sun, 06 Nov 1994 08:49:37 GMT"));  // the caller trims header whitespace
  CHECK_FALSE(httpDateEpochMs("Sun, 06 Nov 1994 08:49:37 GMT "));
  CHECK_FALSE(httpDateEpochMs("Sun, 06 Nov 1994 08:49:37 UTC"));
  CHECK_FALSE(httpDateEpochMs("sun, 06 nov 1994 08:49:37 GMT"));  // names are case-sensitive
  CHECK_FALSE(httpDateEpochMs("Xyz, 06 Nov 1994 08:49:37 GMT"));
  CHECK_FALSE(httpDateEpochMs("Sun, 06 Foo 1994 08:49:37 GMT"));
  CHECK_FALSE(httpDateEpochMs("Sun, 06 Nov 1994 24:00:00 GMT"));
  CHECK_FALSE(httpDateEpochMs("Sun, 06 Nov 1994 08:60:00 GMT"));
  CHECK_FALSE(httpDateEpochMs("Sun, 06 Nov 1994 08:49:61 GMT"));
  CHECK_FALSE(httpDateEpochMs("Sun, 6 Nov 1994 08:49:37 GMT"));
  CHECK_FALSE(httpDateEpochMs("Sun, 06 Nov 1994 08:4a:37 GMT"));
  CHECK_FALSE(httpDateEpochMs("Sun, 06 Nov +994 08:49:37 GMT"));
  CHECK_FALSE(httpDateEpochMs("Sun; 06 Nov 1994 08:49:37 GMT"));
  CHECK_FALSE(httpDateEpochMs("Sun, 06 Nov 1994 08-49-37 GMT"));
}
