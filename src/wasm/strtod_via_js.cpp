// strtod for the wasm build, linked in place of libc's with -Wl,--wrap=strtod.
//
// musl's strtod computes in 128-bit long double, which wasm only has in software: about 10 KB of the
// module (6 KB of its gzip, a tenth of the browser budget) for one caller, nlohmann's lexer, which
// hands it the text of a JSON number that has a fraction or an exponent. This reads the same syntax
// as C and lets the JS engine's Number(), which rounds correctly as C does, compute the value.
// Not read: hexadecimal floats ("0x1p3" reads as 0, ending before the x, as in C89), which JSON
// cannot contain. tests/wasm/strtod_test.cpp compares it with libc's strtod.

#include <emscripten/emscripten.h>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstddef>

// The text holds a decimal number in JS's syntax (sign, digits, point, exponent): Number() reads it.
EM_JS(double, kyc_number_from_text, (const char* text, std::size_t length),
      { return Number(UTF8ToString(text, length)); });

namespace {

// Advances past word (lower case) if the text starts with it, in any case.
bool skipWord(const char*& at, const char* word) {
  const char* read = at;
  for (; *word; ++word, ++read) {
    if (std::tolower(static_cast<unsigned char>(*read)) != *word) return false;
  }
  at = read;
  return true;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

extern "C" double __wrap_strtod(const char* text, char** end) {
  const char* at = text;
  while (std::isspace(static_cast<unsigned char>(*at))) ++at;
  const char* number = at;
  const bool negative = *at == '-';
  if (*at == '+' || *at == '-') ++at;

  double special = 0;
  bool isSpecial = true;
  if (skipWord(at, "inf")) {
    skipWord(at, "inity");
    special = negative ? -HUGE_VAL : HUGE_VAL;
  } else if (skipWord(at, "nan")) {
    // "nan(chars)" is one token; an unclosed parenthesis is not part of it.
    const char* payload = at;
    if (*payload == '(') {
      ++payload;
      while (std::isalnum(static_cast<unsigned char>(*payload)) || *payload == '_') ++payload;
      if (*payload == ')') at = payload + 1;
    }
    special = NAN;  // unsigned, as musl's
  } else {
    isSpecial = false;
  }
  if (isSpecial) {
    if (end) *end = const_cast<char*>(at);
    return special;
  }

  bool anyDigit = false;
  bool nonZero = false;
  for (; isDigit(*at); ++at) anyDigit = true, nonZero |= *at != '0';
  if (*at == '.' && (anyDigit || isDigit(at[1]))) {
    for (++at; isDigit(*at); ++at) anyDigit = true, nonZero |= *at != '0';
  }
  if (!anyDigit) {  // no number: nothing is read
    if (end) *end = const_cast<char*>(text);
    return 0;
  }
  if (*at == 'e' || *at == 'E') {  // an exponent only counts with a digit in it
    const char* exponent = at + 1;
    if (*exponent == '+' || *exponent == '-') ++exponent;
    if (isDigit(*exponent)) {
      while (isDigit(*exponent)) ++exponent;
      at = exponent;
    }
  }
  if (end) *end = const_cast<char*>(at);
  const double value = kyc_number_from_text(number, static_cast<std::size_t>(at - number));
  if (std::isinf(value) || (value == 0 && nonZero)) errno = ERANGE;
  return value;
}
