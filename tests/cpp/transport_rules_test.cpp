// The rules the core applies to what a transport reports: redirects, oversize answers, request ids,
// and the maxResponseBytes option that sets the cap.
#include <catch2/catch.hpp>

#include "core/config.hpp"
#include "core/http_failure.hpp"
#include "core/response.hpp"
#include "core/token.hpp"
#include "http_builders.hpp"
#include "input_builders.hpp"

using namespace kyc;
using namespace kyc::test;
using Catch::Matchers::Contains;

namespace {

constexpr double kNow = 1700000000000;

HttpResponse redirect(int status, std::string location) {
  HttpResponse response = answer(status, "");
  response.location = std::move(location);
  return response;
}

Failure linkFailure(const HttpResponse& response) {
  const LinkResult result = classifyLinkResponse(response, kNow);
  REQUIRE(result.failure);
  return *result.failure;
}

}  // namespace

TEST_CASE("a redirect is HTTP_ERROR naming the Location's host, never retried") {
  for (int status : {300, 301, 302, 303, 307, 308}) {
    const Failure failure = linkFailure(redirect(status, "http://127.0.0.2:8443/kycverify/x?token=abc"));
    CHECK(failure.code == ErrorCode::HttpError);
    CHECK(failure.status == status);
    CHECK_FALSE(failure.retryable);
    CHECK_THAT(failure.message, Contains("redirecting to 127.0.0.2:8443; redirects are never followed"));
    CHECK_THAT(failure.message, !Contains("token=abc"));
    CHECK_THAT(failure.message, !Contains("/kycverify/x"));
  }
  // The same rule on the token endpoint: the client secret never follows a redirect either.
  const TokenResult token = parseTokenResponse(redirect(307, "https://elsewhere.example/auth"), kNow);
  REQUIRE(token.failure);
  CHECK(token.failure->code == ErrorCode::HttpError);
  CHECK_FALSE(token.failure->retryable);
  CHECK_THAT(token.failure->message, Contains("redirecting to elsewhere.example"));
}

TEST_CASE("a redirect's target is described without trusting it") {
  CHECK_THAT(linkFailure(redirect(302, "")).message, Contains("redirecting to nowhere (no Location)"));
  CHECK_THAT(linkFailure(redirect(302, "/other/path")).message, Contains("redirecting to a path on the same host"));
  CHECK_THAT(linkFailure(redirect(302, "http://[::1")).message, Contains("redirecting to [::1;"));
  CHECK_THAT(linkFailure(redirect(302, "https://user:pa55@evil.example/")).message,
             Contains("redirecting to evil.example;"));
  CHECK_THAT(linkFailure(redirect(302, "https://pa55@evil.example/")).message, !Contains("pa55"));
  CHECK_THAT(linkFailure(redirect(302, "https://ev\x1b]0;owned\x07il.example/")).message,
             Contains("redirecting to an unreadable host"));
  CHECK_THAT(linkFailure(redirect(302, "https://" + std::string(300, 'a') + "/")).message,
             Contains("redirecting to an unreadable host"));
}

TEST_CASE("an answer over maxResponseBytes is BAD_RESPONSE with the cap, never retried") {
  HttpResponse cut = outcome(TransportOutcome::TooLarge);
  cut.maxResponseBytes = 4096;
  const Failure failure = linkFailure(cut);
  CHECK(failure.code == ErrorCode::BadResponse);
  CHECK_FALSE(failure.retryable);
  CHECK(failure.message == "FACEKI's response was larger than 4096 bytes (maxResponseBytes); it was cut off unread");
  const TokenResult token = parseTokenResponse(cut, kNow);
  REQUIRE(token.failure);
  CHECK(token.failure->code == ErrorCode::BadResponse);
}

TEST_CASE("a redirect the runtime hides is HTTP_ERROR, never retried") {
  const Failure failure = linkFailure(outcome(TransportOutcome::HiddenRedirect));
  CHECK(failure.code == ErrorCode::HttpError);
  CHECK(failure.status == 0);
  CHECK_FALSE(failure.retryable);
  CHECK_THAT(failure.message, Contains("redirects are never followed"));
}

TEST_CASE("a request id is kept only when it is short token text") {
  CHECK(usableRequestId("req_01HV7K-3.abc:def/+=") == "req_01HV7K-3.abc:def/+=");
  CHECK(usableRequestId(std::string(128, 'a')) == std::string(128, 'a'));
  CHECK(usableRequestId(std::string(129, 'a')).empty());
  CHECK(usableRequestId("").empty());
  CHECK(usableRequestId("two words").empty());
  CHECK(usableRequestId("id\x1b[2J").empty());
  CHECK(usableRequestId("caf\xc3\xa9").empty());
}

TEST_CASE("maxResponseBytes: an integer from 1 KiB to 64 MiB, 1 MiB by default") {
  const auto issuesFor = [](InputValue value) {
    return messages(validateConfig(obj({{"token", str("t")}, {"maxResponseBytes", std::move(value)}})).issues);
  };
  const std::string rule = "maxResponseBytes must be an integer number of bytes between 1024 and 67108864, got ";
  CHECK(validateConfig(obj({{"token", str("t")}})).config->maxResponseBytes == 1024 * 1024);
  CHECK(validateConfig(obj({{"token", str("t")}, {"maxResponseBytes", num(2048)}})).config->maxResponseBytes == 2048);
  CHECK(issuesFor(num(1024)).empty());
  CHECK(issuesFor(num(64 * 1024 * 1024)).empty());
  CHECK(issuesFor(num(1023)) == std::vector<std::string>{rule + "1023"});
  CHECK(issuesFor(num(64 * 1024 * 1024 + 1)) == std::vector<std::string>{rule + "67108865"});
  CHECK(issuesFor(num(1500.5)) == std::vector<std::string>{rule + "1500.5"});
  CHECK(issuesFor(str("4096")) == std::vector<std::string>{rule + "string"});
}
