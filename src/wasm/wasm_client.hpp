#pragma once
// One configured Client with its Fetch transport, timers and token provider. JS knows it only by its key:
// embind's class machinery would add kilobytes of glue for an object the JS skin wraps anyway.

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
  // Options are validated here; a bad one leaves the client unusable and configErrorOf() says why.
  explicit WasmClient(emscripten::val options, std::uint32_t key);
  ~WasmClient();
  WasmClient(const WasmClient&) = delete;
  WasmClient& operator=(const WasmClient&) = delete;

  // The embind surface; every client lives in a registry from open() until close().
  static std::uint32_t open(emscripten::val options);             // the key; configErrorOf(key) says if it is usable
  static void close(std::uint32_t clientKey);                     // running calls reject with ABORTED
  static emscripten::val configErrorOf(std::uint32_t clientKey);  // null, or a plain error (INVALID_CONFIG)
  static emscripten::val generateKycLinkOn(std::uint32_t clientKey, emscripten::val request,
                                           emscripten::val callOptions);                          // a Promise of a link
  static emscripten::val getAccessTokenOn(std::uint32_t clientKey, emscripten::val callOptions);  // of a token
  // For the JS helpers in pre.js.
  static void abortCall(std::uint32_t clientKey, std::uint32_t callId);
  static void deliverToken(std::uint32_t clientKey, std::uint32_t requestId, emscripten::val value, bool rejected);

 private:
  // Settles one call's Promise from the core's callback, unlinking its AbortSignal listener first.
  struct PromiseSettler {
    emscripten::val resolve;
    emscripten::val reject;
    std::shared_ptr<emscripten::val> unwatch;  // the listener's remover, once it exists

    void operator()(const emscripten::val& value, bool rejected) const {
      if (!unwatch->isUndefined()) (*unwatch)();
      (rejected ? reject : resolve)(value);
    }
  };

  emscripten::val generateKycLink(emscripten::val request, emscripten::val callOptions);
  emscripten::val getAccessToken(emscripten::val callOptions);
  // The rejected Promise when the call may not start (client config, call options, aborted signal).
  std::optional<emscripten::val> refuseCall(const emscripten::val& callOptions, CallOptions& options) const;
  // Makes the Promise, starts the core call with its settler (startCall returns the call id), and
  // watches the call's AbortSignal.
  template <typename StartCall>
  emscripten::val runCall(const emscripten::val& callOptions, StartCall startCall);

  std::uint32_t key_;
  std::optional<Failure> configFailure_;
  FetchTransport transport_;
  EventLoopTimers timers_;
  std::unique_ptr<JsTokenProvider> tokenProvider_;
  std::unique_ptr<Client> client_;
};

}  // namespace kyc::wasm
