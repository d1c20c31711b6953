// The link endpoint's answer: classifyLinkResponse, serverMessage, and the retry decision on the result.

#include "check_failure.hpp"
#include "check_link.hpp"
#include "core/response.hpp"
#include "core/server_message.hpp"
#include "decode_http_response.hpp"

namespace {

using namespace kyc;

bool isRetryableStatus(int status) { return status == 429 || status == 502 || status == 503 || status == 504; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const HttpResponse response = fuzz::decodeResponse(std::string_view(reinterpret_cast<const char*>(bytes), size));
  const double nowEpochMs = fuzz::kFuzzNowEpochMs;

  const LinkResult result = classifyLinkResponse(response, nowEpochMs);
  FUZZ_CHECK(result.link.has_value() != result.failure.has_value());
  if (result.link) {
    FUZZ_CHECK(response.outcome == TransportOutcome::Response);
    FUZZ_CHECK(response.status >= 200 && response.status <= 299);
    fuzz::checkLink(*result.link);
  } else {
    const Failure& failure = *result.failure;
    fuzz::checkFailure(failure, response);
    FUZZ_CHECK(failure.retryable ==
               (failure.code == ErrorCode::NetworkError ||
                (response.outcome == TransportOutcome::Response && isRetryableStatus(response.status))));
    if (failure.code == ErrorCode::ApiError) FUZZ_CHECK(failure.responseCode && *failure.responseCode != 0);
  }

  const std::string message = serverMessage(response.body);
  FUZZ_CHECK(codePointCount(message) <= 200);
  FUZZ_CHECK(isValidUtf8(message) && !hasControlCharacter(message));
  return 0;
}
