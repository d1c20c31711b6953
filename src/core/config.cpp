#include "config.hpp"

#include <initializer_list>

#include "input_rules.hpp"
#include "token.hpp"
#include "url.hpp"

namespace kyc {
namespace {

// Nothing here may echo a string value: token and clientSecret are secrets.

const std::vector<std::string_view> kConfigKeys = {"baseUrl",       "token",           "getToken",   "clientId",
                                                   "clientSecret",  "timeoutMs",       "maxRetries", "tokenEndpoint",
                                                   "retryTimeouts", "maxResponseBytes"};
const std::vector<std::string_view> kCallKeys = {"timeoutMs", "maxRetries", "signal"};

constexpr NumberRule kTimeoutRule{"a number of milliseconds", 1, 600000, false};
constexpr NumberRule kMaxRetriesRule{"an integer", 0, 10, true};
constexpr NumberRule kMaxResponseBytesRule{"an integer number of bytes", kSmallestMaxResponseBytes,
                                           kLargestMaxResponseBytes, true};

constexpr const char* kCredentialChoices = "token, getToken, or clientId with clientSecret";

std::optional<std::string> checkBaseUrl(const InputValue& value, std::vector<Issue>& issues) {
  const auto url = requireText("baseUrl", value, issues, kMaxUrlLength);
  if (!url) return std::nullopt;
  if (const auto problem = baseUrlProblem(*url)) {
    issues.push_back({"baseUrl", "baseUrl " + *problem});
    return std::nullopt;
  }
  return normalizeBaseUrl(*url);
}

std::optional<TokenEndpoint> checkTokenEndpoint(const InputValue& value, std::vector<Issue>& issues) {
  if (value.kind == ValueKind::String && value.text == "generate-token") return TokenEndpoint::GenerateToken;
  if (value.kind == ValueKind::String && value.text == "access-token") return TokenEndpoint::AccessToken;
  const std::string message = value.kind == ValueKind::String
                                  ? "tokenEndpoint must be \"generate-token\" or \"access-token\""
                                  : "tokenEndpoint must be a string, got " + jsTypeName(value);
  issues.push_back({"tokenEndpoint", message});
  return std::nullopt;
}

// "; clientSecret is undefined: is FACEKI_CLIENT_SECRET set?" for each credential key that is present with
// the value undefined or null (typically an unset environment variable), else "".
std::string absentValueHints(const InputObject& options, std::initializer_list<std::string_view> keys) {
  std::string hints;
  for (const std::string_view key : keys) {
    for (const auto& [name, value] : options.fields) {
      if (name != key || (value.kind != ValueKind::Undefined && value.kind != ValueKind::Null)) continue;
      hints += "; " + name + (value.kind == ValueKind::Null ? " is null" : " is undefined");
      if (name == "clientId") hints += ": is FACEKI_CLIENT_ID set?";
      if (name == "clientSecret") hints += ": is FACEKI_CLIENT_SECRET set?";
    }
  }
  return hints;
}

void checkCredentials(const InputObject& options, ClientConfig& config, std::vector<Issue>& issues) {
  const InputValue* token = givenField(options, "token");
  const InputValue* getToken = givenField(options, "getToken");
  const InputValue* clientId = givenField(options, "clientId");
  const InputValue* clientSecret = givenField(options, "clientSecret");
  const bool pair = clientId || clientSecret;

  const int kinds = (token ? 1 : 0) + (getToken ? 1 : 0) + (pair ? 1 : 0);
  if (kinds == 0) {
    issues.push_back({"credentials", std::string("pass one of ") + kCredentialChoices +
                                         absentValueHints(options, {"token", "getToken", "clientId", "clientSecret"})});
  }
  if (kinds > 1) issues.push_back({"credentials", std::string("pass only one of ") + kCredentialChoices});

  if (token) {
    config.credentials = CredentialKind::StaticToken;
    if (auto text = requireText("token", *token, issues)) {
      if (const auto problem = bearerTokenProblem(*text)) {
        issues.push_back({"token", "token " + *problem});  // the same rule as a token from FACEKI
      } else {
        config.token = *text;
      }
    }
  }
  if (getToken) {
    config.credentials = CredentialKind::TokenProvider;
    if (getToken->kind != ValueKind::Object || getToken->typeName != "function") {
      issues.push_back({"getToken", "getToken must be a function, got " + jsTypeName(*getToken)});
    }
  }
  if (pair) {
    config.credentials = CredentialKind::ClientCredentials;
    if (!clientId) {
      issues.push_back(
          {"clientId", "clientId is required with clientSecret" + absentValueHints(options, {"clientId"})});
    }
    if (!clientSecret) {
      issues.push_back(
          {"clientSecret", "clientSecret is required with clientId" + absentValueHints(options, {"clientSecret"})});
    }
    if (clientId) {
      if (auto text = requireText("clientId", *clientId, issues)) config.clientId = *text;
    }
    if (clientSecret) {
      if (auto text = requireText("clientSecret", *clientSecret, issues)) config.clientSecret = *text;
    }
  }
}

}  // namespace

ValidatedConfig validateConfig(const InputObject& options) {
  ValidatedConfig result;
  auto& issues = result.issues;
  if (!requirePlainObject(options, "options", issues)) return result;

  ClientConfig config;
  if (const InputValue* value = givenField(options, "baseUrl")) {
    if (auto url = checkBaseUrl(*value, issues)) config.baseUrl = *url;
  }
  checkCredentials(options, config, issues);
  if (const InputValue* value = givenField(options, "timeoutMs")) {
    if (auto ms = requireNumber("timeoutMs", *value, kTimeoutRule, issues)) config.timeoutMs = *ms;
  }
  if (const InputValue* value = givenField(options, "maxRetries")) {
    if (auto n = requireNumber("maxRetries", *value, kMaxRetriesRule, issues)) config.maxRetries = static_cast<int>(*n);
  }
  if (const InputValue* value = givenField(options, "tokenEndpoint")) {
    if (auto endpoint = checkTokenEndpoint(*value, issues)) config.tokenEndpoint = *endpoint;
    if (config.credentials != CredentialKind::ClientCredentials) {
      issues.push_back({"tokenEndpoint", "tokenEndpoint applies only with clientId and clientSecret"});
    }
  }

  if (const InputValue* value = givenField(options, "retryTimeouts")) {
    if (value->kind == ValueKind::Boolean) {
      config.retryTimeouts = value->boolean;
    } else {
      issues.push_back({"retryTimeouts", "retryTimeouts must be a boolean, got " + jsTypeName(*value)});
    }
  }

  if (const InputValue* value = givenField(options, "maxResponseBytes")) {
    if (auto n = requireNumber("maxResponseBytes", *value, kMaxResponseBytesRule, issues)) {
      config.maxResponseBytes = static_cast<std::size_t>(*n);
    }
  }

  reportUnknownKeys(options, kConfigKeys, issues);
  if (issues.empty()) result.config = std::move(config);
  return result;
}

ValidatedCallOptions validateCallOptions(const InputObject& options) {
  ValidatedCallOptions result;
  auto& issues = result.issues;
  if (!options.isPlainObject && options.typeName == "undefined") {
    result.options = CallOptions{};
    return result;
  }
  if (!requirePlainObject(options, "options", issues)) return result;

  CallOptions call;
  if (const InputValue* value = givenField(options, "timeoutMs")) {
    call.timeoutMs = requireNumber("timeoutMs", *value, kTimeoutRule, issues);
  }
  if (const InputValue* value = givenField(options, "maxRetries")) {
    if (auto n = requireNumber("maxRetries", *value, kMaxRetriesRule, issues)) call.maxRetries = static_cast<int>(*n);
  }
  if (const InputValue* value = givenField(options, "signal")) {
    if (value->kind != ValueKind::Object) {
      issues.push_back({"signal", "signal must be an AbortSignal, got " + jsTypeName(*value)});
    }
  }

  reportUnknownKeys(options, kCallKeys, issues);
  if (issues.empty()) result.options = call;
  return result;
}

}  // namespace kyc
