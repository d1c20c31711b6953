#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/codes.hpp"

using namespace kyc;

TEST_CASE("facekiReason names every documented responseCode") {
  CHECK(std::string(facekiReason(0)) == "SUCCESS");
  CHECK(std::string(facekiReason(1)) == "UNAUTHORIZED");
  CHECK(std::string(facekiReason(400)) == "BAD_REQUEST");
  CHECK(std::string(facekiReason(500)) == "INTERNAL_ERROR");
  CHECK(std::string(facekiReason(1000)) == "INTERNAL_ERROR");
  CHECK(std::string(facekiReason(5001)) == "WORKFLOW_NOT_FOUND");
  CHECK(std::string(facekiReason(5002)) == "INVALID_FIELDS");
  CHECK(std::string(facekiReason(5003)) == "INSUFFICIENT_CREDIT");
  CHECK(std::string(facekiReason(5009)) == "LINK_LIMIT_REACHED");
  CHECK(std::string(facekiReason(8013)) == "DATA_NOT_FOUND");
  CHECK(std::string(facekiReason(8014)) == "INVALID_LINK");
  CHECK(std::string(facekiReason(8015)) == "LINK_EXPIRED");
  CHECK(std::string(facekiReason(8016)) == "LINK_GENERATION_FAILED");
  CHECK(std::string(facekiReason(8017)) == "KYC_LIMIT_REACHED");
}

TEST_CASE("unknown codes are UNKNOWN") {
  CHECK(std::string(facekiReason(2)) == "UNKNOWN");
  CHECK(std::string(facekiReason(-1)) == "UNKNOWN");
  CHECK(std::string(facekiReason(5004)) == "UNKNOWN");
  CHECK(std::string(facekiDescription(5004)) == "a code this client does not know");
}

TEST_CASE("facekiDescription is a sentence for a human") {
  CHECK(std::string(facekiDescription(5001)) == "the workflow has no rules; is the workflowId right?");
  CHECK(std::string(facekiDescription(5003)) == "the FACEKI wallet has not enough credit");
  for (int code : {0, 1, 400, 500, 1000, 5001, 5002, 5003, 5009, 8013, 8014, 8015, 8016, 8017}) {
    CHECK_FALSE(std::string(facekiDescription(code)).empty());
  }
}

TEST_CASE("facekiReasonNames lists every reason facekiReason returns, once") {
  const std::vector<std::string> names = facekiReasonNames();
  for (int code : {0, 1, 400, 500, 1000, 5001, 5002, 5003, 5009, 8013, 8014, 8015, 8016, 8017, 4242}) {
    CHECK(std::count(names.begin(), names.end(), facekiReason(code)) == 1);
  }
  CHECK(names.size() == 14);
}
