#include <catch2/catch.hpp>

#include "core/response.hpp"

#include "http_builders.hpp"

using namespace kyc;
using Catch::Matchers::Contains;
using kyc::test::answer;
using kyc::test::outcome;

namespace {

constexpr double kNow = 1700000000000;  // 2023-11-14T22:13:20Z

Failure failureOf(const HttpResponse& response) {
  const LinkResult result = classifyLinkResponse(response, kNow);
  REQUIRE(result.failure);
  CHECK_FALSE(result.link);
  return *result.failure;
}

const std::string kSuccess =
    R"({"responseCode":0,"data":"4a7c8f2e-1111-2222-3333-444455556666","url":"https://apps.faceki.com/kycverify/4a7c8f2e-1111-2222-3333-444455556666"})";

}  // namespace

TEST_CASE("2xx with responseCode 0, data and url is a link") {
  for (int status : {200, 201}) {
    const LinkResult result = classifyLinkResponse(answer(status, kSuccess), kNow);
    REQUIRE(result.link);
    CHECK_FALSE(result.failure);
    CHECK(result.link->linkId == "4a7c8f2e-1111-2222-3333-444455556666");
    CHECK(result.link->url == "https://apps.faceki.com/kycverify/4a7c8f2e-1111-2222-3333-444455556666");
  }
  // responseCode written as 0.0 is still zero; extra fields are ignored.
  CHECK(classifyLinkResponse(answer(200, R"({"responseCode":0.0,"data":"id","url":"https://a.test/x","extra":[1]})"),
                             kNow)
            .link);
}

TEST_CASE("transport outcomes map to their own codes") {
  const Failure network = failureOf(outcome(TransportOutcome::NetworkError));
  CHECK(network.code == ErrorCode::NetworkError);
  CHECK(network.retryable);
  CHECK(network.status == 0);
  CHECK(network.message == "could not reach FACEKI (network error)");
  HttpResponse named = outcome(TransportOutcome::NetworkError);
  named.host = "sdk.faceki.com";
  CHECK(failureOf(named).message == "could not reach FACEKI at sdk.faceki.com (network error)");

  const Failure timeout = failureOf(outcome(TransportOutcome::Timeout));
  CHECK(timeout.code == ErrorCode::Timeout);
  CHECK_FALSE(timeout.retryable);  // the link may have been created: sending again could make two
  CHECK(timeout.message == "FACEKI did not answer in time");

  const Failure aborted = failureOf(outcome(TransportOutcome::Aborted));
  CHECK(aborted.code == ErrorCode::Aborted);
  CHECK_FALSE(aborted.retryable);
  CHECK(aborted.message == "the request was aborted");
}

TEST_CASE("401 is Unauthorized") {
  const Failure failure = failureOf(answer(401, R"({"message":"jwt expired"})"));
  CHECK(failure.code == ErrorCode::Unauthorized);
  CHECK(failure.status == 401);
  CHECK_FALSE(failure.retryable);
  CHECK(failure.message == "FACEKI answered HTTP 401 Unauthorized: jwt expired");
}

TEST_CASE("429 is RateLimited, retryable, with Retry-After") {
  const Failure failure = failureOf(answer(429, "", "7"));
  CHECK(failure.code == ErrorCode::RateLimited);
  CHECK(failure.retryable);
  CHECK(failure.retryAfterMs == std::optional<double>(7000));
  CHECK(failure.message == "FACEKI answered HTTP 429 Too Many Requests");

  // HTTP-date form, 30 s after kNow.
  CHECK(failureOf(answer(429, "", "Tue, 14 Nov 2023 22:13:50 GMT")).retryAfterMs == std::optional<double>(30000));
  CHECK_FALSE(failureOf(answer(429, "", "soon")).retryAfterMs);
  CHECK_FALSE(failureOf(answer(429, "")).retryAfterMs);
}

TEST_CASE("other non-2xx statuses are HttpError; 502, 503 and 504 are retryable") {
  for (int status : {502, 503, 504}) {
    const Failure failure = failureOf(answer(status, "<html>bad gateway</html>"));
    CHECK(failure.code == ErrorCode::HttpError);
    CHECK(failure.retryable);
    CHECK(failure.status == status);
  }
  for (int status : {400, 403, 404, 500, 301, 418}) {
    const Failure failure = failureOf(answer(status, ""));
    CHECK(failure.code == ErrorCode::HttpError);
    CHECK_FALSE(failure.retryable);
  }
  const Failure unavailable = failureOf(answer(503, R"({"message":"down for maintenance"})", "120"));
  CHECK(unavailable.message == "FACEKI answered HTTP 503 Service Unavailable: down for maintenance");
  CHECK(unavailable.retryAfterMs == std::optional<double>(120000));
  CHECK(failureOf(answer(500, R"({"error":"boom"})")).message ==
        "FACEKI answered HTTP 500 Internal Server Error: boom");
  CHECK(failureOf(answer(418, "")).message == "FACEKI answered HTTP 418");
  CHECK(failureOf(answer(404, "<html>not json</html>")).message == "FACEKI answered HTTP 404 Not Found");
}

TEST_CASE("2xx with a non-zero responseCode is ApiError") {
  const Failure failure = failureOf(answer(200, R"({"responseCode":5001,"message":"Workflow rules missing"})"));
  CHECK(failure.code == ErrorCode::ApiError);
  CHECK(failure.status == 200);
  CHECK(failure.responseCode == std::optional<int>(5001));
  CHECK(failure.reason == "WORKFLOW_NOT_FOUND");
  CHECK_FALSE(failure.retryable);
  CHECK(failure.message ==
        "FACEKI refused the request: responseCode 5001 WORKFLOW_NOT_FOUND (the workflow has no rules; is the "
        "workflowId right?): Workflow rules missing");

  const Failure bare = failureOf(answer(201, R"({"responseCode":4242})"));
  CHECK(bare.reason == "UNKNOWN");
  CHECK(bare.message == "FACEKI refused the request: responseCode 4242 UNKNOWN (a code this client does not know)");
}

TEST_CASE("any other 2xx is BadResponse and never quotes the body") {
  auto bad = [](const std::string& body) {
    const Failure failure = failureOf(answer(200, body));
    CHECK(failure.code == ErrorCode::BadResponse);
    CHECK(failure.status == 200);
    CHECK_FALSE(failure.retryable);
    CHECK_THAT(failure.message, !Contains("SECRETLINK"));
    return failure.message;
  };
  CHECK(bad("SECRETLINK not json") == "FACEKI answered HTTP 200 but the body is not a JSON object");
  CHECK(bad("") == "FACEKI answered HTTP 200 but the body is not a JSON object");
  CHECK(bad(R"(["SECRETLINK"])") == "FACEKI answered HTTP 200 but the body is not a JSON object");
  CHECK(bad(R"({"data":"SECRETLINK","url":"https://SECRETLINK"})") ==
        "FACEKI answered HTTP 200 but the body has no numeric responseCode");
  CHECK(bad(R"({"responseCode":"0","data":"SECRETLINK","url":"u"})") ==
        "FACEKI answered HTTP 200 but the body has no numeric responseCode");
  CHECK(bad(R"({"responseCode":0.5,"data":"SECRETLINK","url":"u"})") ==
        "FACEKI answered HTTP 200 but the body has no numeric responseCode");
  CHECK(bad(R"({"responseCode":0,"url":"https://SECRETLINK"})") ==
        "FACEKI answered HTTP 200 but the body has no link ID (data)");
  CHECK(bad(R"({"responseCode":0,"data":"","url":"https://SECRETLINK"})") ==
        "FACEKI answered HTTP 200 but the body has no link ID (data)");
  CHECK(bad(R"({"responseCode":0,"data":{"id":"SECRETLINK"},"url":"u"})") ==
        "FACEKI answered HTTP 200 but the body has no link ID (data)");
  CHECK(bad(R"({"responseCode":0,"data":"SECRETLINK"})") ==
        "FACEKI answered HTTP 200 but the body has no link URL (url)");
  CHECK(bad(R"({"responseCode":0,"data":"SECRETLINK","url":7})") ==
        "FACEKI answered HTTP 200 but the body has no link URL (url)");
}
