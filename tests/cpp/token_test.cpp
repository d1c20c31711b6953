#include <catch2/catch.hpp>

#include "core/token.hpp"

#include "http_builders.hpp"

using namespace kyc;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using kyc::test::answer;
using kyc::test::outcome;

namespace {

constexpr double kNow = 1700000000000;  // ms; the JWTs below expire relative to it
const std::string kHeader = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
const std::string kJwtExpIn1h = kHeader + ".eyJleHAiOjE3MDAwMDM2MDB9.sig";             // {"exp":1700003600}
const std::string kJwtExpIn2h = kHeader + ".eyJleHAiOjE3MDAwMDcyMDAsIm4iOiJhIn0.sig";  // {"exp":1700007200,...}
const std::string kJwtUrlAlphabet = kHeader + ".eyJzdWIiOiI_Pz4-IiwiZXhwIjoxNzAwMDAxMDAwLjV9.s";  // _ and -

std::string tokenBody(const std::string& token, const std::string& expiresIn = "3600") {
  return R"({"responseCode":0,"data":{"access_token":")" + token + R"(","expires_in":)" + expiresIn +
         R"(,"token_type":"Bearer"}})";
}

AccessToken tokenOf(const HttpResponse& response) {
  const TokenResult result = parseTokenResponse(response, kNow);
  REQUIRE(result.token);
  CHECK_FALSE(result.failure);
  return *result.token;
}

Failure failureOf(const HttpResponse& response) {
  const TokenResult result = parseTokenResponse(response, kNow);
  REQUIRE(result.failure);
  CHECK_FALSE(result.token);
  CHECK_THAT(result.failure->message, StartsWith("token request failed: "));
  return *result.failure;
}

}  // namespace

TEST_CASE("jwtExpirySeconds reads exp without verifying") {
  CHECK(jwtExpirySeconds(kJwtExpIn1h) == std::optional<double>(1700003600));
  CHECK(jwtExpirySeconds(kJwtExpIn2h) == std::optional<double>(1700007200));               // payload needs padding
  CHECK(jwtExpirySeconds(kHeader + ".eyJleHAiOiIxNzAwMDAzNjAwIn0=.sig") == std::nullopt);  // exp is a string
  CHECK(jwtExpirySeconds(kJwtUrlAlphabet) == std::optional<double>(1700001000.5));
  CHECK(jwtExpirySeconds(kHeader + ".eyJleHAiOjE3MDAwMDcyMDAsIm4iOiJhIn0=.sig") ==
        std::optional<double>(1700007200));  // padding tolerated
}

TEST_CASE("jwtExpirySeconds: not a JWT with a numeric exp") {
  CHECK(jwtExpirySeconds("") == std::nullopt);
  CHECK(jwtExpirySeconds("opaque-token") == std::nullopt);
  CHECK(jwtExpirySeconds(kHeader + ".eyJleHAiOjE3MDAwMDM2MDB9") == std::nullopt);       // 2 parts
  CHECK(jwtExpirySeconds(kHeader + ".eyJleHAiOjE3MDAwMDM2MDB9.a.b") == std::nullopt);   // 4 parts
  CHECK(jwtExpirySeconds(kHeader + ".eyJpYXQiOjF9.sig") == std::nullopt);               // no exp
  CHECK(jwtExpirySeconds(kHeader + ".WzFd.sig") == std::nullopt);                       // [1]
  CHECK(jwtExpirySeconds(kHeader + ".eyJleHAiOjE3MDAwMDM2MDB9+.sig") == std::nullopt);  // not base64url
  CHECK(jwtExpirySeconds(kHeader + ".eyJleHAiOjE3MDAwMDM2MDB.sig") == std::nullopt);    // cut short
  CHECK(jwtExpirySeconds(kHeader + "..sig") == std::nullopt);
  CHECK(jwtExpirySeconds(kHeader + ".e.sig") == std::nullopt);  // 1 leftover char is never valid
}

TEST_CASE("generateTokenBody is exact JSON") {
  CHECK(generateTokenBody("id-1", "s3cret") == R"({"clientId":"id-1","clientSecret":"s3cret"})");
  CHECK(generateTokenBody("a\"b", "c\\d\n") == R"({"clientId":"a\"b","clientSecret":"c\\d\n"})");
  CHECK(generateTokenBody("id", "\xFF") == "{\"clientId\":\"id\",\"clientSecret\":\"\xEF\xBF\xBD\"}");
}

TEST_CASE("accessTokenQuery percent-encodes all but the unreserved set") {
  CHECK(accessTokenQuery("id-1", "s3cret") == "clientId=id-1&clientSecret=s3cret");
  CHECK(accessTokenQuery("a b", "x&y=z+/?#%") == "clientId=a%20b&clientSecret=x%26y%3Dz%2B%2F%3F%23%25");
  CHECK(accessTokenQuery("AZaz09-._~", "\xC3\xA9") == "clientId=AZaz09-._~&clientSecret=%C3%A9");
}

TEST_CASE("a FACEKI token response gives a token expiring after expires_in") {
  const AccessToken token = tokenOf(answer(200, tokenBody("opaque.token")));
  CHECK(token.value == "opaque.token");
  CHECK(token.expiresAtMs == kNow + 3600 * 1000);
  CHECK(tokenOf(answer(200, tokenBody("opaque", "120"))).expiresAtMs == kNow + 120000);
  CHECK(tokenOf(answer(201, tokenBody("opaque", "120"))).expiresAtMs == kNow + 120000);
}

TEST_CASE("expires_in defaults to 3600 s when missing or unusable") {
  CHECK(tokenOf(answer(200, R"({"responseCode":0,"data":{"access_token":"t"}})")).expiresAtMs == kNow + 3600000);
  CHECK(tokenOf(answer(200, tokenBody("t", "0"))).expiresAtMs == kNow + 3600000);
  CHECK(tokenOf(answer(200, tokenBody("t", "-5"))).expiresAtMs == kNow + 3600000);
  CHECK(tokenOf(answer(200, tokenBody("t", "\"3600\""))).expiresAtMs == kNow + 3600000);
}

TEST_CASE("the JWT exp wins when it comes first") {
  CHECK(tokenOf(answer(200, tokenBody(kJwtExpIn1h, "7200"))).expiresAtMs == 1700003600000.0);
  CHECK(tokenOf(answer(200, tokenBody(kJwtExpIn2h, "60"))).expiresAtMs == kNow + 60000);
}

TEST_CASE("a JWT exp already past on arrival is clock skew: expires_in decides") {
  const std::string expiredBeforeArrival = kHeader + ".eyJleHAiOjE2OTk5OTAwMDB9.sig";  // {"exp":1699990000}
  CHECK(tokenOf(answer(200, tokenBody(expiredBeforeArrival, "3600"))).expiresAtMs == kNow + 3600000);
}

TEST_CASE("a 2xx without responseCode but with data.access_token is accepted") {
  CHECK(tokenOf(answer(200, R"({"data":{"access_token":"t","expires_in":100}})")).expiresAtMs == kNow + 100000);
}

TEST_CASE("a 2xx failure body means the credentials were refused") {
  const Failure documented =
      failureOf(answer(200, R"({"status":false,"message":"client id is required","statusCode":422,"data":{}})"));
  CHECK(documented.code == ErrorCode::Unauthorized);
  CHECK(documented.status == 200);
  CHECK_FALSE(documented.retryable);
  CHECK(documented.message == "token request failed: FACEKI refused the credentials: client id is required");

  const Failure coded = failureOf(answer(200, R"({"responseCode":1,"data":{"access_token":"t"}})"));
  CHECK(coded.code == ErrorCode::Unauthorized);
  CHECK(coded.responseCode == std::optional<int>(1));
  CHECK(coded.reason == "UNAUTHORIZED");
  CHECK(coded.message == "token request failed: FACEKI refused the credentials (responseCode 1 UNAUTHORIZED)");
}

TEST_CASE("a 2xx without a usable token is BadResponse, never quoting the body") {
  auto bad = [](const std::string& body) {
    const Failure failure = failureOf(answer(200, body));
    CHECK(failure.code == ErrorCode::BadResponse);
    CHECK_THAT(failure.message, !Contains("SECRET"));
    return failure.message;
  };
  CHECK(bad("SECRET") == "token request failed: FACEKI answered HTTP 200 but the body is not a JSON object");
  CHECK(bad(R"({"responseCode":0})") ==
        "token request failed: FACEKI answered HTTP 200 but the body has no access_token");
  CHECK(bad(R"({"responseCode":0,"data":"SECRET"})") ==
        "token request failed: FACEKI answered HTTP 200 but the body has no access_token");
  CHECK(bad(R"({"responseCode":0,"data":{"access_token":""}})") ==
        "token request failed: FACEKI answered HTTP 200 but the body has no access_token");
  CHECK(bad(R"({"responseCode":0,"data":{"access_token":42}})") ==
        "token request failed: FACEKI answered HTTP 200 but the body has no access_token");
  CHECK(bad(R"({"access_token":"SECRET"})") ==
        "token request failed: FACEKI answered HTTP 200 but the body has no access_token");
  const std::string headerBreaking =
      "token request failed: FACEKI answered HTTP 200 but the access_token has characters an HTTP header cannot "
      "carry (allowed: visible ASCII, no spaces)";
  CHECK(bad(tokenBody("SECRET\\r\\nX-Evil: 1")) == headerBreaking);
  CHECK(bad(tokenBody("SECRET with space")) == headerBreaking);
  CHECK(bad(tokenBody("SECRET\xC3\xA9")) == headerBreaking);
}

TEST_CASE("token endpoint HTTP statuses") {
  for (int status : {400, 401, 403, 422}) {
    const Failure failure = failureOf(answer(status, R"({"message":"invalid credentials"})"));
    CHECK(failure.code == ErrorCode::Unauthorized);
    CHECK(failure.status == status);
    CHECK_FALSE(failure.retryable);
  }
  CHECK(failureOf(answer(401, R"({"message":"invalid credentials"})")).message ==
        "token request failed: FACEKI answered HTTP 401 Unauthorized: invalid credentials");
  for (int status : {404, 405}) {
    const Failure failure = failureOf(answer(status, ""));
    CHECK(failure.code == ErrorCode::HttpError);
    CHECK_FALSE(failure.retryable);
  }
  const Failure limited = failureOf(answer(429, "", "3"));
  CHECK(limited.code == ErrorCode::RateLimited);
  CHECK(limited.retryable);
  CHECK(limited.retryAfterMs == std::optional<double>(3000));
  const Failure unavailable = failureOf(answer(503, ""));
  CHECK(unavailable.code == ErrorCode::HttpError);
  CHECK(unavailable.retryable);
  CHECK(unavailable.message == "token request failed: FACEKI answered HTTP 503 Service Unavailable");
  CHECK(failureOf(answer(500, "")).code == ErrorCode::HttpError);
  CHECK_FALSE(failureOf(answer(500, "")).retryable);
}

TEST_CASE("token transport outcomes") {
  const Failure network = failureOf(outcome(TransportOutcome::NetworkError));
  CHECK(network.code == ErrorCode::NetworkError);
  CHECK(network.retryable);
  CHECK(network.message == "token request failed: could not reach FACEKI (network error)");
  CHECK(failureOf(outcome(TransportOutcome::Timeout)).code == ErrorCode::Timeout);
  CHECK(failureOf(outcome(TransportOutcome::Aborted)).code == ErrorCode::Aborted);
}

TEST_CASE("tokenIsFresh keeps a 60 s margin") {
  const AccessToken token{"t", kNow + 120000};
  CHECK(tokenIsFresh(token, kNow));
  CHECK(tokenIsFresh(token, kNow + 59999));
  CHECK_FALSE(tokenIsFresh(token, kNow + 60000));  // exactly the margin left: refresh
  CHECK_FALSE(tokenIsFresh(token, kNow + 120000));
  CHECK_FALSE(tokenIsFresh(token, kNow + 200000));
  CHECK(tokenIsFresh(token, kNow + 100000, 10000));
  CHECK_FALSE(tokenIsFresh(token, kNow + 110000, 10000));
}
