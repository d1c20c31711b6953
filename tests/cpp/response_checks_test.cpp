// Issue 11 item 4: a link answer is a link only when its url and data are safe to open and print.
#include <catch2/catch.hpp>

#include "core/response.hpp"
#include "core/url.hpp"

#include "http_builders.hpp"

using namespace kyc;
using Catch::Matchers::Contains;
using kyc::test::answer;

namespace {

constexpr double kNow = 1700000000000;

std::string body(const std::string& data, const std::string& url) {
  return R"({"responseCode":0,"data":")" + data + R"(","url":")" + url + R"("})";
}

// The failure message for a link answer that must be refused; it never quotes the URL or the id.
std::string refused(const std::string& data, const std::string& url) {
  const LinkResult result = classifyLinkResponse(answer(200, body(data, url)), kNow);
  REQUIRE(result.failure);
  CHECK_FALSE(result.link);
  CHECK(result.failure->code == ErrorCode::BadResponse);
  CHECK_FALSE(result.failure->retryable);  // the link may exist: never sent again
  CHECK_THAT(result.failure->message, !Contains("SECRET"));
  return result.failure->message;
}

bool accepted(const std::string& data, const std::string& url) {
  return classifyLinkResponse(answer(200, body(data, url)), kNow).link.has_value();
}

const std::string kId = "4a7c8f2e-1111-2222-3333-444455556666";

}  // namespace

TEST_CASE("the link URL must be an absolute https URL, http only for loopback") {
  CHECK(accepted(kId, "https://apps.faceki.com/kycverify/" + kId));
  CHECK(accepted(kId, "http://127.0.0.1:4010/kycverify/" + kId));
  CHECK(accepted(kId, "http://localhost/x"));
  const std::string https =
      "FACEKI answered HTTP 200 but the link URL (url) must use https (http is allowed only for "
      "localhost, 127.0.0.1 and [::1])";
  CHECK(refused(kId, "javascript:alert('SECRET')") ==
        "FACEKI answered HTTP 200 but the link URL (url) must be an absolute URL such as https://example.com/path");
  CHECK(refused(kId, "") ==
        "FACEKI answered HTTP 200 but the link URL (url) must be an absolute URL such as https://example.com/path");
  CHECK(refused(kId, "/kycverify/SECRET") ==
        "FACEKI answered HTTP 200 but the link URL (url) must be an absolute URL such as https://example.com/path");
  CHECK(refused(kId, "http://SECRET.example/x") == https);
  CHECK(refused(kId, "data://SECRET") == https);
}

TEST_CASE("the link URL has no control characters, whitespace or credentials, and at most 2048 characters") {
  const std::string control =
      "FACEKI answered HTTP 200 but the link URL (url) must not contain whitespace or control characters";
  CHECK(refused(kId, "https://a.test/SECRET\\u001b]0;title\\u0007") == control);  // OSC 0 sets a terminal title
  CHECK(refused(kId, "https://a.test/SECRET\\r\\nspoofed line") == control);
  CHECK(refused(kId, "https://a.test/SECRET page") == control);
  CHECK(refused(kId, "https://user:SECRET@a.test/x") ==
        "FACEKI answered HTTP 200 but the link URL (url) must not contain a user name or password");
  const std::string base = "https://a.test/SECRET";
  CHECK(accepted(kId, base + std::string(kMaxUrlLength - base.size(), 'x')));
  CHECK(refused(kId, base + std::string(kMaxUrlLength + 1 - base.size(), 'x')) ==
        "FACEKI answered HTTP 200 but the link URL (url) must be at most 2048 characters, got 2049");
}

TEST_CASE("the link ID is visible ASCII, 1 to 256 characters") {
  CHECK(accepted("a", "https://a.test/x"));
  CHECK(accepted(std::string(kMaxLinkIdLength, 'a'), "https://a.test/x"));
  CHECK(accepted("id_with.punctuation~!$&'()*+,;=:@-", "https://a.test/x"));
  CHECK(kMaxLinkIdLength == 256);
  CHECK(refused(std::string(kMaxLinkIdLength + 1, 'a'), "https://a.test/x") ==
        "FACEKI answered HTTP 200 but the link ID (data) must be at most 256 characters, got 257");
  const std::string ascii =
      "FACEKI answered HTTP 200 but the link ID (data) must be visible ASCII (no spaces, control "
      "or non-ASCII characters)";
  CHECK(refused("SECRET id", "https://a.test/x") == ascii);
  CHECK(refused("SECRET\\u001b[2J", "https://a.test/x") == ascii);
  CHECK(refused("SECRET\\n", "https://a.test/x") == ascii);
  CHECK(refused("SECRET\xC3\xA9", "https://a.test/x") == ascii);
  CHECK(refused("=HYPERLINK(SECRET)\\t", "https://a.test/x") == ascii);
}

TEST_CASE("linkIdProblem and the visible-ASCII rule") {
  CHECK(linkIdProblem("") == std::optional<std::string>("is empty"));
  CHECK_FALSE(linkIdProblem(kId));
  CHECK(linkIdProblem("a\x7F"));
  CHECK(linkIdProblem("a\x80"));
}
