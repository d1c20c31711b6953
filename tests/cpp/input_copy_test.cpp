// Issue 11 items 5 and 11: JS strings the wasm layer does not copy. One with a lone surrogate
// (InputValue::loneSurrogate) and one over kMaxCopiedTextLength (InputValue::uncopiedLength).
#include <catch2/catch.hpp>

#include "core/config.hpp"
#include "core/request.hpp"
#include "core/url.hpp"
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

TEST_CASE("a lone surrogate in a request or option field is an issue on that field") {
  InputValue lone;
  lone.kind = ValueKind::String;
  lone.loneSurrogate = true;
  for (const char* field : {"workflowId", "applicationId", "redirectUrl"}) {
    const InputObject input = std::string(field) == "workflowId" ? obj({{"workflowId", lone}})
                                                                 : obj({{"workflowId", str("wf")}, {field, lone}});
    const ValidatedRequest result = validateRequest(input);
    REQUIRE(result.issues.size() == 1);
    CHECK(result.issues[0].field == field);
    CHECK(result.issues[0].message == std::string(field) + " is not valid Unicode text (it has a lone surrogate)");
  }
  const ValidatedConfig config = validateConfig(obj({{"clientId", lone}, {"clientSecret", str("secret-value")}}));
  REQUIRE(config.issues.size() == 1);
  CHECK(config.issues[0].field == "clientId");
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
