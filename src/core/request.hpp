#pragma once
// The KYC-link request: its rules and its exact wire form.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "errors.hpp"
#include "input.hpp"

namespace kyc {

inline constexpr int kMaxIdLength = 128;           // characters (code points) in workflowId/applicationId
inline constexpr long kMaxExpiryMinutes = 525600;  // one year

struct KycLinkRequest {
  std::string workflowId;
  std::optional<std::string> applicationId;
  std::optional<long> expiryTime;  // minutes
  std::optional<std::string> redirectUrl;
};

struct ValidatedRequest {
  std::optional<KycLinkRequest> request;  // set exactly when issues is empty
  std::vector<Issue> issues;              // every problem at once
};

// An identifier FACEKI matches exactly (workflowId, applicationId, a records query's value): text of
// 1..kMaxIdLength characters with no surrounding whitespace (a copy-paste from the portal would
// otherwise silently name another workflow or record). nullopt (with an issue) otherwise.
std::optional<std::string> requireIdentifier(std::string_view field, const InputValue& value,
                                             std::vector<Issue>& issues);

// Keys: workflowId, applicationId, expiryTime, redirectUrl (alias redirect_url; both at once is an issue).
// Undefined or null for an optional field means absent. Unknown keys are issues, with a suggestion for
// near misses ("workflowID" -> "workflowId", "redirectURL" -> "redirectUrl", "expiry" -> "expiryTime").
ValidatedRequest validateRequest(const InputObject& input);

// {"workflowId":..,"applicationId":..,"expiryTime":<number>,"redirect_url":..}, absent fields omitted.
std::string toWireJson(const KycLinkRequest& request);

}  // namespace kyc
