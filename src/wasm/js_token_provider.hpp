#pragma once
// The caller's getToken as a TokenProvider. The JS helper kycCallGetToken (pre.js) calls it and answers
// through kycDeliverToken, found again by the client's registry key.

#include <emscripten/val.h>

#include <cstdint>
#include <map>

#include "core/environment.hpp"

namespace kyc::wasm {

class JsTokenProvider final : public TokenProvider {
 public:
  JsTokenProvider(emscripten::val getToken, std::uint32_t clientKey);
  void requestToken(const std::optional<std::string>& rejectedToken, Done done) override;
  // getToken settled: with a string, or (when `rejected`) with { message, and a KycError's code, status, retryable }.
  void deliver(std::uint32_t requestId, const emscripten::val& value, bool rejected);

 private:
  emscripten::val getToken_;
  std::uint32_t clientKey_;
  std::map<std::uint32_t, Done> waiting_;
  std::uint32_t nextRequestId_ = 1;
};

}  // namespace kyc::wasm
