#pragma once
// FACEKI's responseCode table (faceki-api.md section 3) as stable reason names.

#include <string>
#include <vector>

namespace kyc {

// 0 SUCCESS, 1 UNAUTHORIZED, 400 BAD_REQUEST, 500/1000 INTERNAL_ERROR, 5001 WORKFLOW_NOT_FOUND,
// 5002 INVALID_FIELDS, 5003 INSUFFICIENT_CREDIT, 5009 LINK_LIMIT_REACHED, 8013 DATA_NOT_FOUND,
// 8014 INVALID_LINK, 8015 LINK_EXPIRED, 8016 LINK_GENERATION_FAILED, 8017 KYC_LIMIT_REACHED;
// anything else UNKNOWN.
const char* facekiReason(int responseCode);

// A sentence for a human, e.g. "the workflow has no rules; is the workflowId right?".
const char* facekiDescription(int responseCode);

// Every reason name facekiReason can return, UNKNOWN included, each once, in table order.
std::vector<std::string> facekiReasonNames();

}  // namespace kyc
