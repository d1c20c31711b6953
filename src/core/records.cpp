#include "records.hpp"

#include "codes.hpp"
#include "http_failure.hpp"
#include "json_fields.hpp"

namespace kyc {
namespace {

constexpr int kDataNotFound = 8013;

using Json = nlohmann::ordered_json;

RecordsResult failed(Failure failure) { return {std::nullopt, std::move(failure), {}}; }

constexpr const char* kCall = "the records request";

// The server's own message is not quoted either: it may name the link or the person.
RecordsResult apiError(int status, int code) {
  Failure failure;
  failure.code = ErrorCode::ApiError;
  failure.status = status;
  failure.responseCode = code;
  failure.reason = facekiReason(code);
  failure.message = "FACEKI refused the records request: code " + std::to_string(code) + " " + failure.reason + " (" +
                    facekiDescription(code) + ")";
  return failed(std::move(failure));
}

// A member that must be a string when present: false for another type. Null counts as absent.
bool optionalString(const Json& object, const char* key, std::optional<std::string>& out) {
  const Json* value = jsonMember(object, key);
  if (!value || value->is_null()) return true;
  if (!value->is_string()) return false;
  out = value->get_ref<const std::string&>();
  return true;
}

// nullptr when the record is well formed, else the name of what is wrong.
const char* readRecord(const Json& object, VerificationRecord& record) {
  if (!object.is_object()) return "is not an object";
  if (!optionalString(object, "requestId", record.requestId)) return "has a requestId that is not a string";
  if (!optionalString(object, "link", record.linkId)) return "has a link that is not a string";
  if (!optionalString(object, "record_identifier", record.applicationId))
    return "has a record_identifier that is not a string";
  std::optional<std::string> status;
  if (!optionalString(object, "status", status)) return "has a status that is not a string";
  record.status = verificationStatusFrom(status ? &*status : nullptr);
  if (!optionalString(object, "fullName", record.fullName)) return "has a fullName that is not a string";
  if (!record.fullName && !optionalString(object, "full_name", record.fullName))
    return "has a full_name that is not a string";

  const Json* documents = jsonMember(object, "document_data");
  if (!documents || documents->is_null()) return nullptr;
  if (!documents->is_array()) return "has a document_data that is not an array";
  for (const Json& document : *documents) {
    if (!document.is_object()) return "has a document that is not an object";
    std::optional<std::string> name;
    if (!optionalString(document, "full_name", name)) return "has a document whose full_name is not a string";
    if (!record.fullName) record.fullName = std::move(name);
  }
  return nullptr;
}

}  // namespace

const char* verificationStatusName(VerificationStatus status) {
  switch (status) {
    case VerificationStatus::Accepted:
      return "ACCEPTED";
    case VerificationStatus::Declined:
      return "DECLINED";
    case VerificationStatus::Review:
      return "REVIEW";
    case VerificationStatus::Unknown:
      return "UNKNOWN";
  }
  return "UNKNOWN";
}

VerificationStatus verificationStatusFrom(const std::string* text) {
  if (!text) return VerificationStatus::Unknown;
  if (*text == "ACCEPTED") return VerificationStatus::Accepted;
  if (*text == "DECLINED") return VerificationStatus::Declined;
  if (*text == "REVIEW") return VerificationStatus::Review;
  return VerificationStatus::Unknown;
}

RecordsResult classifyRecordsResponse(const HttpResponse& response, double nowEpochMs) {
  if (response.outcome != TransportOutcome::Response) return failed(transportFailure(response));
  const int status = response.status;
  if (status == 401) return failed(statusFailure(ErrorCode::Unauthorized, response, nowEpochMs));
  if (status == 429) return failed(statusFailure(ErrorCode::RateLimited, response, nowEpochMs));
  if (!isSuccessStatus(status)) return failed(statusFailure(ErrorCode::HttpError, response, nowEpochMs));

  // badResponse never quotes the body: records carry link IDs, names and document numbers.
  const auto body = parseJsonObject(response.body);
  if (!body) return failed(badResponse(status, "the body is not a JSON object", kCall));
  const Json* ok = jsonMember(*body, "status");
  if (!ok || !ok->is_boolean()) return failed(badResponse(status, "the body has no boolean status", kCall));
  if (!ok->get<bool>()) {
    const auto code = jsonInt(*body, "code");
    if (!code) return failed(badResponse(status, "the body has status false and no numeric code", kCall));
    if (*code == kDataNotFound) return {std::vector<VerificationRecord>{}, std::nullopt, R"({"result":[]})"};
    return apiError(status, *code);
  }

  const Json* result = jsonMember(*body, "result");
  if (!result || !result->is_array()) return failed(badResponse(status, "the body has no result array", kCall));
  if (result->size() > kMaxRecords)
    return failed(badResponse(status, "the result holds more than " + std::to_string(kMaxRecords) + " records", kCall));
  std::vector<VerificationRecord> records(result->size());
  for (size_t i = 0; i < records.size(); ++i) {
    if (const char* problem = readRecord((*result)[i], records[i]))
      return failed(badResponse(status, "record " + std::to_string(i) + " " + problem, kCall));
  }
  return {std::move(records), std::nullopt, response.body};
}

}  // namespace kyc
