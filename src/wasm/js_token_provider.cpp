#include "js_token_provider.hpp"

#include <optional>
#include <utility>

#include "core/errors.hpp"
#include "core/text.hpp"
#include "js_values.hpp"

using emscripten::val;

namespace kyc::wasm {
namespace {

Failure providerFailure(ErrorCode code, std::string message) {
  Failure failure;
  failure.code = code;
  failure.message = std::move(message);
  return failure;
}

// The code a getToken's KycError carried, when it is one a token fetch can end with.
std::optional<ErrorCode> tokenFailureCode(const val& code) {
  if (!code.isString()) return std::nullopt;
  const std::string name = code.as<std::string>();
  for (ErrorCode candidate : {ErrorCode::InvalidConfig, ErrorCode::Unauthorized, ErrorCode::ApiError,
                              ErrorCode::HttpError, ErrorCode::RateLimited, ErrorCode::NetworkError, ErrorCode::Timeout,
                              ErrorCode::Aborted, ErrorCode::BadResponse}) {
    if (name == errorCodeName(candidate)) return candidate;
  }
  return std::nullopt;
}

}  // namespace

JsTokenProvider::JsTokenProvider(val getToken, std::uint32_t clientKey)
    : getToken_(std::move(getToken)), clientKey_(clientKey) {}

void JsTokenProvider::requestToken(const std::optional<std::string>& rejectedToken, Done done) {
  std::uint32_t requestId = nextRequestId_++;
  waiting_.emplace(requestId, std::move(done));
  val rejected = rejectedToken ? val(*rejectedToken) : val::undefined();
  val::module_property("kycCallGetToken")(getToken_, clientKey_, requestId, rejected);
}

void JsTokenProvider::deliver(std::uint32_t requestId, const val& value, bool rejected) {
  auto it = waiting_.find(requestId);
  if (it == waiting_.end()) return;
  Done done = std::move(it->second);
  waiting_.erase(it);
  if (rejected) {
    // The caller's own error text: theirs to keep secret-free, but cleaned and shortened like a server's.
    val message = value["message"];
    std::string reason = message.isString() ? cleanText(message.as<std::string>(), 200) : std::string();
    Failure failure =
        providerFailure(ErrorCode::Unauthorized, "getToken failed" + (reason.empty() ? std::string() : ": " + reason));
    if (std::optional<ErrorCode> code = tokenFailureCode(value["code"])) {
      failure.code = *code;
      failure.retryable = value["retryable"].isTrue();
      if (value["status"].isNumber()) failure.status = value["status"].as<int>();
    }
    return done(std::nullopt, failure);
  }
  if (!value.isString())
    return done(std::nullopt, providerFailure(ErrorCode::InvalidConfig, "getToken must resolve to a string, got " +
                                                                            value.typeOf().as<std::string>()));
  std::optional<std::string> token = copyJsString(value);
  if (!token) {
    return done(std::nullopt,
                providerFailure(ErrorCode::InvalidConfig, "getToken resolved to a token longer than " +
                                                              std::to_string(kMaxCopiedTextLength) + " characters"));
  }
  // The core checks it with the rule every token passes (bearerTokenProblem).
  done(std::move(*token), std::nullopt);
}

}  // namespace kyc::wasm
