#include "response.hpp"

#include "codes.hpp"
#include "http_failure.hpp"
#include "json_fields.hpp"
#include "server_message.hpp"
#include "text.hpp"
#include "url.hpp"

namespace kyc {
namespace {

LinkResult failed(Failure failure) { return {std::nullopt, std::move(failure)}; }

LinkResult apiError(int status, int responseCode, const std::string& body) {
  Failure failure;
  failure.code = ErrorCode::ApiError;
  failure.status = status;
  failure.responseCode = responseCode;
  failure.reason = facekiReason(responseCode);
  failure.message = withServerMessage("FACEKI refused the request: responseCode " + std::to_string(responseCode) + " " +
                                          failure.reason + " (" + facekiDescription(responseCode) + ")",
                                      body);
  return failed(std::move(failure));
}

}  // namespace

LinkResult classifyLinkResponse(const HttpResponse& response, double nowEpochMs) {
  if (response.outcome != TransportOutcome::Response) return failed(transportFailure(response));
  const int status = response.status;
  if (status == 401) return failed(statusFailure(ErrorCode::Unauthorized, response, nowEpochMs));
  if (status == 429) return failed(statusFailure(ErrorCode::RateLimited, response, nowEpochMs));
  if (!isSuccessStatus(status)) return failed(statusFailure(ErrorCode::HttpError, response, nowEpochMs));

  // badResponse never quotes the body: a malformed success may still carry a link URL.
  const auto body = parseJsonObject(response.body);
  if (!body) return failed(badResponse(status, "the body is not a JSON object"));
  const auto responseCode = jsonInt(*body, "responseCode");
  if (!responseCode) return failed(badResponse(status, "the body has no numeric responseCode"));
  if (*responseCode != 0) return apiError(status, *responseCode, response.body);

  const std::string* linkId = jsonString(*body, "data");
  if (!linkId || linkId->empty()) return failed(badResponse(status, "the body has no link ID (data)"));
  if (const auto problem = linkIdProblem(*linkId)) return failed(badResponse(status, "the link ID (data) " + *problem));
  const std::string* url = jsonString(*body, "url");
  if (!url) return failed(badResponse(status, "the body has no link URL (url)"));
  // The URL is a secret (it opens a person's identity check): the problem names the rule, not the URL.
  if (const auto problem = linkUrlProblem(*url)) return failed(badResponse(status, "the link URL (url) " + *problem));
  return {KycLink{*linkId, *url}, std::nullopt};
}

std::optional<std::string> linkIdProblem(std::string_view linkId) {
  if (linkId.empty()) return "is empty";
  if (!isVisibleAscii(linkId)) return "must be visible ASCII (no spaces, control or non-ASCII characters)";
  if (linkId.size() > kMaxLinkIdLength) {  // ASCII by now: bytes are characters
    return "must be at most " + std::to_string(kMaxLinkIdLength) + " characters, got " + std::to_string(linkId.size());
  }
  return std::nullopt;
}

}  // namespace kyc
