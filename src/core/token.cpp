#include "token.hpp"

#include <algorithm>

#include "codes.hpp"
#include "http_failure.hpp"
#include "json_fields.hpp"
#include "server_message.hpp"
#include "text.hpp"

namespace kyc {
namespace {

constexpr const char* kPrefix = "token request failed: ";

TokenResult failed(Failure failure) {
  failure.message = kPrefix + failure.message;
  return {std::nullopt, std::move(failure)};
}

TokenResult refusedCredentials(int status, std::optional<int> responseCode, const std::string& body) {
  Failure failure;
  failure.code = ErrorCode::Unauthorized;
  failure.status = status;
  std::string text = "FACEKI refused the credentials";
  if (responseCode) {
    failure.responseCode = responseCode;
    failure.reason = facekiReason(*responseCode);
    text += " (responseCode " + std::to_string(*responseCode) + " " + failure.reason + ")";
  }
  failure.message = withServerMessage(text, body);
  return failed(std::move(failure));
}

ErrorCode codeForStatus(int status) {
  switch (status) {
    case 400:
    case 401:
    case 403:
    case 422:
      return ErrorCode::Unauthorized;
    case 429:
      return ErrorCode::RateLimited;
    default:
      return ErrorCode::HttpError;  // 404/405 included: the caller may try the other endpoint
  }
}

int base64UrlValue(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '-') return 62;
  if (c == '_') return 63;
  return -1;
}

std::optional<std::string> base64UrlDecode(std::string_view text) {
  while (!text.empty() && text.back() == '=') text.remove_suffix(1);
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  unsigned bits = 0;
  int bitCount = 0;
  for (char c : text) {
    const int value = base64UrlValue(c);
    if (value < 0) return std::nullopt;
    bits = (bits << 6) | static_cast<unsigned>(value);
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      out += static_cast<char>((bits >> bitCount) & 0xFF);
    }
  }
  return out;
}

bool isUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

std::string percentEncode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    if (isUnreserved(c)) {
      out += c;
    } else {
      const auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0F];
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> bearerTokenProblem(std::string_view token) {
  if (token.empty()) return "is empty";
  if (!isVisibleAscii(token)) return "has characters an HTTP header cannot carry (allowed: visible ASCII, no spaces)";
  return std::nullopt;
}

bool isFacekiShapedBody(std::string_view body) {
  const auto parsed = parseJsonObject(body);
  if (!parsed) return false;
  for (const char* key : {"responseCode", "statusCode", "status", "message"})
    if (jsonMember(*parsed, key)) return true;
  return false;
}

bool tokenEndpointMissing(const HttpResponse& response) {
  return response.outcome == TransportOutcome::Response && (response.status == 404 || response.status == 405) &&
         !isFacekiShapedBody(response.body);
}

std::optional<double> jwtExpirySeconds(std::string_view jwt) {
  const size_t firstDot = jwt.find('.');
  if (firstDot == std::string_view::npos) return std::nullopt;
  const size_t secondDot = jwt.find('.', firstDot + 1);
  if (secondDot == std::string_view::npos || jwt.find('.', secondDot + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  const auto payload = base64UrlDecode(jwt.substr(firstDot + 1, secondDot - firstDot - 1));
  if (!payload) return std::nullopt;
  const auto claims = parseJsonObject(*payload);
  if (!claims) return std::nullopt;
  return jsonNumber(*claims, "exp");
}

std::string generateTokenBody(const std::string& clientId, const std::string& clientSecret) {
  nlohmann::ordered_json body;
  body["clientId"] = clientId;
  body["clientSecret"] = clientSecret;
  return body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string accessTokenQuery(const std::string& clientId, const std::string& clientSecret) {
  return "clientId=" + percentEncode(clientId) + "&clientSecret=" + percentEncode(clientSecret);
}

TokenResult parseTokenResponse(const HttpResponse& response, double nowEpochMs) {
  if (response.outcome != TransportOutcome::Response) return failed(transportFailure(response));
  const int status = response.status;
  if (!isSuccessStatus(status)) return failed(statusFailure(codeForStatus(status), response, nowEpochMs));

  const auto body = parseJsonObject(response.body);
  if (!body) return failed(badResponse(status, "the body is not a JSON object"));
  const auto responseCode = jsonInt(*body, "responseCode");
  const nlohmann::ordered_json* statusFlag = jsonMember(*body, "status");
  const bool refused =
      (responseCode && *responseCode != 0) || (statusFlag && statusFlag->is_boolean() && !statusFlag->get<bool>());
  if (refused) return refusedCredentials(status, responseCode, response.body);

  const nlohmann::ordered_json* data = jsonMember(*body, "data");
  const std::string* value = data ? jsonString(*data, "access_token") : nullptr;
  if (!value || value->empty()) return failed(badResponse(status, "the body has no access_token"));
  if (const auto problem = bearerTokenProblem(*value))
    return failed(badResponse(status, "the access_token " + *problem));

  const auto expiresIn = jsonNumber(*data, "expires_in");
  const double lifetimeS = expiresIn && *expiresIn > 0 ? *expiresIn : kDefaultTokenLifetimeS;
  double expiresAtMs = nowEpochMs + lifetimeS * 1000;
  // An exp already past when the token arrives means our clock and FACEKI's disagree, not that the
  // token is dead; trusting it would fetch (and pay for) a new token on every call.
  const auto exp = jwtExpirySeconds(*value);
  if (exp && *exp * 1000 > nowEpochMs) expiresAtMs = std::min(expiresAtMs, *exp * 1000);
  return {AccessToken{*value, expiresAtMs}, std::nullopt};
}

bool tokenIsFresh(const AccessToken& token, double nowEpochMs, double marginMs) {
  return token.expiresAtMs - nowEpochMs > marginMs;
}

}  // namespace kyc
