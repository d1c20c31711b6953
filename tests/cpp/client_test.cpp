// The client pipeline end to end over fakes: token single flight and refresh, retries and backoff,
// timeouts, aborts, and that every call settles exactly once.

#include <catch2/catch.hpp>

#include <string>

#include "client_harness.hpp"

using namespace kyc;
using namespace kyc::test;

TEST_CASE("a static token goes straight into the link request, with the exact wire form") {
  Harness h(staticTokenConfig());
  h.call();
  REQUIRE(h.transport.openCount() == 1);
  const HttpRequest& sent = h.transport.oldestOpen();
  CHECK(sent.method == "POST");
  CHECK(sent.url == "https://api.test" + kLinkPath);
  CHECK(header(sent, "Authorization") == "Bearer static-token");
  CHECK(header(sent, "Content-Type") == "application/json");
  CHECK(sent.body == R"({"workflowId":"wf-1","applicationId":"user-1"})");
  h.transport.answer(200, kLinkOk);
  REQUIRE(h.results.size() == 1);
  CHECK(h.results[0].link->linkId == "link-1");
  CHECK(h.results[0].link->url == "https://apps.test/kycverify/link-1");
  CHECK(h.timers.pendingCount() == 0);
  CHECK(h.client->pendingCalls() == 0);
}

TEST_CASE("100 concurrent calls without a token cause exactly one token request") {
  Harness h(credentialsConfig());
  for (int i = 0; i < 100; ++i) h.call();
  REQUIRE(h.transport.openCount() == 1);
  const HttpRequest& tokenRequest = h.transport.oldestOpen();
  CHECK(tokenRequest.method == "POST");
  CHECK(tokenRequest.url == "https://api.test/auth/api/generate-token");
  CHECK(tokenRequest.body == R"({"clientId":"client-id","clientSecret":"top-secret"})");
  h.transport.answer(200, tokenOk("tok-1"));
  REQUIRE(h.transport.openCount() == 100);
  CHECK(header(h.transport.oldestOpen(), "Authorization") == "Bearer tok-1");
  while (h.transport.openCount() > 0) h.transport.answer(200, kLinkOk);
  CHECK(h.results.size() == 100);
  CHECK(h.transport.countTo("/auth/") == 1);
}

TEST_CASE("the token is reused until 60 s before expires_in, then fetched again") {
  Harness h(credentialsConfig());
  h.call();
  h.transport.answer(200, tokenOk("tok-1", 3600));
  h.transport.answer(200, kLinkOk);

  h.timers.advance((3600 - 61) * 1000.0);
  h.call();
  REQUIRE(h.transport.openCount() == 1);
  CHECK(header(h.transport.oldestOpen(), "Authorization") == "Bearer tok-1");
  h.transport.answer(200, kLinkOk);

  h.timers.advance(2000);  // now inside the 60 s margin
  h.call();
  REQUIRE(h.transport.openCount() == 1);
  CHECK(h.transport.oldestOpen().url == "https://api.test/auth/api/generate-token");
  h.transport.answer(200, tokenOk("tok-2", 3600));
  CHECK(header(h.transport.oldestOpen(), "Authorization") == "Bearer tok-2");
  h.transport.answer(200, kLinkOk);
  CHECK(h.results.size() == 3);
  CHECK(h.transport.countTo("/auth/") == 2);
}

TEST_CASE("a 401 on the link call fetches a new token once and sends once more") {
  Harness h(credentialsConfig());
  h.call();
  h.transport.answer(200, tokenOk("tok-1"));
  h.transport.answer(401, R"({"message":"token expired"})");
  REQUIRE(h.transport.openCount() == 1);
  CHECK(h.transport.oldestOpen().url.find("/auth/api/generate-token") != std::string::npos);
  h.transport.answer(200, tokenOk("tok-2"));
  CHECK(header(h.transport.oldestOpen(), "Authorization") == "Bearer tok-2");

  SECTION("and succeeds") {
    h.transport.answer(200, kLinkOk);
    REQUIRE(h.results.size() == 1);
    CHECK(h.results[0].link);
  }
  SECTION("a second 401 is UNAUTHORIZED, after 2 attempts") {
    h.transport.answer(401, "{}");
    REQUIRE(h.results.size() == 1);
    CHECK(h.failure().code == ErrorCode::Unauthorized);
    CHECK(h.failure().attempts == 2);
    CHECK(h.failure().status == 401);
    CHECK(h.transport.openCount() == 0);
  }
}

TEST_CASE("a static token cannot be refreshed: a 401 is UNAUTHORIZED at once") {
  Harness h(staticTokenConfig());
  h.call();
  h.transport.answer(401, "{}");
  REQUIRE(h.results.size() == 1);
  CHECK(h.failure().code == ErrorCode::Unauthorized);
  CHECK(h.failure().attempts == 1);
  CHECK(h.transport.history.size() == 1);
}

TEST_CASE("getToken is asked once for concurrent calls, and once more after a 401") {
  ClientConfig config = staticTokenConfig();
  config.credentials = CredentialKind::TokenProvider;
  config.token.clear();
  Harness h(config);
  h.call();
  h.call();
  REQUIRE(h.provider.waiting.size() == 1);
  h.provider.answer("caller-token-1");
  REQUIRE(h.transport.openCount() == 2);
  h.transport.answer(200, kLinkOk);
  h.transport.answer(401, "{}");
  REQUIRE(h.provider.waiting.size() == 1);
  REQUIRE(h.provider.rejected.size() == 2);
  CHECK_FALSE(h.provider.rejected[0]);
  CHECK(h.provider.rejected[1] == std::optional<std::string>("caller-token-1"));
  h.provider.answer("caller-token-2");
  CHECK(header(h.transport.oldestOpen(), "Authorization") == "Bearer caller-token-2");
  h.transport.answer(200, kLinkOk);
  CHECK(h.results.size() == 2);
  CHECK(h.results[1].link);
}

TEST_CASE("a missing generate-token endpoint falls back to access-token, and the choice is kept") {
  Harness h(credentialsConfig());
  h.call();
  h.transport.answer(404, "Cannot POST /auth/api/generate-token");  // not FACEKI's JSON: no such route
  REQUIRE(h.transport.openCount() == 1);
  const HttpRequest& fallback = h.transport.oldestOpen();
  CHECK(fallback.method == "GET");
  CHECK(fallback.url == "https://api.test/auth/api/access-token?clientId=client-id&clientSecret=top-secret");
  h.transport.answer(200, tokenOk("tok-1", 120));
  h.transport.answer(200, kLinkOk);

  h.timers.advance(120 * 1000.0);  // expired: the next fetch goes straight to access-token
  h.call();
  CHECK(h.transport.oldestOpen().method == "GET");
  CHECK(h.transport.countTo("generate-token") == 1);
}

TEST_CASE("a refused token request fails every waiter alike, and the next call tries again") {
  Harness h(credentialsConfig());
  h.call();
  h.call();
  h.transport.answer(401, R"({"status":false,"message":"invalid client credentials, top-secret"})");
  REQUIRE(h.results.size() == 2);
  for (const LinkResult& result : h.results) {
    CHECK(result.failure->code == ErrorCode::Unauthorized);
    CHECK(result.failure->attempts == 0);
    CHECK(result.failure->message.rfind("token request failed", 0) == 0);
    CHECK(result.failure->message.find("top-secret") == std::string::npos);  // redacted even when echoed
  }
  h.call();
  CHECK(h.transport.countTo("/auth/") == 2);
}

TEST_CASE("503 then 200: one retry after a jittered backoff") {
  Harness h(staticTokenConfig());
  h.random = 0.5;
  h.call();
  h.transport.answer(503, "{}");
  CHECK(h.transport.openCount() == 0);
  CHECK(h.timers.started.back() == Approx(375));  // first step 500 ms, jitter between 250 and 500
  h.timers.advance(374);
  CHECK(h.transport.openCount() == 0);
  h.timers.advance(1);
  REQUIRE(h.transport.openCount() == 1);
  h.transport.answer(200, kLinkOk);
  REQUIRE(h.results.size() == 1);
  CHECK(h.results[0].link);
}

TEST_CASE("429 waits for Retry-After") {
  Harness h(staticTokenConfig());
  h.call();
  h.transport.answer(429, "{}", "2");
  CHECK(h.timers.started.back() == Approx(2000));
  h.timers.advance(2000);
  REQUIRE(h.transport.openCount() == 1);
}

TEST_CASE("a Retry-After beyond 60 s is not waited for") {
  Harness h(staticTokenConfig());
  h.call();
  h.transport.answer(429, "{}", "120");
  REQUIRE(h.results.size() == 1);
  CHECK(h.failure().code == ErrorCode::RateLimited);
  CHECK(h.failure().retryAfterMs == Approx(120000));
}

TEST_CASE("retries exhausted: the last failure, with attempts and status") {
  Harness h(staticTokenConfig());
  h.random = 0.999;
  h.call();
  for (int attempt = 0; attempt < 3; ++attempt) {
    REQUIRE(h.transport.openCount() == 1);
    h.transport.answer(503, "{}");
    h.timers.advance(10000);
  }
  REQUIRE(h.results.size() == 1);
  CHECK(h.failure().code == ErrorCode::HttpError);
  CHECK(h.failure().status == 503);
  CHECK(h.failure().attempts == 3);
  CHECK(h.failure().retryable);
  CHECK(h.transport.history.size() == 3);
}

TEST_CASE("maxRetries 0 for one call disables retries") {
  Harness h(staticTokenConfig());
  CallOptions options;
  options.maxRetries = 0;
  h.call(options);
  h.transport.failConnection();
  REQUIRE(h.results.size() == 1);
  CHECK(h.failure().code == ErrorCode::NetworkError);
  CHECK(h.failure().attempts == 1);
}

TEST_CASE("a timed-out attempt is cancelled and not retried") {
  Harness h(staticTokenConfig());
  CallOptions options;
  options.timeoutMs = 1000;
  HandleId call = h.call(options);
  (void)call;
  h.timers.advance(999);
  CHECK(h.results.empty());
  h.timers.advance(1);
  REQUIRE(h.results.size() == 1);
  CHECK(h.failure().code == ErrorCode::Timeout);
  CHECK(h.failure().attempts == 1);
  CHECK(h.transport.cancelled.size() == 1);
  CHECK(h.transport.openCount() == 0);
  CHECK(h.timers.pendingCount() == 0);
}

TEST_CASE("retryTimeouts opts in to resending after a timeout") {
  ClientConfig config = staticTokenConfig();
  config.retryTimeouts = true;
  config.timeoutMs = 1000;
  Harness h(config);
  h.call();
  h.timers.advance(1000);  // the attempt times out; backoff starts
  CHECK(h.results.empty());
  h.timers.advance(500);
  REQUIRE(h.transport.openCount() == 1);
  h.transport.answer(200, kLinkOk);
  REQUIRE(h.results.size() == 1);
  CHECK(h.results[0].link);
  CHECK(h.transport.history.size() == 2);
}

TEST_CASE("a token request that never answers times out, and is sent again within the retry budget") {
  ClientConfig config = credentialsConfig();
  config.timeoutMs = 500;
  Harness h(config);
  h.call();
  for (int tokenRequest = 1; tokenRequest <= 3; ++tokenRequest) {
    REQUIRE(h.results.empty());
    REQUIRE(h.transport.openCount() == 1);
    h.timers.advance(500);                                                    // times out
    h.timers.advance(h.timers.pendingCount() ? h.timers.started.back() : 0);  // the backoff, if any
  }
  REQUIRE(h.results.size() == 1);
  CHECK(h.failure().code == ErrorCode::Timeout);
  CHECK(h.failure().message.rfind("token request failed", 0) == 0);
  CHECK(h.failure().attempts == 0);  // no link request was sent
  CHECK(h.transport.countTo("/auth/") == 3);
  CHECK(h.transport.cancelled.size() == 3);
  CHECK(h.transport.openCount() == 0);
  CHECK(h.timers.pendingCount() == 0);
}

TEST_CASE("a 503 from the token endpoint is retried after a backoff; the waiters share the next fetch") {
  Harness h(credentialsConfig());
  h.random = 0.5;
  h.call();
  h.call();
  h.transport.answer(503, "{}");
  CHECK(h.results.empty());
  CHECK(h.transport.openCount() == 0);
  h.timers.advance(375);  // both calls' backoff (same random): the first starts a fetch, the second joins
  REQUIRE(h.transport.openCount() == 1);
  h.transport.answer(200, tokenOk("tok-1"));
  REQUIRE(h.transport.openCount() == 2);
  h.transport.answer(200, kLinkOk);
  h.transport.answer(200, kLinkOk);
  REQUIRE(h.results.size() == 2);
  CHECK(h.results[0].link);
  CHECK(h.results[1].link);
  CHECK(h.transport.countTo("/auth/") == 2);
}

TEST_CASE("token retries and link retries share one budget") {
  Harness h(credentialsConfig());
  h.random = 0.999;
  h.call();
  h.transport.answer(503, "{}");  // token request: retry 1
  h.timers.advance(10000);
  h.transport.answer(200, tokenOk("tok-1"));
  h.transport.answer(502, "{}");  // link request: retry 2
  h.timers.advance(10000);
  h.transport.answer(502, "{}");  // budget spent
  REQUIRE(h.results.size() == 1);
  CHECK(h.failure().status == 502);
  CHECK(h.failure().attempts == 2);
  CHECK(h.transport.history.size() == 4);
}

TEST_CASE("abort ends a call at once, wherever it is") {
  SECTION("during the request: cancelled, and a late answer changes nothing") {
    Harness h(staticTokenConfig());
    HandleId call = h.call();
    h.client->abort(call);
    REQUIRE(h.results.size() == 1);
    CHECK(h.failure().code == ErrorCode::Aborted);
    CHECK(h.transport.cancelled.size() == 1);
    CHECK(h.timers.pendingCount() == 0);
    h.client->abort(call);  // a second abort is ignored
    CHECK(h.results.size() == 1);
  }
  SECTION("during backoff: the timer is dropped") {
    Harness h(staticTokenConfig());
    HandleId call = h.call();
    h.transport.answer(503, "{}");
    REQUIRE(h.timers.pendingCount() == 1);
    h.client->abort(call);
    CHECK(h.timers.pendingCount() == 0);
    CHECK(h.failure().code == ErrorCode::Aborted);
    CHECK(h.failure().attempts == 1);
  }
  SECTION("while waiting for the shared token: the others still get it") {
    Harness h(credentialsConfig());
    HandleId first = h.call();
    h.call();
    h.client->abort(first);
    REQUIRE(h.results.size() == 1);
    h.transport.answer(200, tokenOk("tok-1"));
    CHECK(h.transport.openCount() == 1);
    h.transport.answer(200, kLinkOk);
    REQUIRE(h.results.size() == 2);
    CHECK(h.results[1].link);
  }
}

TEST_CASE("closing the client settles every call still running") {
  Harness h(credentialsConfig());
  h.call();
  h.call();
  h.client.reset();
  REQUIRE(h.results.size() == 2);
  CHECK(h.results[0].failure->code == ErrorCode::Aborted);
  CHECK(h.results[1].failure->code == ErrorCode::Aborted);
  CHECK(h.transport.openCount() == 0);
  CHECK(h.timers.pendingCount() == 0);
}

// Found by fuzz_client (tests/fuzz/regressions/client/): a one-letter token that also occurs in the
// placeholder "[redacted]" made redaction loop forever. A secret that short is now redacted only as a
// whole word (issue 11 item 14: redacting every "t" made the message unreadable).
TEST_CASE("redacting a token that occurs inside the placeholder itself ends, and the message stays readable") {
  ClientConfig config = staticTokenConfig();
  config.token = "t";
  Harness h(config);
  h.call();
  h.transport.answer(400, R"({"message":"that token is not it: t"})");
  REQUIRE(h.results.size() == 1);
  CHECK(h.failure().message == "FACEKI answered HTTP 400 Bad Request: that token is not it: [redacted]");
}

TEST_CASE("a server echoing the token has it redacted from the message") {
  Harness h(staticTokenConfig());
  h.call();
  h.transport.answer(400, R"({"message":"bad token static-token"})");
  REQUIRE(h.results.size() == 1);
  CHECK(h.failure().message.find("static-token") == std::string::npos);
  CHECK(h.failure().message.find("[redacted]") != std::string::npos);
}
