#include "codes.hpp"

namespace kyc {
namespace {

struct FacekiCode {
  int code;
  const char* reason;
  const char* description;
};

constexpr FacekiCode kCodes[] = {
    {0, "SUCCESS", "success"},
    {1, "UNAUTHORIZED", "the token was not accepted, or the URL is wrong"},
    {400, "BAD_REQUEST", "FACEKI could not read the request"},
    {500, "INTERNAL_ERROR", "FACEKI had an internal error"},
    {1000, "INTERNAL_ERROR", "FACEKI had an internal error"},
    {5001, "WORKFLOW_NOT_FOUND", "the workflow has no rules; is the workflowId right?"},
    {5002, "INVALID_FIELDS", "a request field is missing or invalid"},
    {5003, "INSUFFICIENT_CREDIT", "the FACEKI wallet has not enough credit"},
    {5009, "LINK_LIMIT_REACHED", "the account's link limit is reached"},
    {8013, "DATA_NOT_FOUND", "the data was not found"},
    {8014, "INVALID_LINK", "the verification link is invalid"},
    {8015, "LINK_EXPIRED", "the verification link has expired"},
    {8016, "LINK_GENERATION_FAILED", "FACEKI failed to generate the link"},
    {8017, "KYC_LIMIT_REACHED", "the account's KYC verification limit is reached"},
};

const FacekiCode* find(int responseCode) {
  for (const FacekiCode& entry : kCodes) {
    if (entry.code == responseCode) return &entry;
  }
  return nullptr;
}

}  // namespace

const char* facekiReason(int responseCode) {
  const FacekiCode* entry = find(responseCode);
  return entry ? entry->reason : "UNKNOWN";
}

const char* facekiDescription(int responseCode) {
  const FacekiCode* entry = find(responseCode);
  return entry ? entry->description : "a code this client does not know";
}

std::vector<std::string> facekiReasonNames() {
  std::vector<std::string> names;
  for (const FacekiCode& entry : kCodes) {
    if (names.empty() || names.back() != entry.reason) names.emplace_back(entry.reason);  // 500 and 1000 share one
  }
  names.emplace_back("UNKNOWN");
  return names;
}

}  // namespace kyc
