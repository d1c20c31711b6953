// Client::getAccessToken: a token for the caller's own use, from the same cache, single flight,
// retries and ending rules as a link call.

#include <catch2/catch.hpp>

#include "client_harness.hpp"

using namespace kyc;
using namespace kyc::test;

TEST_CASE("getAccessToken answers with the cached token, never before it returns") {
  Harness h(staticTokenConfig());
  h.accessToken();
  CHECK(h.tokenResults.empty());
  h.timers.advance(0);
  REQUIRE(h.tokenResults.size() == 1);
  CHECK(h.tokenResults[0].token == "static-token");
  CHECK(h.transport.history.empty());
  CHECK(h.client->pendingCalls() == 0);
}

TEST_CASE("getAccessToken shares one token request with link calls") {
  Harness h(credentialsConfig());
  h.call();
  h.accessToken();
  h.accessToken();
  REQUIRE(h.transport.openCount() == 1);
  h.transport.answer(200, tokenOk("tok-1"));
  h.timers.advance(0);
  REQUIRE(h.tokenResults.size() == 2);
  CHECK(h.tokenResults[0].token == "tok-1");
  CHECK(h.tokenResults[1].token == "tok-1");
  CHECK(header(h.transport.oldestOpen(), "Authorization") == "Bearer tok-1");  // the link call went on
  h.accessToken();                                                             // cached now
  h.timers.advance(0);
  CHECK(h.tokenResults.size() == 3);
  CHECK(h.transport.countTo("/auth/") == 1);
}

TEST_CASE("getAccessToken fails as a call would: redacted, no link attempt, retried when passing") {
  SECTION("refused credentials: at once") {
    Harness h(credentialsConfig());
    h.accessToken();
    h.transport.answer(401, R"({"status":false,"message":"bad secret top-secret"})");
    REQUIRE(h.tokenResults.size() == 1);
    const Failure& failure = *h.tokenResults[0].failure;
    CHECK(failure.code == ErrorCode::Unauthorized);
    CHECK(failure.attempts == 0);
    CHECK(failure.message.find("top-secret") == std::string::npos);
  }
  SECTION("a 503: once more after the backoff") {
    Harness h(credentialsConfig());
    h.accessToken();
    h.transport.answer(503, "{}");
    CHECK(h.tokenResults.empty());
    h.timers.advance(375);
    h.transport.answer(200, tokenOk("tok-2"));
    h.timers.advance(0);
    REQUIRE(h.tokenResults.size() == 1);
    CHECK(h.tokenResults[0].token == "tok-2");
  }
}

TEST_CASE("getAccessToken ends once when aborted or when the client goes") {
  SECTION("aborted while the token is fetched") {
    Harness h(credentialsConfig());
    HandleId id = h.accessToken();
    h.client->abort(id);
    REQUIRE(h.tokenResults.size() == 1);
    CHECK(h.tokenResults[0].failure->code == ErrorCode::Aborted);
    h.transport.answer(200, tokenOk("tok-1"));
    h.timers.advance(0);
    CHECK(h.tokenResults.size() == 1);
  }
  SECTION("aborted between the cached answer and its delivery") {
    Harness h(staticTokenConfig());
    HandleId id = h.accessToken();
    h.client->abort(id);
    CHECK(h.timers.pendingCount() == 0);
    REQUIRE(h.tokenResults.size() == 1);
    CHECK(h.tokenResults[0].failure->code == ErrorCode::Aborted);
  }
  SECTION("the client is destroyed") {
    Harness h(credentialsConfig());
    h.accessToken();
    h.client.reset();
    REQUIRE(h.tokenResults.size() == 1);
    CHECK(h.tokenResults[0].failure->code == ErrorCode::Aborted);
  }
}
