#include "webhook.hpp"

#include <algorithm>
#include <cctype>

#include "input_rules.hpp"
#include "json_fields.hpp"

namespace kyc {
namespace {

using Json = nlohmann::ordered_json;

constexpr NumberRule kMaxBodyRule{"an integer number of bytes", 1, static_cast<double>(kLargestMaxWebhookBytes), true};

// RFC 9110 token characters: what a header name may hold.
bool isHeaderName(const std::string& name) {
  return name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~") ==
         std::string::npos;
}

WebhookResult refused(ErrorCode code, int status, std::string message) {
  Failure failure;
  failure.code = code;
  failure.status = status;
  failure.message = std::move(message);
  return {std::nullopt, std::move(failure)};
}

WebhookResult invalid(const char* what) {
  return refused(ErrorCode::WebhookInvalid, 400, std::string("the webhook body ") + what);
}

// A string member, or nullopt for anything else.
std::optional<std::string> stringMember(const Json& object, const char* key) {
  const std::string* text = jsonString(object, key);
  return text ? std::optional<std::string>(*text) : std::nullopt;
}

// A member that must be a string when present (null counts as absent): false for another type.
bool optionalString(const Json& object, const char* key, std::optional<std::string>& out) {
  const Json* value = jsonMember(object, key);
  if (!value || value->is_null()) return true;
  out = stringMember(object, key);
  return out.has_value();
}

bool hasAmlKey(const Json& body) {
  for (auto member = body.begin(); member != body.end(); ++member) {
    const std::string& key = member.key();
    if (key.size() >= 3 && std::tolower(static_cast<unsigned char>(key[0])) == 'a' &&
        std::tolower(static_cast<unsigned char>(key[1])) == 'm' &&
        std::tolower(static_cast<unsigned char>(key[2])) == 'l')
      return true;
  }
  return false;
}

WebhookResult completedEvent(const Json& body, const Json& kycData) {
  WebhookEvent event;
  event.type = WebhookType::VerificationCompleted;
  event.requestId = stringMember(body, "requestId");
  if (!event.requestId || event.requestId->empty()) return invalid("has kycData but no requestId string");
  const std::string* status = jsonString(body, "status");
  if (!status) return invalid("has kycData but no status string");
  event.status = verificationStatusFrom(status);
  if (!optionalString(body, "fullName", event.fullName)) return invalid("has a fullName that is not a string");
  if (!optionalString(kycData, "link", event.linkId)) return invalid("has a kycData.link that is not a string");
  if (!optionalString(kycData, "record_identifier", event.applicationId))
    return invalid("has a kycData.record_identifier that is not a string");
  return {std::move(event), std::nullopt};
}

}  // namespace

ValidatedWebhookOptions validateWebhookOptions(const InputObject& input) {
  ValidatedWebhookOptions result;
  auto& issues = result.issues;
  if (!requirePlainObject(input, "webhook options", issues)) return result;

  WebhookOptions options;
  if (const InputValue* value = givenField(input, "header")) {
    if (auto name = requireText("header", *value, issues)) {
      if (isHeaderName(*name)) {
        std::transform(name->begin(), name->end(), name->begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        options.header = *name;
      } else {
        issues.push_back({"header", "header must be an HTTP header name (letters, digits and !#$%&'*+-.^_`|~)"});
      }
    }
  }
  if (const InputValue* value = givenField(input, "secret")) {
    if (auto secret = requireText("secret", *value, issues, kMaxWebhookSecretLength)) options.secret = *secret;
  } else {
    issues.push_back({"secret", "secret is required: the value FACEKI sends in the header (set in its portal)"});
  }
  if (const InputValue* value = givenField(input, "maxBodyBytes")) {
    if (auto bytes = requireNumber("maxBodyBytes", *value, kMaxBodyRule, issues))
      options.maxBodyBytes = static_cast<std::size_t>(*bytes);
  }
  reportUnknownKeys(input, {"header", "secret", "maxBodyBytes"}, issues);
  if (issues.empty()) result.options = std::move(options);
  return result;
}

bool webhookSecretMatches(std::string_view given, std::string_view secret) {
  const std::size_t length = std::max(given.size(), secret.size());
  unsigned difference = given.size() == secret.size() ? 0 : 1;
  for (std::size_t i = 0; i < length; ++i) {
    const unsigned char a = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
    const unsigned char b = i < secret.size() ? static_cast<unsigned char>(secret[i]) : 0;
    difference |= static_cast<unsigned>(a ^ b);
  }
  return difference == 0;
}

const char* webhookTypeName(WebhookType type) {
  switch (type) {
    case WebhookType::VerificationCompleted:
      return "verification.completed";
    case WebhookType::VerificationStatusUpdated:
      return "verification.status_updated";
    case WebhookType::AmlUpdated:
      return "aml.updated";
    case WebhookType::Unknown:
      return "unknown";
  }
  return "unknown";
}

WebhookResult parseWebhookBody(const WebhookOptions& options, const std::optional<std::string>& headerValue,
                               std::string_view body) {
  // Compared even when the header is missing, so that a missing and a wrong one take the same time.
  const bool matches = webhookSecretMatches(headerValue ? *headerValue : std::string_view(), options.secret);
  if (!headerValue || !matches) {
    return refused(ErrorCode::WebhookUnauthorized, 401,
                   "the webhook's " + options.header + " header is " + (headerValue ? "wrong" : "missing"));
  }
  if (body.size() > options.maxBodyBytes) {
    return refused(ErrorCode::WebhookInvalid, 413,
                   "the webhook body is over maxBodyBytes (" + std::to_string(options.maxBodyBytes) + " bytes)");
  }
  const auto parsed = parseJsonObject(body);
  if (!parsed) return invalid("is not a JSON object");

  const Json* kycData = jsonMember(*parsed, "kycData");
  if (kycData && kycData->is_object()) return completedEvent(*parsed, *kycData);

  WebhookEvent event;
  event.requestId = stringMember(*parsed, "requestId");
  event.fullName = stringMember(*parsed, "fullName");
  const std::string* status = jsonString(*parsed, "status");
  if (hasAmlKey(*parsed)) {
    event.type = WebhookType::AmlUpdated;
  } else if (status && event.requestId) {
    event.type = WebhookType::VerificationStatusUpdated;
  }
  event.status = status && *status == "APPROVED" ? VerificationStatus::Accepted : verificationStatusFrom(status);
  return {std::move(event), std::nullopt};
}

}  // namespace kyc
