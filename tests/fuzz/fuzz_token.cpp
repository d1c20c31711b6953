// The token endpoints' answers and the JWT exp reader. Three ways in, chosen by the first line:
//   "token":   the rest is a token: jwtExpirySeconds, then the token inside a well-formed token response;
//   "payload": the rest is a JWT payload, base64url-encoded here so the JSON reader is always reached;
//   else:      the whole input is a response (decode_http_response.hpp) for parseTokenResponse.

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "check_failure.hpp"
#include "core/json_fields.hpp"
#include "core/token.hpp"
#include "decode_http_response.hpp"

namespace {

using namespace kyc;

constexpr const char* kSecretMarker = "s3cr3t";

std::string base64Url(const std::string& bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  unsigned bits = 0;
  int bitCount = 0;
  for (unsigned char byte : bytes) {
    bits = (bits << 8) | byte;
    bitCount += 8;
    while (bitCount >= 6) {
      bitCount -= 6;
      out += kAlphabet[(bits >> bitCount) & 0x3F];
    }
  }
  if (bitCount > 0) out += kAlphabet[(bits << (6 - bitCount)) & 0x3F];
  return out;
}

bool isHeaderSafe(const std::string& token) {
  return !token.empty() && std::all_of(token.begin(), token.end(), [](char c) { return c > 0x20 && c < 0x7F; });
}

void checkTokenResult(const TokenResult& result, const HttpResponse& response) {
  FUZZ_CHECK(result.token.has_value() != result.failure.has_value());
  if (result.failure) {
    fuzz::checkFailure(*result.failure, response);
    FUZZ_CHECK(result.failure->message.rfind("token request failed: ", 0) == 0);
    return;
  }
  FUZZ_CHECK(response.outcome == TransportOutcome::Response && response.status >= 200 && response.status <= 299);
  FUZZ_CHECK(isHeaderSafe(result.token->value));
  FUZZ_CHECK(!std::isnan(result.token->expiresAtMs));
}

void fuzzTokenValue(const std::string& token, double nowEpochMs) {
  const auto exp = jwtExpirySeconds(token);
  if (exp) FUZZ_CHECK(std::isfinite(*exp));

  nlohmann::ordered_json body;
  body["responseCode"] = 0;
  body["data"]["access_token"] = token;
  HttpResponse response;
  response.outcome = TransportOutcome::Response;
  response.status = 200;
  response.body = body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);

  const TokenResult result = parseTokenResponse(response, nowEpochMs);
  checkTokenResult(result, response);
  if (result.failure) {
    // The token is never quoted back, so the marker can only reach a message through a leak.
    FUZZ_CHECK(result.failure->message.find(kSecretMarker) == std::string::npos);
    return;
  }
  const double lifetimeEnd = nowEpochMs + kDefaultTokenLifetimeS * 1000;
  // An exp already past on arrival is clock skew and ignored (token.cpp).
  const bool expCounts = exp && *exp * 1000 > nowEpochMs;
  FUZZ_CHECK(result.token->expiresAtMs == (expCounts ? std::min(lifetimeEnd, *exp * 1000) : lifetimeEnd));
}

void fuzzPayload(const std::string& payload) {
  const std::string jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + base64Url(payload) + ".c2lnbmF0dXJl";
  const auto exp = jwtExpirySeconds(jwt);
  const auto claims = parseJsonObject(payload);
  const auto expected = claims ? jsonNumber(*claims, "exp") : std::nullopt;
  FUZZ_CHECK(exp.has_value() == expected.has_value());
  if (exp) FUZZ_CHECK(*exp == *expected);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(bytes), size);
  std::string_view rest = input;
  const std::string_view mode = fuzz::takeLine(rest);
  if (mode == "token") {
    std::string token(rest);
    if (token.size() % 2) token.insert(token.size() / 2, kSecretMarker);
    fuzzTokenValue(token, fuzz::kFuzzNowEpochMs);
  } else if (mode == "payload") {
    fuzzPayload(std::string(rest));
  } else {
    const HttpResponse response = fuzz::decodeResponse(input);
    checkTokenResult(parseTokenResponse(response, fuzz::kFuzzNowEpochMs), response);
  }
  return 0;
}
