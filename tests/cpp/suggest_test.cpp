#include <catch2/catch.hpp>

#include "core/suggest.hpp"

using namespace kyc;

namespace {
const std::vector<std::string_view> kRequestKeys = {"workflowId", "applicationId", "expiryTime", "redirectUrl",
                                                    "redirect_url"};
}

TEST_CASE("suggestKey: case-insensitive match") {
  CHECK(suggestKey("workflowID", kRequestKeys) == std::optional<std::string_view>("workflowId"));
  CHECK(suggestKey("redirectURL", kRequestKeys) == std::optional<std::string_view>("redirectUrl"));
  CHECK(suggestKey("REDIRECT_URL", kRequestKeys) == std::optional<std::string_view>("redirect_url"));
}

TEST_CASE("suggestKey: aliases, only toward keys that exist here") {
  CHECK(suggestKey("expiry", kRequestKeys) == std::optional<std::string_view>("expiryTime"));
  CHECK(suggestKey("redirect", kRequestKeys) == std::optional<std::string_view>("redirectUrl"));
  CHECK(suggestKey("Expiry", kRequestKeys) == std::optional<std::string_view>("expiryTime"));
  CHECK(suggestKey("timeout", kRequestKeys) == std::nullopt);  // alias of timeoutMs, not a request key
  CHECK(suggestKey("timeout", {"timeoutMs"}) == std::optional<std::string_view>("timeoutMs"));
}

TEST_CASE("suggestKey: edit distance up to 2") {
  CHECK(suggestKey("workflowIdd", kRequestKeys) == std::optional<std::string_view>("workflowId"));  // 1
  CHECK(suggestKey("wrkflowI", kRequestKeys) == std::optional<std::string_view>("workflowId"));     // 2
  CHECK(suggestKey("wrkflwI", kRequestKeys) == std::nullopt);                                       // 3
  CHECK(suggestKey("colour", kRequestKeys) == std::nullopt);
  CHECK(suggestKey("", kRequestKeys) == std::nullopt);
}
