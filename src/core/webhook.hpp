#pragma once
// A FACEKI webhook: its options, the check of its fixed custom header (FACEKI signs nothing: the portal
// sends the same header on every delivery), and its body read into a typed event.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "errors.hpp"
#include "input.hpp"
#include "records.hpp"

namespace kyc {

inline constexpr const char* kDefaultWebhookHeader = "authorization";
inline constexpr std::size_t kDefaultMaxWebhookBytes = std::size_t{1024} * 1024;
inline constexpr std::size_t kLargestMaxWebhookBytes = std::size_t{64} * 1024 * 1024;
inline constexpr std::size_t kMaxWebhookSecretLength = 4096;

struct WebhookOptions {
  std::string header = kDefaultWebhookHeader;  // lower case
  std::string secret;
  std::size_t maxBodyBytes = kDefaultMaxWebhookBytes;
};

struct ValidatedWebhookOptions {
  std::optional<WebhookOptions> options;  // set exactly when issues is empty
  std::vector<Issue> issues;
};

// Keys: header (an HTTP header name; default "authorization", matched in any case), secret (required,
// 1..4096 characters, no control characters), maxBodyBytes (an integer 1..64 MiB; default 1 MiB).
ValidatedWebhookOptions validateWebhookOptions(const InputObject& input);

// Whether given equals secret, in time that depends only on their lengths: every byte of the longer is
// visited, with no early exit.
bool webhookSecretMatches(std::string_view given, std::string_view secret);

enum class WebhookType { VerificationCompleted, VerificationStatusUpdated, AmlUpdated, Unknown };

// "verification.completed", "verification.status_updated", "aml.updated", "unknown".
const char* webhookTypeName(WebhookType type);

struct WebhookEvent {
  WebhookType type = WebhookType::Unknown;
  std::optional<std::string> requestId;
  VerificationStatus status = VerificationStatus::Unknown;
  std::optional<std::string> fullName;
  std::optional<std::string> linkId;         // kycData.link
  std::optional<std::string> applicationId;  // kycData.record_identifier
};

struct WebhookResult {
  std::optional<WebhookEvent> event;  // exactly one of event and failure is set
  std::optional<Failure> failure;     // status is the HTTP status a receiver should answer: 401, 413 or 400
};

// The kinds, from FACEKI's documented bodies (faceki-api.md section 4), checked in this order:
// - verification.completed: `kycData` is an object (the KYC result body {requestId, fullName, status,
//   kycData}). requestId must be a non-empty string and status a string; fullName, kycData.link and
//   kycData.record_identifier strings when present. status is ACCEPTED, DECLINED or REVIEW as sent,
//   anything else UNKNOWN.
// - aml.updated: a top-level key that starts with "aml" in any case (the AML monitoring update's shape
//   is undocumented; its name is the one documented thing).
// - verification.status_updated: a `status` string and a `requestId` string without kycData (a portal
//   status change); APPROVED, the portal's word, reads as ACCEPTED.
// - unknown: any other JSON object, so that new FACEKI kinds do not break receivers.
// Outside verification.completed, fields of the wrong type read as absent.
// headerValue is the configured header's value (nullopt when missing). Failures: WebhookUnauthorized
// (missing or wrong header), then WebhookInvalid (body over maxBodyBytes, not a JSON object, or a
// completed event of the wrong shape). No message quotes a header or body value.
WebhookResult parseWebhookBody(const WebhookOptions& options, const std::optional<std::string>& headerValue,
                               std::string_view body);

}  // namespace kyc
