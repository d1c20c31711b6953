#include "records_query.hpp"

#include "input_rules.hpp"
#include "request.hpp"

namespace kyc {
namespace {

constexpr const char* kRecordsPath = "/kycverify/api/kycverify/records";

struct QueryKey {
  const char* name;  // the caller's
  const char* wire;  // FACEKI's
};
constexpr QueryKey kQueryKeys[] = {
    {"link", "link"}, {"requestId", "requestId"}, {"applicationId", "record_identifier"}};

// RFC 3986 unreserved characters stay; every other byte (UTF-8 included) becomes %XX.
std::string percentEncode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (const unsigned char byte : text) {
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || byte == '-' || byte == '.' || byte == '_' || byte == '~';
    if (unreserved) {
      encoded += static_cast<char>(byte);
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 0xF];
    }
  }
  return encoded;
}

}  // namespace

ValidatedRecordsQuery validateRecordsQuery(const InputObject& input) {
  ValidatedRecordsQuery result;
  auto& issues = result.issues;
  if (!requirePlainObject(input, "query", issues)) return result;

  std::vector<RecordsQuery> given;
  for (const QueryKey& key : kQueryKeys) {
    if (const InputValue* value = givenField(input, key.name)) {
      if (auto text = requireIdentifier(key.name, *value, issues)) given.push_back({key.wire, *text});
    }
  }
  reportUnknownKeys(input, {"link", "requestId", "applicationId"}, issues);
  if (issues.empty() && given.size() != 1) {
    issues.push_back({"query", given.empty() ? "query needs one of link, requestId or applicationId"
                                             : "query takes exactly one of link, requestId or applicationId"});
  }
  if (issues.empty()) result.query = std::move(given.front());
  return result;
}

std::string recordsPath(const RecordsQuery& query) {
  return std::string(kRecordsPath) + "?" + query.wireKey + "=" + percentEncode(query.value);
}

}  // namespace kyc
