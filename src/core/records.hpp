#pragma once
// Turning the records endpoint's answer (the v3 envelope) into verification records or a Failure.

#include <optional>
#include <string>
#include <vector>

#include "errors.hpp"
#include "http.hpp"

namespace kyc {

// More records than this in one answer is not a shape FACEKI documents (one link makes a few).
inline constexpr std::size_t kMaxRecords = 10000;

enum class VerificationStatus { Accepted, Declined, Review, Unknown };

// "ACCEPTED", "DECLINED", "REVIEW", "UNKNOWN".
const char* verificationStatusName(VerificationStatus status);

// ACCEPTED, DECLINED or REVIEW for exactly those strings; Unknown for anything else (or nothing).
VerificationStatus verificationStatusFrom(const std::string* text);

struct VerificationRecord {
  std::optional<std::string> requestId;      // the record's `requestId`
  std::optional<std::string> linkId;         // its `link`
  std::optional<std::string> applicationId;  // its `record_identifier`
  // No decision field is documented on a record: a `status` string of exactly ACCEPTED, DECLINED or
  // REVIEW (the webhook's words) is used when FACEKI sends one; otherwise Unknown.
  VerificationStatus status = VerificationStatus::Unknown;
  // The record's `fullName` or `full_name`, else the first document's `full_name`.
  std::optional<std::string> fullName;
};

struct RecordsResult {
  std::optional<std::vector<VerificationRecord>> records;  // exactly one of records and failure is set
  std::optional<Failure> failure;
  // With records: the answer's body, whose result[i] is records[i] as FACEKI sent it (the JS skin hands
  // those out as `raw`, parsed by the engine rather than copied field by field across the boundary).
  std::string body;
};

// Transport outcomes and non-2xx statuses as for the link call (http_failure.hpp). A 2xx body must be
// {"status": true, "result": [record objects]} (code, message and appVersion are not needed);
// {"status": false, "code": 8013} (data not found) is an empty list; another "status": false is
// ApiError with code as responseCode. Each record's requestId, link, record_identifier, status,
// fullName and full_name must be strings when present (null counts as absent), its document_data an
// array of objects. Anything else is BadResponse; no message quotes a value from the body.
RecordsResult classifyRecordsResponse(const HttpResponse& response, double nowEpochMs);

}  // namespace kyc
