#pragma once
// HTTP-date (RFC 9110 section 5.6.7) as a point in time. Pure: no time zone, locale or libc calendar.

#include <optional>
#include <string_view>

namespace kyc {

// The IMF-fixdate form, the only one a sender may generate ("Sun, 06 Nov 1994 08:49:37 GMT"), in ms since
// 1970-01-01T00:00:00Z. nullopt for anything else: the obsolete RFC 850 and asctime forms, surrounding
// whitespace, and dates that do not exist (32 Oct, 29 Feb 2023, 24:00:00). A leap second (:60) is accepted;
// the day name must be one but is not checked against the date.
std::optional<double> httpDateEpochMs(std::string_view text);

}  // namespace kyc
