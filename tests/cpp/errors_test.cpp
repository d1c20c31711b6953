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
