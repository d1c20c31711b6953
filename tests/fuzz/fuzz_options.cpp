// The client options and per-call options validators.

#include <string_view>

#include "check_issues.hpp"
#include "core/config.hpp"
#include "decode_input_object.hpp"

using namespace kyc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const InputObject input = fuzz::decodeInputObject(std::string_view(reinterpret_cast<const char*>(bytes), size));
  const bool keyMentionsSecret = fuzz::anyKeyMentionsSecret(input);

  const ValidatedConfig config = validateConfig(input);
  FUZZ_CHECK(config.config.has_value() == config.issues.empty());
  fuzz::checkIssues(config.issues, keyMentionsSecret);
  if (fuzz::holdsUncopiedString(input)) FUZZ_CHECK(!config.config);
  if (config.config) {
    FUZZ_CHECK(config.config->timeoutMs >= 1 && config.config->timeoutMs <= 600000);
    FUZZ_CHECK(config.config->maxRetries >= 0 && config.config->maxRetries <= 10);
    FUZZ_CHECK(!config.config->baseUrl.empty() && config.config->baseUrl.back() != '/');
  }

  const ValidatedCallOptions call = validateCallOptions(input);
  FUZZ_CHECK(call.options.has_value() == call.issues.empty());
  fuzz::checkIssues(call.issues, keyMentionsSecret);
  if (fuzz::holdsUncopiedString(input)) FUZZ_CHECK(!call.options);
  return 0;
}
