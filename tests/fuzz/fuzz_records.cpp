// The records endpoint: validateRecordsQuery and recordsPath on decoded inputs, classifyRecordsResponse
// on decoded answers. Invariants: exactly one of records and failure, failures as the link call's, the
// path's query value only unreserved characters and %XX, and no message quoting a 2xx body.

#include "check_failure.hpp"
#include "check_issues.hpp"
#include "core/records.hpp"
#include "core/records_query.hpp"
#include "decode_http_response.hpp"
#include "decode_input_object.hpp"

namespace {

using namespace kyc;

bool isEncodedValue(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved) continue;
    if (c != '%' || i + 2 >= text.size()) return false;
    for (const char digit : {text[i + 1], text[i + 2]}) {
      if (!((digit >= '0' && digit <= '9') || (digit >= 'A' && digit <= 'F'))) return false;
    }
    i += 2;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(bytes), size);
  // A first byte of 'Q' makes the rest a query object (decode_input_object.hpp); anything else an answer.
  if (!input.empty() && input[0] == 'Q') {
    const InputObject decoded = fuzz::decodeInputObject(input.substr(1));
    const ValidatedRecordsQuery validated = validateRecordsQuery(decoded);
    FUZZ_CHECK(validated.query.has_value() == validated.issues.empty());
    fuzz::checkIssues(validated.issues, fuzz::anyKeyMentionsSecret(decoded));
    if (validated.query) {
      const std::string path = recordsPath(*validated.query);
      const size_t equals = path.find('=');
      FUZZ_CHECK(equals != std::string::npos);
      FUZZ_CHECK(isEncodedValue(std::string_view(path).substr(equals + 1)));
      FUZZ_CHECK(!validated.query->value.empty());
    }
    return 0;
  }

  const HttpResponse response = fuzz::decodeResponse(input);
  const RecordsResult result = classifyRecordsResponse(response, fuzz::kFuzzNowEpochMs);
  FUZZ_CHECK(result.records.has_value() != result.failure.has_value());
  if (result.records) {
    FUZZ_CHECK(response.outcome == TransportOutcome::Response && response.status >= 200 && response.status <= 299);
    FUZZ_CHECK(result.records->size() <= kMaxRecords);
    for (const VerificationRecord& record : *result.records) {
      const std::string name = verificationStatusName(record.status);  // what JS sees reads back as the same status
      FUZZ_CHECK(verificationStatusFrom(&name) == record.status);
    }
  } else {
    fuzz::checkFailure(*result.failure, response);
    const bool success =
        response.outcome == TransportOutcome::Response && response.status >= 200 && response.status <= 299;
    // A 2xx failure never quotes the body (records carry link IDs and names): seeds mark values with
    // the secret marker, which no message of the core's own contains.
    if (success) FUZZ_CHECK(result.failure->message.find(fuzz::kSecretMarker) == std::string::npos);
  }
  return 0;
}
