// The validators of everything a caller passes in: the request, the client options, the call options.

#include <algorithm>

#include "core/config.hpp"
#include "core/json_fields.hpp"
#include "core/request.hpp"
#include "core/text.hpp"
#include "decode_input_object.hpp"
#include "fuzz_check.hpp"

namespace {

using namespace kyc;

bool mentionsSecret(std::string_view text) { return text.find(fuzz::kSecretMarker) != std::string_view::npos; }

// Messages go into KycError.message: printable, valid text, and never a string value. Keys are quoted
// (cleaned), so a key that reads as the marker once cleaned makes the secrecy check moot for that input.
void checkIssues(const std::vector<Issue>& issues, bool keyHasMarker) {
  for (const Issue& issue : issues) {
    FUZZ_CHECK(!issue.message.empty());
    FUZZ_CHECK(isValidUtf8(issue.message));
    FUZZ_CHECK(!hasControlCharacter(issue.message));
    FUZZ_CHECK(keyHasMarker || !mentionsSecret(issue.message));
  }
}

void checkRequest(const InputObject& input, bool keyHasMarker) {
  const ValidatedRequest result = validateRequest(input);
  FUZZ_CHECK(result.request.has_value() == result.issues.empty());
  checkIssues(result.issues, keyHasMarker);
  if (!result.request) return;

  const KycLinkRequest& request = *result.request;
  FUZZ_CHECK(!request.workflowId.empty());
  FUZZ_CHECK(!request.expiryTime || (*request.expiryTime >= 1 && *request.expiryTime <= kMaxExpiryMinutes));
  const auto wire = parseJsonObject(toWireJson(request));
  FUZZ_CHECK(wire.has_value());
  const std::string* workflowId = jsonString(*wire, "workflowId");
  FUZZ_CHECK(workflowId && *workflowId == request.workflowId);
  FUZZ_CHECK(jsonMember(*wire, "redirectUrl") == nullptr);  // the wire name is redirect_url
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const InputObject input =
      fuzz::decodeInputObject(std::string_view(reinterpret_cast<const char*>(bytes), size));

  const bool keyHasMarker = std::any_of(input.fields.begin(), input.fields.end(), [](const auto& field) {
    return mentionsSecret(cleanText(field.first, field.first.size()));
  });

  checkRequest(input, keyHasMarker);

  const ValidatedConfig config = validateConfig(input);
  FUZZ_CHECK(config.config.has_value() == config.issues.empty());
  checkIssues(config.issues, keyHasMarker);
  if (config.config) {
    FUZZ_CHECK(config.config->timeoutMs >= 1 && config.config->timeoutMs <= 600000);
    FUZZ_CHECK(config.config->maxRetries >= 0 && config.config->maxRetries <= 10);
  }

  const ValidatedCallOptions call = validateCallOptions(input);
  FUZZ_CHECK(call.options.has_value() == call.issues.empty());
  checkIssues(call.issues, keyHasMarker);
  return 0;
}
