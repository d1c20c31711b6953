#pragma once
// Which verification records to ask FACEKI for: exactly one of { link }, { requestId }, { applicationId },
// and the records request's path and query for it.

#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"
#include "input.hpp"

namespace kyc {

struct RecordsQuery {
  std::string wireKey;  // "link", "requestId" or "record_identifier" (what this package calls applicationId)
  std::string value;
};

struct ValidatedRecordsQuery {
  std::optional<RecordsQuery> query;  // set exactly when issues is empty
  std::vector<Issue> issues;
};

// Exactly one of the keys link, requestId, applicationId, its value an identifier (requireIdentifier:
// the link request's rules). Undefined or null means absent; unknown keys are issues.
ValidatedRecordsQuery validateRecordsQuery(const InputObject& input);

// "/kycverify/api/kycverify/records?<wireKey>=<value, percent-encoded>".
std::string recordsPath(const RecordsQuery& query);

}  // namespace kyc
