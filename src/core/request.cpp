#include "request.hpp"

#include <nlohmann/json.hpp>

#include "input_rules.hpp"
#include "text.hpp"
#include "url.hpp"

namespace kyc {
namespace {

const std::vector<std::string_view> kKnownKeys = {"workflowId", "applicationId", "expiryTime", "redirectUrl",
                                                  "redirect_url"};

constexpr NumberRule kExpiryRule{"an integer number of minutes", 1, kMaxExpiryMinutes, true};

std::optional<std::string> checkRedirectUrl(std::string_view field, const InputValue& value,
                                            std::vector<Issue>& issues) {
  auto url = requireText(field, value, issues, kMaxUrlLength);
  if (!url) return std::nullopt;
  if (auto problem = redirectUrlProblem(*url)) {
    issues.push_back({std::string(field), std::string(field) + " " + *problem});
    return std::nullopt;
  }
  return url;
}

}  // namespace

std::optional<std::string> requireIdentifier(std::string_view field, const InputValue& value,
                                             std::vector<Issue>& issues) {
  std::optional<std::string> text = requireText(field, value, issues, kMaxIdLength);
  if (text && hasSurroundingWhitespace(*text)) {
    issues.push_back({std::string(field), std::string(field) + " must not start or end with whitespace"});
    return std::nullopt;
  }
  return text;
}

ValidatedRequest validateRequest(const InputObject& input) {
  ValidatedRequest result;
  auto& issues = result.issues;
  if (!requirePlainObject(input, "request", issues)) return result;

  KycLinkRequest request;
  if (const InputValue* value = givenField(input, "workflowId")) {
    if (auto text = requireIdentifier("workflowId", *value, issues)) request.workflowId = *text;
  } else {
    issues.push_back({"workflowId", "workflowId is required"});
  }
  if (const InputValue* value = givenField(input, "applicationId")) {
    request.applicationId = requireIdentifier("applicationId", *value, issues);
  }
  if (const InputValue* value = givenField(input, "expiryTime")) {
    if (auto minutes = requireNumber("expiryTime", *value, kExpiryRule, issues)) {
      request.expiryTime = static_cast<long>(*minutes);
    }
  }

  const InputValue* camel = givenField(input, "redirectUrl");
  const InputValue* snake = givenField(input, "redirect_url");
  if (camel && snake) {
    issues.push_back({"redirectUrl", "pass either redirectUrl or redirect_url, not both"});
  }
  if (camel) request.redirectUrl = checkRedirectUrl("redirectUrl", *camel, issues);
  if (snake) request.redirectUrl = checkRedirectUrl("redirect_url", *snake, issues);

  reportUnknownKeys(input, kKnownKeys, issues);
  if (issues.empty()) result.request = std::move(request);
  return result;
}

std::string toWireJson(const KycLinkRequest& request) {
  nlohmann::ordered_json wire;
  wire["workflowId"] = request.workflowId;
  if (request.applicationId) wire["applicationId"] = *request.applicationId;
  if (request.expiryTime) wire["expiryTime"] = *request.expiryTime;
  if (request.redirectUrl) wire["redirect_url"] = *request.redirectUrl;
  return wire.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

}  // namespace kyc
