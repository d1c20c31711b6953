#include <catch2/catch.hpp>

#include <limits>

#include "core/config.hpp"
#include "input_builders.hpp"

using namespace kyc;
using namespace kyc::test;
using Catch::Matchers::Contains;

namespace {

const std::string kSecret = "TOP-SECRET-VALUE";

std::vector<std::string> configIssues(const InputObject& options) {
  const ValidatedConfig result = validateConfig(options);
  CHECK(result.config.has_value() == result.issues.empty());
  for (const Issue& issue : result.issues) CHECK_THAT(issue.message, !Contains(kSecret));
  return messages(result.issues);
}

// A valid token plus one more option.
std::vector<std::string> withToken(const char* key, InputValue value) {
  return configIssues(obj({{"token", str("t")}, {key, std::move(value)}}));
}

std::vector<std::string> callIssues(const InputObject& options) {
  const ValidatedCallOptions result = validateCallOptions(options);
  CHECK(result.options.has_value() == result.issues.empty());
  return messages(result.issues);
}

const std::string kTimeoutRule = "timeoutMs must be a number of milliseconds between 1 and 600000, got ";
const std::string kRetriesRule = "maxRetries must be an integer between 0 and 10, got ";

}  // namespace

TEST_CASE("a static token config gets the defaults") {
  const ValidatedConfig result = validateConfig(obj({{"token", str("abc")}}));
  REQUIRE(result.config);
  CHECK(result.config->credentials == CredentialKind::StaticToken);
  CHECK(result.config->token == "abc");
  CHECK(result.config->baseUrl == "https://sdk.faceki.com");
  CHECK(result.config->timeoutMs == 30000);
  CHECK(result.config->maxRetries == 2);
  CHECK(result.config->tokenEndpoint == TokenEndpoint::Auto);
  CHECK_FALSE(result.config->retryTimeouts);
}

TEST_CASE("getToken and client credentials configs") {
  const ValidatedConfig provider = validateConfig(obj({{"getToken", object("function")}}));
  REQUIRE(provider.config);
  CHECK(provider.config->credentials == CredentialKind::TokenProvider);

  const ValidatedConfig pair = validateConfig(obj({{"clientId", str("id")},
                                                   {"clientSecret", str("secret")},
                                                   {"tokenEndpoint", str("access-token")},
                                                   {"baseUrl", str("https://proxy.example.com/faceki/")},
                                                   {"timeoutMs", num(1500.5)},
                                                   {"maxRetries", num(0)}}));
  REQUIRE(pair.config);
  CHECK(pair.config->credentials == CredentialKind::ClientCredentials);
  CHECK(pair.config->clientId == "id");
  CHECK(pair.config->clientSecret == "secret");
  CHECK(pair.config->tokenEndpoint == TokenEndpoint::AccessToken);
  CHECK(pair.config->baseUrl == "https://proxy.example.com/faceki");
  CHECK(pair.config->timeoutMs == 1500.5);
  CHECK(pair.config->maxRetries == 0);

  const ValidatedConfig generate = validateConfig(
      obj({{"clientId", str("id")}, {"clientSecret", str("s")}, {"tokenEndpoint", str("generate-token")}}));
  REQUIRE(generate.config);
  CHECK(generate.config->tokenEndpoint == TokenEndpoint::GenerateToken);
}

TEST_CASE("options must be a plain object") {
  const ValidatedConfig result = validateConfig(notPlain("string"));
  REQUIRE(result.issues.size() == 1);
  CHECK(result.issues[0].field == "options");
  CHECK(result.issues[0].message == "options must be a plain object, got string");
}

TEST_CASE("exactly one kind of credentials") {
  CHECK(configIssues(obj({})) ==
        std::vector<std::string>{"pass one of token, getToken, or clientId with clientSecret"});
  CHECK(configIssues(obj({{"token", null()}, {"getToken", undefined()}})) ==
        std::vector<std::string>{
            "pass one of token, getToken, or clientId with clientSecret; token is null; getToken is undefined"});
  CHECK(configIssues(obj({{"token", str("t")}, {"getToken", object("function")}})) ==
        std::vector<std::string>{"pass only one of token, getToken, or clientId with clientSecret"});
  CHECK(configIssues(obj({{"token", str("t")}, {"clientId", str("i")}, {"clientSecret", str("s")}})) ==
        std::vector<std::string>{"pass only one of token, getToken, or clientId with clientSecret"});
  CHECK(fields(validateConfig(obj({})).issues) == std::vector<std::string>{"credentials"});
}

TEST_CASE("a credential key given as undefined is named, with the variable that was likely unset") {
  CHECK(configIssues(obj({{"clientId", undefined()}, {"clientSecret", undefined()}})) ==
        std::vector<std::string>{"pass one of token, getToken, or clientId with clientSecret; clientId is undefined: "
                                 "is FACEKI_CLIENT_ID set?; clientSecret is undefined: is FACEKI_CLIENT_SECRET set?"});
  CHECK(configIssues(obj({{"clientId", str("i")}, {"clientSecret", undefined()}})) ==
        std::vector<std::string>{
            "clientSecret is required with clientId; clientSecret is undefined: is FACEKI_CLIENT_SECRET set?"});
}

TEST_CASE("clientId and clientSecret come as a pair") {
  CHECK(configIssues(obj({{"clientId", str("i")}})) ==
        std::vector<std::string>{"clientSecret is required with clientId"});
  CHECK(configIssues(obj({{"clientSecret", str(kSecret)}})) ==
        std::vector<std::string>{"clientId is required with clientSecret"});
}

TEST_CASE("credential strings: non-empty, no control characters, never echoed") {
  CHECK(configIssues(obj({{"token", str("")}})) ==
        std::vector<std::string>{"token must not be empty or only whitespace"});
  CHECK(configIssues(obj({{"token", str(kSecret + "\r\nX-Injected: 1")}})) ==
        std::vector<std::string>{"token contains a control character"});
  CHECK(configIssues(obj({{"token", num(1)}})) == std::vector<std::string>{"token must be a string, got number"});
  CHECK(configIssues(obj({{"token", str(kSecret + "\xED\xA0\x80")}})) ==
        std::vector<std::string>{"token is not valid Unicode text (a lone surrogate?)"});
  CHECK(configIssues(obj({{"clientId", str("id\t")}, {"clientSecret", str(kSecret + "\n")}})) ==
        std::vector<std::string>{"clientId contains a control character", "clientSecret contains a control character"});
  CHECK(configIssues(obj({{"clientId", str(" ")}, {"clientSecret", object("object")}})) ==
        std::vector<std::string>{"clientId must not be empty or only whitespace",
                                 "clientSecret must be a string, got object"});
}

TEST_CASE("getToken must be a function") {
  CHECK(configIssues(obj({{"getToken", str(kSecret)}})) ==
        std::vector<std::string>{"getToken must be a function, got string"});
  CHECK(configIssues(obj({{"getToken", object("object")}})) ==
        std::vector<std::string>{"getToken must be a function, got object"});
}

TEST_CASE("baseUrl follows the base URL rules and is normalized") {
  CHECK(withToken("baseUrl", str("http://localhost:8080/")).empty());
  CHECK(withToken("baseUrl", str("http://" + kSecret + ".example.com")) ==
        std::vector<std::string>{"baseUrl must use https (http is allowed only for localhost, 127.0.0.1 and [::1])"});
  CHECK(withToken("baseUrl", str("https://sdk.faceki.com?x=1")) ==
        std::vector<std::string>{"baseUrl must not have a query or fragment"});
  CHECK(withToken("baseUrl", str("https://" + kSecret + "@sdk.faceki.com")) ==
        std::vector<std::string>{"baseUrl must not contain a user name or password"});
  CHECK(withToken("baseUrl", num(1)) == std::vector<std::string>{"baseUrl must be a string, got number"});
  CHECK(withToken("baseUrl", str("")) == std::vector<std::string>{"baseUrl must not be empty or only whitespace"});
  CHECK(validateConfig(obj({{"token", str("t")}, {"baseUrl", str("https://a.example//")}})).config->baseUrl ==
        "https://a.example");
}

TEST_CASE("timeoutMs: a finite number from 1 to 600000") {
  CHECK(withToken("timeoutMs", num(1)).empty());
  CHECK(withToken("timeoutMs", num(600000)).empty());
  CHECK(withToken("timeoutMs", num(0.5)) == std::vector<std::string>{kTimeoutRule + "0.5"});
  CHECK(withToken("timeoutMs", num(0)) == std::vector<std::string>{kTimeoutRule + "0"});
  CHECK(withToken("timeoutMs", num(600001)) == std::vector<std::string>{kTimeoutRule + "600001"});
  CHECK(withToken("timeoutMs", num(std::numeric_limits<double>::infinity())) ==
        std::vector<std::string>{kTimeoutRule + "Infinity"});
  CHECK(withToken("timeoutMs", num(std::numeric_limits<double>::quiet_NaN())) ==
        std::vector<std::string>{kTimeoutRule + "a value that is not a number (NaN)"});
  CHECK(withToken("timeoutMs", str("1000")) == std::vector<std::string>{kTimeoutRule + "string"});
}

TEST_CASE("maxRetries: an integer from 0 to 10") {
  CHECK(withToken("maxRetries", num(0)).empty());
  CHECK(withToken("maxRetries", num(10)).empty());
  CHECK(withToken("maxRetries", num(-1)) == std::vector<std::string>{kRetriesRule + "-1"});
  CHECK(withToken("maxRetries", num(11)) == std::vector<std::string>{kRetriesRule + "11"});
  CHECK(withToken("maxRetries", num(2.5)) == std::vector<std::string>{kRetriesRule + "2.5"});
  CHECK(withToken("maxRetries", boolean(true)) == std::vector<std::string>{kRetriesRule + "boolean"});
}

TEST_CASE("retryTimeouts: a boolean") {
  CHECK(validateConfig(obj({{"token", str("t")}, {"retryTimeouts", boolean(true)}})).config->retryTimeouts);
  CHECK(withToken("retryTimeouts", boolean(false)).empty());
  CHECK(withToken("retryTimeouts", str("yes")) ==
        std::vector<std::string>{"retryTimeouts must be a boolean, got string"});
}

TEST_CASE("tokenEndpoint: one of two names, only with client credentials") {
  CHECK(configIssues(obj({{"clientId", str("i")}, {"clientSecret", str("s")}, {"tokenEndpoint", str("auto")}})) ==
        std::vector<std::string>{"tokenEndpoint must be \"generate-token\" or \"access-token\""});
  CHECK(configIssues(obj({{"clientId", str("i")}, {"clientSecret", str("s")}, {"tokenEndpoint", num(1)}})) ==
        std::vector<std::string>{"tokenEndpoint must be a string, got number"});
  CHECK(withToken("tokenEndpoint", str("access-token")) ==
        std::vector<std::string>{"tokenEndpoint applies only with clientId and clientSecret"});
  CHECK(configIssues(obj({{"clientId", str("i")}, {"clientSecret", str("s")}, {"tokenEndpoint", null()}})).empty());
}

TEST_CASE("unknown config keys, with suggestions") {
  CHECK(withToken("timeout", num(5)) ==
        std::vector<std::string>{"unknown field \"timeout\" (did you mean \"timeoutMs\"?)"});
  CHECK(withToken("baseURL", str("x")) ==
        std::vector<std::string>{"unknown field \"baseURL\" (did you mean \"baseUrl\"?)"});
  CHECK(withToken("clientSecrt", str(kSecret)) ==
        std::vector<std::string>{"unknown field \"clientSecrt\" (did you mean \"clientSecret\"?)"});
  CHECK(withToken("retries", num(1)) ==
        std::vector<std::string>{"unknown field \"retries\" (did you mean \"maxRetries\"?)"});
  CHECK(withToken("verbose", boolean(true)) == std::vector<std::string>{"unknown field \"verbose\""});
}

TEST_CASE("every config issue at once") {
  const ValidatedConfig result = validateConfig(obj({{"baseUrl", str("ftp://x")},
                                                     {"clientSecret", str(kSecret)},
                                                     {"timeoutMs", num(0)},
                                                     {"maxRetries", num(99)},
                                                     {"tokenEndpoint", str("nope")},
                                                     {"extra", num(1)}}));
  CHECK(fields(result.issues) ==
        std::vector<std::string>{"baseUrl", "clientId", "timeoutMs", "maxRetries", "tokenEndpoint", "extra"});
}

TEST_CASE("call options") {
  CHECK(callIssues(notPlain("undefined")).empty());
  CHECK(validateCallOptions(notPlain("undefined")).options);
  CHECK(callIssues(obj({})).empty());
  CHECK(callIssues(notPlain("null")) == std::vector<std::string>{"options must be a plain object, got null"});

  const ValidatedCallOptions full =
      validateCallOptions(obj({{"timeoutMs", num(1000)}, {"maxRetries", num(3)}, {"signal", object("AbortSignal")}}));
  REQUIRE(full.options);
  CHECK(full.options->timeoutMs == std::optional<double>(1000));
  CHECK(full.options->maxRetries == std::optional<int>(3));

  const ValidatedCallOptions empty = validateCallOptions(obj({{"timeoutMs", undefined()}, {"signal", null()}}));
  REQUIRE(empty.options);
  CHECK_FALSE(empty.options->timeoutMs);
  CHECK_FALSE(empty.options->maxRetries);

  CHECK(callIssues(obj({{"timeoutMs", num(0)}})) == std::vector<std::string>{kTimeoutRule + "0"});
  CHECK(callIssues(obj({{"maxRetries", num(11)}})) == std::vector<std::string>{kRetriesRule + "11"});
  CHECK(callIssues(obj({{"signal", str("abort")}})) ==
        std::vector<std::string>{"signal must be an AbortSignal, got string"});
  CHECK(callIssues(obj({{"abortSignal", object("AbortSignal")}})) ==
        std::vector<std::string>{"unknown field \"abortSignal\" (did you mean \"signal\"?)"});
  CHECK(callIssues(obj({{"token", str("t")}})) == std::vector<std::string>{"unknown field \"token\""});
}
