// The request validator and the wire JSON it leads to.

#include <string_view>

#include "check_issues.hpp"
#include "core/json_fields.hpp"
#include "core/request.hpp"
#include "decode_input_object.hpp"

using namespace kyc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const InputObject input = fuzz::decodeInputObject(std::string_view(reinterpret_cast<const char*>(bytes), size));

  const ValidatedRequest result = validateRequest(input);
  FUZZ_CHECK(result.request.has_value() == result.issues.empty());
  fuzz::checkIssues(result.issues, fuzz::anyKeyMentionsSecret(input));
  if (fuzz::holdsUncopiedString(input)) FUZZ_CHECK(!result.request);
  if (!result.request) return 0;

  const KycLinkRequest& request = *result.request;
  FUZZ_CHECK(!request.workflowId.empty());
  FUZZ_CHECK(!request.expiryTime || (*request.expiryTime >= 1 && *request.expiryTime <= kMaxExpiryMinutes));
  const auto wire = parseJsonObject(toWireJson(request));
  FUZZ_CHECK(wire.has_value());
  const std::string* workflowId = jsonString(*wire, "workflowId");
  FUZZ_CHECK(workflowId && *workflowId == request.workflowId);
  FUZZ_CHECK(jsonMember(*wire, "redirectUrl") == nullptr);  // the wire name is redirect_url
  return 0;
}
