// The server's own words: read from an error body, cleaned, and appended to a message.
#include <catch2/catch.hpp>

#include <string>

#include "core/server_message.hpp"

using namespace kyc;

TEST_CASE("serverMessage reads message, then error, cleaned and cut to 200 characters") {
  CHECK(serverMessage(R"({"message":"client id is required"})") == "client id is required");
  CHECK(serverMessage(R"({"error":"invalid token"})") == "invalid token");
  CHECK(serverMessage(R"({"message":"first","error":"second"})") == "first");
  CHECK(serverMessage(R"({"message":"","error":"second"})") == "second");
  CHECK(serverMessage(R"({"message":42,"error":"second"})") == "second");
  CHECK(serverMessage(R"({"error":{"message":"nested"}})").empty());
  CHECK(serverMessage(R"({"message":" two\r\nlines\u0007 "})") == "two  lines");
  CHECK(serverMessage("not json").empty());
  CHECK(serverMessage("").empty());
  CHECK(serverMessage(R"(["message"])").empty());
  const std::string longText(300, 'x');
  CHECK(serverMessage(R"({"message":")" + longText + "\"}") == std::string(200, 'x'));
}

TEST_CASE("withServerMessage appends the server's words only when there are some") {
  CHECK(withServerMessage("FACEKI answered HTTP 400", R"({"message":"bad workflow"})") ==
        "FACEKI answered HTTP 400: bad workflow");
  CHECK(withServerMessage("FACEKI answered HTTP 400", R"({"message":"  "})") == "FACEKI answered HTTP 400");
  CHECK(withServerMessage("FACEKI answered HTTP 400", "<html>") == "FACEKI answered HTTP 400");
}
