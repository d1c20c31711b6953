// Webhooks: the options, the constant-time header check, every kind of documented body and every bad one.

#include <catch2/catch.hpp>

#include "core/webhook.hpp"
#include "input_builders.hpp"

using namespace kyc;
using namespace kyc::test;
using Catch::Matchers::Contains;

namespace {

const std::string kSecret = "hook-secret-93b1";
const std::string kLinkId = "4a7c8f2e-1111-2222-3333-444455556666";

WebhookOptions options() {
  WebhookOptions configured;
  configured.secret = kSecret;
  return configured;
}

const std::string kCompleted =
    R"({"requestId":"req-1","fullName":"JANE Q SAMPLE","status":"DECLINED","kycData":{"link":")" + kLinkId +
    R"(","record_identifier":"user-7","document_data":[]}})";

WebhookEvent eventOf(const std::string& body) {
  const WebhookResult result = parseWebhookBody(options(), kSecret, body);
  INFO(body);
  REQUIRE(result.event);
  CHECK_FALSE(result.failure);
  return *result.event;
}

Failure failureOf(const std::string& body, std::optional<std::string> header = kSecret,
                  WebhookOptions configured = options()) {
  const WebhookResult result = parseWebhookBody(configured, header, body);
  INFO(body);
  REQUIRE(result.failure);
  CHECK_FALSE(result.event);
  CHECK_THAT(result.failure->message, !Contains(kSecret) && !Contains(kLinkId) && !Contains("JANE"));
  return *result.failure;
}

}  // namespace

TEST_CASE("webhook options: header, secret and the body cap") {
  const auto defaults = validateWebhookOptions(obj({{"secret", str(kSecret)}}));
  REQUIRE(defaults.options);
  CHECK(defaults.options->header == "authorization");
  CHECK(defaults.options->maxBodyBytes == 1024 * 1024);
  const auto custom = validateWebhookOptions(
      obj({{"secret", str(kSecret)}, {"header", str("X-FaceKI-Token")}, {"maxBodyBytes", num(2048)}}));
  REQUIRE(custom.options);
  CHECK(custom.options->header == "x-faceki-token");
  CHECK(custom.options->maxBodyBytes == 2048);

  CHECK_THAT(messages(validateWebhookOptions(obj({})).issues).at(0), Contains("secret is required"));
  CHECK_THAT(messages(validateWebhookOptions(obj({{"secret", str("")}})).issues).at(0), Contains("empty"));
  CHECK_THAT(messages(validateWebhookOptions(obj({{"secret", num(1)}})).issues).at(0), Contains("must be a string"));
  CHECK_THAT(messages(validateWebhookOptions(obj({{"secret", str("a\nb")}})).issues).at(0), Contains("control"));
  CHECK_THAT(messages(validateWebhookOptions(obj({{"secret", str("s")}, {"header", str("x y")}})).issues).at(0),
             Contains("header name"));
  CHECK_THAT(messages(validateWebhookOptions(obj({{"secret", str("s")}, {"maxBodyBytes", num(0.5)}})).issues).at(0),
             Contains("maxBodyBytes"));
  CHECK_THAT(messages(validateWebhookOptions(obj({{"secret", str("s")}, {"sercet", str("s")}})).issues).at(0),
             Contains("unknown field"));
  for (const auto& issues : {validateWebhookOptions(obj({{"secret", str(kSecret + "\n")}})).issues}) {
    for (const std::string& message : messages(issues)) CHECK_THAT(message, !Contains(kSecret));
  }
}

TEST_CASE("the secret comparison is exact") {
  CHECK(webhookSecretMatches(kSecret, kSecret));
  CHECK_FALSE(webhookSecretMatches("", kSecret));
  CHECK_FALSE(webhookSecretMatches(kSecret + "x", kSecret));
  CHECK_FALSE(webhookSecretMatches(kSecret.substr(1), kSecret));
  CHECK_FALSE(webhookSecretMatches("Hook-secret-93b1", kSecret));
  CHECK_FALSE(webhookSecretMatches(std::string("hook-secret-93b1\0", 17), kSecret));  // a NUL does not end it
  CHECK(webhookSecretMatches("", ""));
}

TEST_CASE("a missing or wrong header is WEBHOOK_UNAUTHORIZED, before the body is read") {
  const Failure missing = failureOf(kCompleted, std::nullopt);
  CHECK(missing.code == ErrorCode::WebhookUnauthorized);
  CHECK(missing.status == 401);
  CHECK_THAT(missing.message, Contains("missing"));
  const Failure wrong = failureOf("not even json", std::string("Bearer " + kSecret));
  CHECK(wrong.code == ErrorCode::WebhookUnauthorized);
  CHECK_THAT(wrong.message, Contains("wrong"));
}

TEST_CASE("the KYC result body is verification.completed") {
  const WebhookEvent event = eventOf(kCompleted);
  CHECK(event.type == WebhookType::VerificationCompleted);
  CHECK(std::string(webhookTypeName(event.type)) == "verification.completed");
  CHECK(event.requestId == "req-1");
  CHECK(event.status == VerificationStatus::Declined);
  CHECK(event.fullName == "JANE Q SAMPLE");
  CHECK(event.linkId == kLinkId);
  CHECK(event.applicationId == "user-7");
  CHECK(eventOf(R"({"requestId":"r","status":"ACCEPTED","kycData":{}})").status == VerificationStatus::Accepted);
  CHECK(eventOf(R"({"requestId":"r","status":"REVIEW","kycData":{}})").status == VerificationStatus::Review);
  const WebhookEvent odd = eventOf(R"({"requestId":"r","status":"SOMETHING NEW","kycData":{"link":null}})");
  CHECK(odd.status == VerificationStatus::Unknown);
  CHECK_FALSE(odd.linkId);
  CHECK_FALSE(odd.fullName);
}

TEST_CASE("portal status updates, AML updates and unknown kinds parse, not fail") {
  const WebhookEvent portal = eventOf(R"({"requestId":"req-1","status":"APPROVED","updatedBy":"admin"})");
  CHECK(portal.type == WebhookType::VerificationStatusUpdated);
  CHECK(portal.status == VerificationStatus::Accepted);
  CHECK(eventOf(R"({"requestId":"req-1","status":"DECLINED"})").status == VerificationStatus::Declined);

  const WebhookEvent aml = eventOf(R"({"requestId":"req-1","amlData":{"hits":2},"status":"ALERT"})");
  CHECK(aml.type == WebhookType::AmlUpdated);
  CHECK(aml.status == VerificationStatus::Unknown);
  CHECK(eventOf(R"({"AML":true})").type == WebhookType::AmlUpdated);

  for (const std::string body : {R"({})", R"({"event":"new.kind","requestId":"r"})", R"({"status":"ACCEPTED"})",
                                 R"({"requestId":5,"status":"ACCEPTED","fullName":[]})", R"({"kycData":"text"})"}) {
    const WebhookEvent unknown = eventOf(body);
    CHECK(unknown.type == WebhookType::Unknown);
    CHECK(std::string(webhookTypeName(unknown.type)) == "unknown");
  }
  CHECK_FALSE(eventOf(R"({"requestId":5,"fullName":[]})").requestId);
}

TEST_CASE("every bad webhook body is WEBHOOK_INVALID (400), and an oversized one 413") {
  const std::vector<std::string> bad = {
      "",
      "   ",
      "null",
      "[]",
      "\"text\"",
      "42",
      "{",
      R"({"a":1}{"b":2})",
      "{\"a\":\"\xff\"}",
      R"({"status":"ACCEPTED","kycData":{}})",
      R"({"requestId":"","status":"ACCEPTED","kycData":{}})",
      R"({"requestId":1,"status":"ACCEPTED","kycData":{}})",
      R"({"requestId":"r","kycData":{}})",
      R"({"requestId":"r","status":true,"kycData":{}})",
      R"({"requestId":"r","status":"ACCEPTED","fullName":{"JANE":1},"kycData":{}})",
      R"({"requestId":"r","status":"ACCEPTED","kycData":{"link":[")" + kLinkId + R"("]}})",
      R"({"requestId":"r","status":"ACCEPTED","kycData":{"record_identifier":7}})",
  };
  for (const std::string& body : bad) {
    const Failure failure = failureOf(body);
    CHECK(failure.code == ErrorCode::WebhookInvalid);
    CHECK(failure.status == 400);
  }
  WebhookOptions small = options();
  small.maxBodyBytes = 16;
  const Failure large = failureOf(R"({"requestId":"0123456789"})", kSecret, small);
  CHECK(large.code == ErrorCode::WebhookInvalid);
  CHECK(large.status == 413);
  CHECK(parseWebhookBody(small, kSecret, R"({"requestId":""})").event);  // 16 bytes exactly
  CHECK(std::string(errorCodeName(ErrorCode::WebhookInvalid)) == "WEBHOOK_INVALID");
  CHECK(std::string(errorCodeName(ErrorCode::WebhookUnauthorized)) == "WEBHOOK_UNAUTHORIZED");
}
