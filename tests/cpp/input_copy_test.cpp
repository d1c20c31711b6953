// Issue 11 items 5 and 11: how JS strings reach the rules. The wasm layer reads them as UTF-16 code
// units (utf8FromUtf16) and leaves strings over kMaxCopiedTextLength uncopied (InputValue::uncopiedLength).
#include <catch2/catch.hpp>

#include "core/config.hpp"
#include "core/request.hpp"
#include "core/text.hpp"
#include "input_builders.hpp"

using namespace kyc;
using namespace kyc::test;

namespace {

InputValue uncopied(size_t length) {
  InputValue value;
  value.kind = ValueKind::String;
  value.uncopiedLength = length;
  return value;
}

}  // namespace

TEST_CASE("utf8FromUtf16 converts text and keeps a lone surrogate as invalid UTF-8") {
  CHECK(utf8FromUtf16(u"") == "");
  CHECK(utf8FromUtf16(u"abc") == "abc");
  CHECK(utf8FromUtf16(u"\u00e9\u20ac") == "\xC3\xA9\xE2\x82\xAC");
  CHECK(utf8FromUtf16(u"\U0001F600") == "\xF0\x9F\x98\x80");  // a surrogate pair is one character
  const std::u16string lone = {u'a', u'b', 0xD800, u'c', u'd'};
  CHECK(utf8FromUtf16(lone) ==
        "ab\xED\xA0\x80"
        "cd");  // not joined with the 'c' that follows
  CHECK_FALSE(isValidUtf8(utf8FromUtf16(lone)));
  CHECK_FALSE(isValidUtf8(utf8FromUtf16(std::u16string{0xDC00, u'x'})));            // a trail without a lead
  CHECK_FALSE(isValidUtf8(utf8FromUtf16(std::u16string{u'x', 0xDBFF})));            // a lead at the end
  CHECK_FALSE(isValidUtf8(utf8FromUtf16(std::u16string{0xDBFF, 0xDBFF, 0xDC00})));  // the first lead is lone
  CHECK(isValidUtf8(utf8FromUtf16(std::u16string{0xDBFF, 0xDFFF})));                // U+10FFFF
}

TEST_CASE("a lone surrogate in a request field is an issue on that field") {
  const std::u16string lone = {u'a', u'b', 0xD800, u'c', u'd'};
  for (const char* field : {"applicationId", "redirectUrl"}) {
    const ValidatedRequest result =
        validateRequest(obj({{"workflowId", str("wf")}, {field, str(utf8FromUtf16(lone))}}));
    REQUIRE(result.issues.size() == 1);
    CHECK(result.issues[0].field == field);
    CHECK(result.issues[0].message == std::string(field) + " is not valid Unicode text (a lone surrogate?)");
  }
}

TEST_CASE("an uncopied string is refused with the field's own cap") {
  const ValidatedRequest request = validateRequest(obj({{"workflowId", uncopied(10485760)}}));
  REQUIRE(request.issues.size() == 1);
  CHECK(request.issues[0].field == "workflowId");
  CHECK(request.issues[0].message == "workflowId must be at most 128 characters, got a string of length 10485760");
  const ValidatedRequest redirect = validateRequest(obj({{"workflowId", str("wf")}, {"redirectUrl", uncopied(9000)}}));
  REQUIRE(redirect.issues.size() == 1);
  CHECK(redirect.issues[0].message == "redirectUrl must be at most 2048 characters, got a string of length 9000");
  // A field without a cap of its own has the copy limit as its cap.
  const ValidatedConfig config = validateConfig(obj({{"token", uncopied(kMaxCopiedTextLength + 1)}}));
  REQUIRE(config.issues.size() == 1);
  CHECK(config.issues[0].message == "token must be at most 8192 characters, got a string of length 8193");
}

TEST_CASE("every cap fits under the copy limit, so nothing valid is ever refused uncopied") {
  CHECK(2 * kMaxUrlLength <= kMaxCopiedTextLength);
  CHECK(2 * static_cast<size_t>(kMaxIdLength) <= kMaxCopiedTextLength);
}
