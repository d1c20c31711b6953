// Issue 11 items 7 and 13: one header-safety rule for every token, and the narrow endpoint fallback.
#include <catch2/catch.hpp>

#include "client_harness.hpp"
#include "core/config.hpp"
#include "core/token.hpp"
#include "input_builders.hpp"

using namespace kyc;
using namespace kyc::test;
using Catch::Matchers::Contains;

namespace {

ClientConfig providerConfig() {
  ClientConfig config = staticTokenConfig();
  config.credentials = CredentialKind::TokenProvider;
  config.token.clear();
  return config;
}

const std::vector<std::string> kUnsafeTokens = {"two words",   "line\r\nX-Evil: 1",     "tab\there",
                                                "caf\xC3\xA9", "emoji\xF0\x9F\x98\x80", "del\x7F"};

}  // namespace

TEST_CASE("bearerTokenProblem: visible ASCII only") {
  CHECK_FALSE(bearerTokenProblem("eyJhbGciOiJIUzI1NiJ9.e30.sig-_~+/="));
  CHECK(bearerTokenProblem("") == std::optional<std::string>("is empty"));
  for (const std::string& token : kUnsafeTokens) CHECK(bearerTokenProblem(token));
}

TEST_CASE("a static token passes the same rule as a token from FACEKI, or the options are refused") {
  for (const std::string& token : kUnsafeTokens) {
    const ValidatedConfig result = validateConfig(obj({{"token", str(token)}}));
    CHECK_FALSE(result.config);
    REQUIRE(result.issues.size() == 1);
    CHECK(result.issues[0].field == "token");
    CHECK_THAT(result.issues[0].message, !Contains(token));
  }
  const ValidatedConfig spaced = validateConfig(obj({{"token", str("two words")}}));
  CHECK(spaced.issues[0].message ==
        "token has characters an HTTP header cannot carry (allowed: visible ASCII, no spaces)");
  CHECK(validateConfig(obj({{"token", str("Abc-123._~+/=")}})).config);
}

TEST_CASE("a getToken token that breaks the rule is INVALID_CONFIG, sends nothing and is not retried") {
  for (const std::string& token : kUnsafeTokens) {
    Harness h(providerConfig());
    h.call();
    h.provider.answer(token);
    REQUIRE(h.results.size() == 1);
    CHECK(h.failure().code == ErrorCode::InvalidConfig);
    CHECK_FALSE(h.failure().retryable);
    CHECK(h.failure().message ==
          "getToken resolved to a token that has characters an HTTP header cannot carry (allowed: visible ASCII, no "
          "spaces)");
    CHECK(h.transport.history.empty());
    CHECK(h.timers.pendingCount() == 0);  // no backoff scheduled
    CHECK(h.provider.waiting.empty());
  }
  Harness h(providerConfig());
  h.call();
  h.provider.answer("");
  CHECK(h.failure().message == "getToken resolved to a token that is empty");
  // The next call asks getToken again: a bad answer is not cached.
  h.call();
  REQUIRE(h.provider.waiting.size() == 1);
  h.provider.answer("good-token-123");
  CHECK(header(h.transport.oldestOpen(), "Authorization") == "Bearer good-token-123");
}

TEST_CASE("isFacekiShapedBody: a JSON object with one of FACEKI's envelope keys") {
  CHECK(isFacekiShapedBody(R"({"status":false,"message":"client id is required","statusCode":422,"data":{}})"));
  CHECK(isFacekiShapedBody(R"({"responseCode":8})"));
  CHECK(isFacekiShapedBody(R"({"statusCode":404})"));
  CHECK(isFacekiShapedBody(R"({"message":"Not Found"})"));
  CHECK_FALSE(isFacekiShapedBody("<html><body>404 Not Found</body></html>"));
  CHECK_FALSE(isFacekiShapedBody(""));
  CHECK_FALSE(isFacekiShapedBody(R"({"error":"no route"})"));
  CHECK_FALSE(isFacekiShapedBody(R"(["message"])"));
}

TEST_CASE("tokenEndpointMissing: 404 or 405 with a body that is not FACEKI's") {
  CHECK(tokenEndpointMissing(answer(404, "Cannot POST /auth/api/generate-token")));
  CHECK(tokenEndpointMissing(answer(405, "")));
  CHECK_FALSE(tokenEndpointMissing(answer(404, R"({"status":false,"message":"not found","statusCode":404})")));
  CHECK_FALSE(tokenEndpointMissing(answer(400, "Cannot POST")));
  CHECK_FALSE(tokenEndpointMissing(answer(500, "")));
  CHECK_FALSE(tokenEndpointMissing(outcome(TransportOutcome::NetworkError)));
}

TEST_CASE("a FACEKI-shaped 404 from generate-token is an error: no fallback, nothing remembered") {
  Harness h(credentialsConfig());
  h.call();
  h.transport.answer(404, R"({"status":false,"message":"client not found","statusCode":404})");
  REQUIRE(h.results.size() == 1);
  CHECK(h.failure().code == ErrorCode::HttpError);
  CHECK(h.failure().status == 404);
  CHECK_THAT(h.failure().message, Contains("set tokenEndpoint: 'access-token'"));
  CHECK(h.transport.countTo("access-token") == 0);  // the secret never went into a query string
  h.call();
  CHECK(h.transport.oldestOpen().method == "POST");
  CHECK(h.transport.countTo("generate-token") == 2);
}

TEST_CASE("a fallback whose access-token answer fails is not remembered either") {
  Harness h(credentialsConfig());
  h.call();
  h.transport.answer(404, "<html>Not Found</html>");  // a proxy's page, or a wrong path in baseUrl
  REQUIRE(h.transport.openCount() == 1);
  CHECK(h.transport.oldestOpen().method == "GET");
  h.transport.answer(404, "<html>Not Found</html>");
  REQUIRE(h.results.size() == 1);
  CHECK(h.failure().code == ErrorCode::HttpError);
  h.call();
  CHECK(h.transport.oldestOpen().method == "POST");  // back to generate-token
  CHECK(h.transport.countTo("generate-token") == 2);
}

TEST_CASE("a pinned tokenEndpoint never falls back, whatever the 404 says") {
  ClientConfig config = credentialsConfig();
  config.tokenEndpoint = TokenEndpoint::GenerateToken;
  Harness h(config);
  h.call();
  h.transport.answer(404, "Cannot POST /auth/api/generate-token");
  REQUIRE(h.results.size() == 1);
  CHECK(h.failure().code == ErrorCode::HttpError);
  CHECK(h.transport.countTo("access-token") == 0);
}
