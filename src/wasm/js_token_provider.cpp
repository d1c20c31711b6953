#include "js_token_provider.hpp"

#include <utility>

#include "core/text.hpp"

using emscripten::val;

namespace kyc::wasm {
namespace {

Failure providerFailure(ErrorCode code, std::string message) {
  Failure failure;
  failure.code = code;
  failure.message = std::move(message);
  return failure;
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
    std::string reason = value.isString() ? cleanText(value.as<std::string>(), 200) : std::string();
    return done(std::nullopt, providerFailure(ErrorCode::Unauthorized,
                                              "getToken failed" + (reason.empty() ? std::string() : ": " + reason)));
  }
  if (!value.isString())
    return done(std::nullopt, providerFailure(ErrorCode::InvalidConfig, "getToken must resolve to a string, got " +
                                                                            value.typeOf().as<std::string>()));
  std::string token = value.as<std::string>();
  if (token.empty() || hasControlCharacter(token))
    return done(std::nullopt, providerFailure(ErrorCode::InvalidConfig,
                                              "getToken resolved to an empty token or one with control characters"));
  done(std::move(token), std::nullopt);
}

}  // namespace kyc::wasm
