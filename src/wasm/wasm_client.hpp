#pragma once
// The object JS holds: one configured Client with its Fetch transport, timers and token provider.

#include <emscripten/val.h>

#include <cstdint>
#include <memory>
#include <optional>

#include "core/client.hpp"
#include "fetch_transport.hpp"
#include "js_token_provider.hpp"
#include "timers.hpp"

namespace kyc::wasm {

class WasmClient {
 public:
  // Options are validated here; a bad one leaves the object unusable and configError() says why.
  explicit WasmClient(emscripten::val options);
  ~WasmClient();
  WasmClient(const WasmClient&) = delete;
  WasmClient& operator=(const WasmClient&) = delete;

  emscripten::val configError() const;  // null, or a plain error object (code INVALID_CONFIG)
  emscripten::val generateKycLink(emscripten::val request, emscripten::val callOptions);  // a Promise

  // Entry points for the JS helpers in pre.js, which know a client only by its key.
  static void abortCall(std::uint32_t clientKey, std::uint32_t callId);
  static void deliverToken(std::uint32_t clientKey, std::uint32_t requestId, emscripten::val value, bool rejected);

 private:
  std::uint32_t key_;
  std::optional<Failure> configFailure_;
  FetchTransport transport_;
  EventLoopTimers timers_;
  std::unique_ptr<JsTokenProvider> tokenProvider_;
  std::unique_ptr<Client> client_;
};

}  // namespace kyc::wasm
