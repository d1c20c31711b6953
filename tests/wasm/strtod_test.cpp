// The wasm build's strtod (src/wasm/strtod_via_js.cpp) against libc's, which --wrap keeps reachable
// as __real_strtod: same value to the bit, same end, same ERANGE, on fixed and on random texts.

#include <catch2/catch.hpp>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <random>
#include <string>

extern "C" double __wrap_strtod(const char* text, char** end);
extern "C" double __real_strtod(const char* text, char** end);

namespace {

struct Reading {
  double value;
  std::ptrdiff_t consumed;
  int error;
};

Reading readWith(double (*strtod)(const char*, char**), const std::string& text) {
  char* end = nullptr;
  errno = 0;
  const double value = strtod(text.c_str(), &end);
  return {value, end - text.c_str(), errno};
}

void checkSameAsLibc(const std::string& text) {
  INFO("text: \"" << text << '"');
  const Reading ours = readWith(__wrap_strtod, text);
  const Reading libc = readWith(__real_strtod, text);
  CHECK(ours.consumed == libc.consumed);
  if (std::isnan(libc.value)) {
    CHECK(std::isnan(ours.value));
    CHECK(std::signbit(ours.value) == std::signbit(libc.value));
  } else {
    CHECK(std::memcmp(&ours.value, &libc.value, sizeof(double)) == 0);  // -0 and rounding included
  }
  // musl also reports ERANGE for some subnormal results; both agree where it matters: inf and 0.
  if (std::isinf(libc.value) || libc.value == 0) CHECK((ours.error == ERANGE) == (libc.error == ERANGE));
}

std::string randomDecimal(std::mt19937& random) {
  auto pick = [&random](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  std::string text;
  if (pick(0, 3) == 0) text += pick(0, 1) ? '-' : '+';
  const int digits = pick(1, 30);
  const int point = pick(-1, digits);  // -1: no point
  for (int i = 0; i < digits; ++i) {
    if (i == point) text += '.';
    text += static_cast<char>('0' + (pick(0, 4) == 0 ? 0 : pick(0, 9)));
  }
  if (point == digits) text += '.';
  if (pick(0, 1)) {
    text += pick(0, 1) ? 'e' : 'E';
    if (pick(0, 1)) text += pick(0, 1) ? '-' : '+';
    text += std::to_string(pick(0, 340));
  }
  return text;
}

}  // namespace

TEST_CASE("wasm strtod reads what libc's reads, the same way") {
  const char* texts[] = {
      "0",
      "-0",
      "+0",
      "1.5",
      "-1.5",
      "  \t\n42abc",
      "1e",
      "1e+",
      "1e+5x",
      "1E-2",
      ".5",
      "5.",
      "-.5e1",
      ".",
      "-",
      "+",
      "",
      "abc",
      "e5",
      ".e5",
      "+.e1",
      "0.1",
      "0.30000000000000004",
      "1e400",
      "-1e400",
      "1e-400",
      "-1e-400",
      "4.9e-324",
      "2.4703282292062327e-324",
      "2.2250738585072011e-308",
      "1.7976931348623157e308",
      "1.7976931348623159e308",
      "9007199254740993",
      "9007199254740995",
      "1.00000000000000011102230246251565404236316680908203125",
      "123456789012345678901234567890",
      "0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001",
      "00012.50",
      "3600",
      "1700000000.25",
      "inf",
      "-inf",
      "Infinity",
      "-INFINITYx",
      "infin",
      "nan",
      "-NaN",
      "nan(123)",
      "nan(",
      "nan()x",
      "nan(a_b)",
      "in",
      "na",
  };
  for (const char* text : texts) checkSameAsLibc(text);
}

TEST_CASE("wasm strtod agrees with libc on 100,000 random decimal texts") {
  std::mt19937 random(20261127);
  for (int i = 0; i < 100000; ++i) checkSameAsLibc(randomDecimal(random));
}

TEST_CASE("wasm strtod stops before a hexadecimal float's x, as C89 did") {
  char* end = nullptr;
  const std::string text = "0x1p3";
  CHECK(__wrap_strtod(text.c_str(), &end) == 0.0);
  CHECK(end == text.c_str() + 1);
}
