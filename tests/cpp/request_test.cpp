#include <catch2/catch.hpp>

#include <limits>

#include "core/request.hpp"
#include "input_builders.hpp"

using namespace kyc;
using namespace kyc::test;
using Catch::Matchers::Contains;

namespace {

std::vector<std::string> issuesOf(const InputObject& input) {
  const ValidatedRequest result = validateRequest(input);
  CHECK(result.request.has_value() == result.issues.empty());
  return messages(result.issues);
}

std::string repeat(const std::string& unit, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += unit;
  return out;
}

const std::string kExpiryRule = "expiryTime must be an integer number of minutes between 1 and 525600, got ";

}  // namespace

TEST_CASE("a minimal request validates") {
  const ValidatedRequest result = validateRequest(obj({{"workflowId", str("wf-1")}}));
  REQUIRE(result.issues.empty());
  REQUIRE(result.request);
  CHECK(result.request->workflowId == "wf-1");
  CHECK_FALSE(result.request->applicationId);
  CHECK_FALSE(result.request->expiryTime);
  CHECK_FALSE(result.request->redirectUrl);
}

TEST_CASE("a full request validates and keeps every value") {
  const ValidatedRequest result = validateRequest(obj({{"workflowId", str("wf-1")},
                                                       {"applicationId", str("user-42")},
                                                       {"expiryTime", num(60)},
                                                       {"redirectUrl", str("https://example.com/done")}}));
  REQUIRE(result.request);
  CHECK(result.request->applicationId == std::optional<std::string>("user-42"));
  CHECK(result.request->expiryTime == std::optional<long>(60));
  CHECK(result.request->redirectUrl == std::optional<std::string>("https://example.com/done"));
}

TEST_CASE("the request must be a plain object") {
  const ValidatedRequest result = validateRequest(notPlain("array"));
  REQUIRE(result.issues.size() == 1);
  CHECK(result.issues[0].field == "request");
  CHECK(result.issues[0].message == "request must be a plain object, got array");
  CHECK_FALSE(result.request);
  CHECK(issuesOf(notPlain("null")) == std::vector<std::string>{"request must be a plain object, got null"});
}

TEST_CASE("workflowId is required; undefined and null count as missing") {
  CHECK(issuesOf(obj({})) == std::vector<std::string>{"workflowId is required"});
  CHECK(issuesOf(obj({{"workflowId", undefined()}})) == std::vector<std::string>{"workflowId is required"});
  CHECK(issuesOf(obj({{"workflowId", null()}})) == std::vector<std::string>{"workflowId is required"});
}

TEST_CASE("workflowId must be a non-blank string of at most 128 characters") {
  CHECK(issuesOf(obj({{"workflowId", num(5)}})) == std::vector<std::string>{"workflowId must be a string, got number"});
  CHECK(issuesOf(obj({{"workflowId", boolean(true)}})) ==
        std::vector<std::string>{"workflowId must be a string, got boolean"});
  CHECK(issuesOf(obj({{"workflowId", object("array")}})) ==
        std::vector<std::string>{"workflowId must be a string, got array"});
  CHECK(issuesOf(obj({{"workflowId", str("")}})) ==
        std::vector<std::string>{"workflowId must not be empty or only whitespace"});
  CHECK(issuesOf(obj({{"workflowId", str("  \t")}})) ==
        std::vector<std::string>{"workflowId must not be empty or only whitespace"});
  CHECK(issuesOf(obj({{"workflowId", str("wf\n1")}})) ==
        std::vector<std::string>{"workflowId contains a control character"});
  CHECK(issuesOf(obj({{"workflowId", str("wf\xED\xA0\x80")}})) ==
        std::vector<std::string>{"workflowId is not valid Unicode text (a lone surrogate?)"});

  CHECK(issuesOf(obj({{"workflowId", str(" wf")}})) ==
        std::vector<std::string>{"workflowId must not start or end with whitespace"});
  CHECK(issuesOf(obj({{"workflowId", str("wf\xC2\xA0")}})) ==  // a trailing no-break space
        std::vector<std::string>{"workflowId must not start or end with whitespace"});
  CHECK(issuesOf(obj({{"workflowId", str("work flow")}})).empty());

  CHECK(issuesOf(obj({{"workflowId", str(repeat("a", 128))}})).empty());
  CHECK(issuesOf(obj({{"workflowId", str(repeat("a", 129))}})) ==
        std::vector<std::string>{"workflowId must be at most 128 characters, got 129"});
  // Characters are code points: 128 emoji are 512 bytes and still fine.
  CHECK(issuesOf(obj({{"workflowId", str(repeat("\xF0\x9F\x98\x80", 128))}})).empty());
  CHECK(issuesOf(obj({{"workflowId", str(repeat("\xF0\x9F\x98\x80", 129))}})) ==
        std::vector<std::string>{"workflowId must be at most 128 characters, got 129"});
}

TEST_CASE("applicationId follows the same string rules, and is optional") {
  CHECK(issuesOf(obj({{"workflowId", str("wf")}, {"applicationId", null()}})).empty());
  CHECK(issuesOf(obj({{"workflowId", str("wf")}, {"applicationId", str(repeat("x", 128))}})).empty());
  CHECK(issuesOf(obj({{"workflowId", str("wf")}, {"applicationId", str(repeat("x", 129))}})) ==
        std::vector<std::string>{"applicationId must be at most 128 characters, got 129"});
  CHECK(issuesOf(obj({{"workflowId", str("wf")}, {"applicationId", num(42)}})) ==
        std::vector<std::string>{"applicationId must be a string, got number"});
  CHECK(issuesOf(obj({{"workflowId", str("wf")}, {"applicationId", str("")}})) ==
        std::vector<std::string>{"applicationId must not be empty or only whitespace"});
  CHECK(issuesOf(obj({{"workflowId", str("wf")}, {"applicationId", str("a\x01")}})) ==
        std::vector<std::string>{"applicationId contains a control character"});
  CHECK(issuesOf(obj({{"workflowId", str("wf")}, {"applicationId", str("user-1 ")}})) ==
        std::vector<std::string>{"applicationId must not start or end with whitespace"});
}

TEST_CASE("expiryTime: an integer number of minutes, 1 to 525600") {
  auto expiry = [](InputValue value) { return issuesOf(obj({{"workflowId", str("wf")}, {"expiryTime", value}})); };
  CHECK(expiry(num(1)).empty());
  CHECK(expiry(num(525600)).empty());
  CHECK(expiry(undefined()).empty());
  CHECK(expiry(null()).empty());
  CHECK(expiry(num(0)) == std::vector<std::string>{kExpiryRule + "0"});
  CHECK(expiry(num(525601)) == std::vector<std::string>{kExpiryRule + "525601"});
  CHECK(expiry(num(-5)) == std::vector<std::string>{kExpiryRule + "-5"});
  CHECK(expiry(num(1.5)) == std::vector<std::string>{kExpiryRule + "1.5"});
  CHECK(expiry(num(std::numeric_limits<double>::quiet_NaN())) ==
        std::vector<std::string>{kExpiryRule + "a value that is not a number (NaN)"});
  CHECK(expiry(num(std::numeric_limits<double>::infinity())) == std::vector<std::string>{kExpiryRule + "Infinity"});
  CHECK(expiry(str("60")) == std::vector<std::string>{kExpiryRule + "string"});
  CHECK(expiry(boolean(true)) == std::vector<std::string>{kExpiryRule + "boolean"});
}

TEST_CASE("redirectUrl and its wire-name alias redirect_url") {
  const auto camel = validateRequest(obj({{"workflowId", str("wf")}, {"redirectUrl", str("https://a.example/")}}));
  REQUIRE(camel.request);
  CHECK(camel.request->redirectUrl == std::optional<std::string>("https://a.example/"));
  const auto snake = validateRequest(obj({{"workflowId", str("wf")}, {"redirect_url", str("https://a.example/")}}));
  REQUIRE(snake.request);
  CHECK(snake.request->redirectUrl == std::optional<std::string>("https://a.example/"));

  CHECK(issuesOf(obj({{"workflowId", str("wf")},
                      {"redirectUrl", str("https://a.example/")},
                      {"redirect_url", str("https://a.example/")}})) ==
        std::vector<std::string>{"pass either redirectUrl or redirect_url, not both"});
  // A null alias is simply absent.
  CHECK(issuesOf(obj({{"workflowId", str("wf")}, {"redirectUrl", str("https://a.example/")}, {"redirect_url", null()}}))
            .empty());
}

TEST_CASE("redirect URLs are checked, with the field name the caller used") {
  CHECK(
      issuesOf(obj({{"workflowId", str("wf")}, {"redirectUrl", str("http://example.com/")}})) ==
      std::vector<std::string>{"redirectUrl must use https (http is allowed only for localhost, 127.0.0.1 and [::1])"});
  CHECK(issuesOf(obj({{"workflowId", str("wf")}, {"redirect_url", str("http://example.com/")}})) ==
        std::vector<std::string>{
            "redirect_url must use https (http is allowed only for localhost, 127.0.0.1 and [::1])"});
  CHECK(issuesOf(obj({{"workflowId", str("wf")}, {"redirectUrl", str("http://localhost:3000/done")}})).empty());
  CHECK(issuesOf(obj({{"workflowId", str("wf")}, {"redirectUrl", num(1)}})) ==
        std::vector<std::string>{"redirectUrl must be a string, got number"});
  CHECK(issuesOf(obj({{"workflowId", str("wf")}, {"redirectUrl", str("https://e.com/\r\nX: y")}})) ==
        std::vector<std::string>{"redirectUrl contains a control character"});
}

TEST_CASE("unknown keys are issues, with suggestions for near misses") {
  const ValidatedRequest result = validateRequest(obj({{"workflowID", str("wf")}}));
  CHECK(result.issues.size() == 2);
  CHECK(messages(result.issues) ==
        std::vector<std::string>{"workflowId is required",
                                 "unknown field \"workflowID\" (did you mean \"workflowId\"?)"});
  CHECK(fields(result.issues) == std::vector<std::string>{"workflowId", "workflowID"});

  auto unknown = [](const char* key) { return issuesOf(obj({{"workflowId", str("wf")}, {key, str("x")}})); };
  CHECK(unknown("redirectURL") ==
        std::vector<std::string>{"unknown field \"redirectURL\" (did you mean \"redirectUrl\"?)"});
  CHECK(unknown("expiry") == std::vector<std::string>{"unknown field \"expiry\" (did you mean \"expiryTime\"?)"});
  CHECK(unknown("redirect") == std::vector<std::string>{"unknown field \"redirect\" (did you mean \"redirectUrl\"?)"});
  CHECK(unknown("aplicationId") ==
        std::vector<std::string>{"unknown field \"aplicationId\" (did you mean \"applicationId\"?)"});
  CHECK(unknown("document_optional") == std::vector<std::string>{"unknown field \"document_optional\""});
  // Even an undefined value under an unknown key is reported: it is still a typo.
  CHECK(issuesOf(obj({{"workflowId", str("wf")}, {"expiry", undefined()}})).size() == 1);
  // Keys are cleaned before being quoted.
  CHECK(unknown("bad\nkey") == std::vector<std::string>{"unknown field \"bad key\""});
}

TEST_CASE("every issue is reported at once") {
  const ValidatedRequest result = validateRequest(obj({{"applicationId", num(1)},
                                                       {"expiryTime", num(0)},
                                                       {"redirectUrl", str("ftp://x")},
                                                       {"redirect_url", str("https://x.example")},
                                                       {"colour", str("red")}}));
  CHECK(fields(result.issues) ==
        std::vector<std::string>{"workflowId", "applicationId", "expiryTime", "redirectUrl", "redirectUrl", "colour"});
  CHECK_FALSE(result.request);
}

TEST_CASE("messages never echo string values") {
  const std::string secretish = "SECRET-VALUE-123";
  const ValidatedRequest result = validateRequest(obj({{"workflowId", str(secretish + "\n")},
                                                       {"applicationId", str(repeat(secretish, 20))},
                                                       {"expiryTime", str(secretish)},
                                                       {"redirectUrl", str("http://" + secretish + ".com")}}));
  REQUIRE(result.issues.size() == 4);
  for (const Issue& issue : result.issues) CHECK_THAT(issue.message, !Contains(secretish));
}

TEST_CASE("toWireJson writes FACEKI's four names in order, absent fields omitted") {
  KycLinkRequest request;
  request.workflowId = "wf-1";
  CHECK(toWireJson(request) == R"({"workflowId":"wf-1"})");

  request.applicationId = "user-42";
  request.expiryTime = 60;
  request.redirectUrl = "https://example.com/done?a=1&b=2";
  CHECK(
      toWireJson(request) ==
      R"({"workflowId":"wf-1","applicationId":"user-42","expiryTime":60,"redirect_url":"https://example.com/done?a=1&b=2"})");

  request.applicationId.reset();
  request.redirectUrl.reset();
  request.expiryTime = 525600;
  CHECK(toWireJson(request) == R"({"workflowId":"wf-1","expiryTime":525600})");
}

TEST_CASE("toWireJson escapes JSON and keeps Unicode as UTF-8") {
  KycLinkRequest request;
  request.workflowId = "a\"b\\c/\xC3\xA9";
  CHECK(toWireJson(request) == "{\"workflowId\":\"a\\\"b\\\\c/\xC3\xA9\"}");
  request.workflowId = "bad\xFF";  // validation forbids it; serialising must still not fail
  CHECK(toWireJson(request) == "{\"workflowId\":\"bad\xEF\xBF\xBD\"}");
}

TEST_CASE("validated input round-trips to the wire") {
  const auto result = validateRequest(
      obj({{"workflowId", str("wf")}, {"expiryTime", num(1440)}, {"redirect_url", str("https://x.example/")}}));
  REQUIRE(result.request);
  CHECK(toWireJson(*result.request) == R"({"workflowId":"wf","expiryTime":1440,"redirect_url":"https://x.example/"})");
}
