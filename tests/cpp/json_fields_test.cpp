#include <catch2/catch.hpp>

#include "core/json_fields.hpp"

using namespace kyc;

TEST_CASE("parseJsonObject accepts only objects and never throws") {
  CHECK(parseJsonObject(R"({"a":1})"));
  CHECK_FALSE(parseJsonObject(""));
  CHECK_FALSE(parseJsonObject("not json"));
  CHECK_FALSE(parseJsonObject("[1,2]"));
  CHECK_FALSE(parseJsonObject("\"text\""));
  CHECK_FALSE(parseJsonObject(R"({"a":1)"));
  CHECK_FALSE(parseJsonObject("{\"a\":\"\xFF\"}"));  // invalid UTF-8
  CHECK_FALSE(parseJsonObject(std::string(100000, '[')));
}

TEST_CASE("typed member reads") {
  const auto object = parseJsonObject(R"({"s":"x","i":5,"f":5.0,"h":1.5,"big":1e300,"neg":-7,"n":null})");
  REQUIRE(object);
  CHECK(*jsonString(*object, "s") == "x");
  CHECK(jsonString(*object, "i") == nullptr);
  CHECK(jsonString(*object, "missing") == nullptr);
  CHECK(jsonInt(*object, "i") == std::optional<int>(5));
  CHECK(jsonInt(*object, "f") == std::optional<int>(5));
  CHECK(jsonInt(*object, "neg") == std::optional<int>(-7));
  CHECK(jsonInt(*object, "h") == std::nullopt);
  CHECK(jsonInt(*object, "big") == std::nullopt);
  CHECK(jsonInt(*object, "s") == std::nullopt);
  CHECK(jsonNumber(*object, "h") == std::optional<double>(1.5));
  CHECK(jsonNumber(*object, "n") == std::nullopt);
  CHECK(jsonMember(*object, "n") != nullptr);
  CHECK(jsonMember(nlohmann::ordered_json::array(), "x") == nullptr);
}
