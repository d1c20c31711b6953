#include <catch2/catch.hpp>

#include <limits>

#include "core/text.hpp"

using namespace kyc;

TEST_CASE("codePointCount counts code points, not bytes") {
  CHECK(codePointCount("") == 0);
  CHECK(codePointCount("abc") == 3);
  CHECK(codePointCount("\xC3\xA9") == 1);          // é
  CHECK(codePointCount("\xE2\x82\xAC") == 1);      // €
  CHECK(codePointCount("\xF0\x9F\x98\x80") == 1);  // 😀, two UTF-16 units in JS
  CHECK(codePointCount("\xFF\xFE") == 2);          // each invalid byte counts once
}

TEST_CASE("isValidUtf8 rejects malformed text") {
  CHECK(isValidUtf8("plain \xC3\xA9\xF0\x9F\x98\x80"));
  CHECK_FALSE(isValidUtf8("\x80"));              // stray continuation
  CHECK_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));      // lone surrogate U+D800
  CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(isValidUtf8("\xE2\x82"));          // truncated
}

TEST_CASE("hasControlCharacter finds C0, DEL and C1 controls only") {
  CHECK_FALSE(hasControlCharacter("ordinary text with spaces"));
  CHECK(hasControlCharacter("a\nb"));
  CHECK(hasControlCharacter("a\rb"));
  CHECK(hasControlCharacter(std::string("a\0b", 3)));
  CHECK(hasControlCharacter("a\x7F"));
  CHECK(hasControlCharacter("a\xC2\x85"));       // U+0085 NEL
  CHECK_FALSE(hasControlCharacter("\xC2\xA0"));  // NBSP is whitespace, not a control
}

TEST_CASE("hasWhitespaceOrControl includes Unicode spaces") {
  CHECK_FALSE(hasWhitespaceOrControl("https://example.com/a"));
  CHECK(hasWhitespaceOrControl("a b"));
  CHECK(hasWhitespaceOrControl("a\tb"));
  CHECK(
      hasWhitespaceOrControl("a\xC2\xA0"
                             "b"));  // NBSP
  CHECK(
      hasWhitespaceOrControl("a\xE2\x80\xA8"
                             "b"));  // U+2028
  CHECK(
      hasWhitespaceOrControl("a\xE3\x80\x80"
                             "b"));  // U+3000
}

TEST_CASE("isBlank") {
  CHECK(isBlank(""));
  CHECK(isBlank(" \t\xC2\xA0"));
  CHECK_FALSE(isBlank(" x "));
}

TEST_CASE("cleanText drops controls, trims, replaces invalid bytes and cuts") {
  CHECK(cleanText("  hello\x01 world\x7F  ", 200) == "hello world");
  CHECK(cleanText("line one\nline two", 200) == "line one line two");
  CHECK(cleanText("bad \xFF byte", 200) == "bad \xEF\xBF\xBD byte");
  CHECK(cleanText("abcdef", 3) == "abc");
  CHECK(cleanText("\xC3\xA9\xC3\xA9\xC3\xA9", 2) == "\xC3\xA9\xC3\xA9");  // never splits a code point
  CHECK(cleanText("ab   cd", 4) == "ab");                                 // no trailing space after the cut
  CHECK(cleanText(" \n\t ", 200).empty());
}

TEST_CASE("jsNumberText prints numbers as JavaScript does") {
  CHECK(jsNumberText(60) == "60");
  CHECK(jsNumberText(-3) == "-3");
  CHECK(jsNumberText(-0.0) == "0");
  CHECK(jsNumberText(1.5) == "1.5");
  CHECK(jsNumberText(0.1) == "0.1");
  CHECK(jsNumberText(525601) == "525601");
  CHECK(jsNumberText(std::numeric_limits<double>::quiet_NaN()) == "NaN");
  CHECK(jsNumberText(std::numeric_limits<double>::infinity()) == "Infinity");
  CHECK(jsNumberText(-std::numeric_limits<double>::infinity()) == "-Infinity");
}
