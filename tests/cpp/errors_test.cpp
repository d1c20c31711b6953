#include <catch2/catch.hpp>

#include <string>

#include "core/errors.hpp"

using namespace kyc;

TEST_CASE("errorCodeName gives the stable JS code strings") {
  CHECK(std::string(errorCodeName(ErrorCode::InvalidConfig)) == "INVALID_CONFIG");
  CHECK(std::string(errorCodeName(ErrorCode::InvalidRequest)) == "INVALID_REQUEST");
  CHECK(std::string(errorCodeName(ErrorCode::Unauthorized)) == "UNAUTHORIZED");
  CHECK(std::string(errorCodeName(ErrorCode::ApiError)) == "API_ERROR");
  CHECK(std::string(errorCodeName(ErrorCode::HttpError)) == "HTTP_ERROR");
  CHECK(std::string(errorCodeName(ErrorCode::RateLimited)) == "RATE_LIMITED");
  CHECK(std::string(errorCodeName(ErrorCode::NetworkError)) == "NETWORK_ERROR");
  CHECK(std::string(errorCodeName(ErrorCode::Timeout)) == "TIMEOUT");
  CHECK(std::string(errorCodeName(ErrorCode::Aborted)) == "ABORTED");
  CHECK(std::string(errorCodeName(ErrorCode::BadResponse)) == "BAD_RESPONSE");
}

TEST_CASE("errorCodeName names the codes the core adds too") {
  CHECK(std::string(errorCodeName(ErrorCode::Internal)) == "INTERNAL");
  CHECK(std::string(errorCodeName(ErrorCode::WebhookUnauthorized)) == "WEBHOOK_UNAUTHORIZED");
  CHECK(std::string(errorCodeName(ErrorCode::WebhookInvalid)) == "WEBHOOK_INVALID");
}

TEST_CASE("invalidFailure words a validation failure from its first issue and keeps them all") {
  const Failure one = invalidFailure(ErrorCode::InvalidRequest, {{"workflowId", "workflowId is required"}});
  CHECK(one.code == ErrorCode::InvalidRequest);
  CHECK(one.message == "invalid request: workflowId is required");
  CHECK(one.issues.size() == 1);
  CHECK_FALSE(one.retryable);
  CHECK(one.status == 0);

  const Failure three = invalidFailure(ErrorCode::InvalidConfig, {{"baseUrl", "baseUrl must use https"},
                                                                  {"timeoutMs", "timeoutMs must be an integer"},
                                                                  {"x", "unknown field \"x\""}});
  CHECK(three.code == ErrorCode::InvalidConfig);
  CHECK(three.message == "invalid options: baseUrl must use https (and 2 more)");
  REQUIRE(three.issues.size() == 3);
  CHECK(three.issues[2].field == "x");
}
