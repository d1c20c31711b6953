// Webhooks: validateWebhookOptions on decoded options, parseWebhookBody on decoded deliveries.
//   line 1: the header's value, or the single byte '-' for a missing header
//   the rest: the body
// The secret is fixed ("s3cr3t-hook"), so a seed with it as line 1 reaches the body parser. Invariants:
// exactly one of event and failure; 401 unless the header matched; no message holds the secret marker
// (the secret, or a header or body value that carries it); the matcher agrees with ==; an event's type
// is verification.completed exactly when the body's kycData is an object.

#include "check_issues.hpp"
#include "core/json_fields.hpp"
#include "core/text.hpp"
#include "core/webhook.hpp"
#include "decode_http_response.hpp"
#include "decode_input_object.hpp"
#include "fuzz_check.hpp"

namespace {

using namespace kyc;

const std::string kSecret = "s3cr3t-hook";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(bytes), size);
  // A first byte of 'O' makes the rest webhook options (decode_input_object.hpp).
  if (!input.empty() && input[0] == 'O') {
    const InputObject decoded = fuzz::decodeInputObject(input.substr(1));
    const ValidatedWebhookOptions validated = validateWebhookOptions(decoded);
    FUZZ_CHECK(validated.options.has_value() == validated.issues.empty());
    fuzz::checkIssues(validated.issues, fuzz::anyKeyMentionsSecret(decoded));
    if (validated.options) FUZZ_CHECK(!validated.options->secret.empty() && validated.options->maxBodyBytes >= 1);
    return 0;
  }

  const std::string_view line = fuzz::takeLine(input);
  const std::optional<std::string> header = line == "-" ? std::nullopt : std::optional<std::string>(line);
  WebhookOptions options;
  options.secret = kSecret;
  options.maxBodyBytes = 2048;
  const WebhookResult result = parseWebhookBody(options, header, input);
  FUZZ_CHECK(result.event.has_value() != result.failure.has_value());
  FUZZ_CHECK(webhookSecretMatches(line, kSecret) == (line == kSecret));
  const bool authorized = header && *header == kSecret;
  if (!authorized) {
    FUZZ_CHECK(result.failure && result.failure->code == ErrorCode::WebhookUnauthorized);
    FUZZ_CHECK(result.failure->status == 401);
  }
  if (result.failure) {
    const Failure& failure = *result.failure;
    FUZZ_CHECK(failure.status == 401 || failure.status == 400 || failure.status == 413);
    FUZZ_CHECK(isValidUtf8(failure.message) && !hasControlCharacter(failure.message));
    // The secret, and any header or body value carrying the marker, never reach a message.
    FUZZ_CHECK(failure.message.find(fuzz::kSecretMarker) == std::string::npos);
    if (failure.status == 413) FUZZ_CHECK(input.size() > options.maxBodyBytes);
  } else {
    FUZZ_CHECK(input.size() <= options.maxBodyBytes);
    // An event comes only from a JSON object, and it is verification.completed exactly when kycData is an object.
    const auto body = parseJsonObject(input);
    FUZZ_CHECK(body.has_value());
    const nlohmann::ordered_json* kycData = jsonMember(*body, "kycData");
    FUZZ_CHECK((kycData && kycData->is_object()) == (result.event->type == WebhookType::VerificationCompleted));
    if (result.event->type == WebhookType::VerificationCompleted) {
      FUZZ_CHECK(result.event->requestId && !result.event->requestId->empty());
    }
  }
  return 0;
}
