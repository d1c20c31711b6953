#include "http_date.hpp"

#include <algorithm>
#include <array>

namespace kyc {
namespace {

constexpr std::array<std::string_view, 7> kDayNames = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 12> kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Exactly `length` ASCII digits at `at` (within text), as a number; nullopt when any is not a digit.
std::optional<int> field(std::string_view text, size_t at, size_t length) {
  const std::string_view digits = text.substr(at, length);
  if (digits.size() != length) return std::nullopt;
  int value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm): no timegm, no
// time zone, no locale.
long long daysFromCivil(long long year, int month, int day) {
  year -= month <= 2;
  const long long era = (year >= 0 ? year : year - 399) / 400;
  const long long yearOfEra = year - era * 400;
  const long long dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const long long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

}  // namespace

std::optional<double> httpDateEpochMs(std::string_view text) {
  if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' || text[16] != ' ' ||
      text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT") {
    return std::nullopt;
  }
  if (std::find(kDayNames.begin(), kDayNames.end(), text.substr(0, 3)) == kDayNames.end()) return std::nullopt;
  const auto monthName = std::find(kMonthNames.begin(), kMonthNames.end(), text.substr(8, 3));
  if (monthName == kMonthNames.end()) return std::nullopt;
  const int month = static_cast<int>(monthName - kMonthNames.begin()) + 1;

  const auto day = field(text, 5, 2), year = field(text, 12, 4);
  const auto hour = field(text, 17, 2), minute = field(text, 20, 2), second = field(text, 23, 2);
  if (!day || !year || !hour || !minute || !second) return std::nullopt;
  if (*day < 1 || *day > daysInMonth(*year, month) || *hour > 23 || *minute > 59 || *second > 60) {
    return std::nullopt;
  }
  const double seconds =
      static_cast<double>(daysFromCivil(*year, month, *day)) * 86400 + *hour * 3600 + *minute * 60 + *second;
  return seconds * 1000;
}

}  // namespace kyc
