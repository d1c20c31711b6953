#pragma once
// UTF-8 text checks shared by the validators and the response parsers. Invalid bytes never crash
// anything here: each one counts as a single (invalid) code point.

#include <cstddef>
#include <string>
#include <string_view>

namespace kyc {

size_t codePointCount(std::string_view text);

// Well-formed UTF-8: no stray continuation bytes, overlong forms, surrogates (a JS lone surrogate
// arrives as one) or code points above U+10FFFF.
bool isValidUtf8(std::string_view text);

// Every byte is visible ASCII (0x21 to 0x7E): no space, control or non-ASCII character. What an HTTP
// header value or an id printed to a terminal or a CSV cell can carry as it is. True for "".
bool isVisibleAscii(std::string_view text);

// C0 controls, DEL and C1 controls.
bool hasControlCharacter(std::string_view text);

// ASCII or Unicode whitespace (space, tab, NBSP, U+2028, U+3000, ...) or a control character, the bidi
// controls (U+202E...) included.
bool hasWhitespaceOrControl(std::string_view text);

// Starts or ends with whitespace (ASCII or Unicode).
bool hasSurroundingWhitespace(std::string_view text);

// Empty, or nothing but whitespace.
bool isBlank(std::string_view text);

// Safe to quote in a message: control characters dropped (tabs and line breaks become spaces), invalid bytes replaced
// by U+FFFD, surrounding whitespace trimmed, cut to maxCodePoints.
std::string cleanText(std::string_view text, size_t maxCodePoints);

// A number as JavaScript prints it: "60", "1.5", "NaN", "-Infinity", "1e+21".
std::string jsNumberText(double number);

}  // namespace kyc
