#pragma once
// One configured Client with its Fetch transport, timers and token provider. JS knows it only by its key:
// embind's class machinery would add kilobytes of glue for an object the JS skin wraps anyway.

#include <emscripten/val.h>

#include <cstdint>
#include <memory>
#include <optional>

#include "core/client.hpp"
#include "core/config.hpp"
#include "fetch_transport.hpp"
#include "js_token_provider.hpp"
#include "timers.hpp"

namespace kyc::wasm {

class WasmClient {
 public:
  // A client exists only with valid options: open() checks them first.
  WasmClient(emscripten::val options, std::uint32_t key, ClientConfig config);
  ~WasmClient();
  WasmClient(const WasmClient&) = delete;
  WasmClient& operator=(const WasmClient&) = delete;

  // The embind surface; every client lives in a registry from open() until close().
  static emscripten::val open(emscripten::val options);  // the client's key, or a plain error (INVALID_CONFIG)
  static void close(std::uint32_t clientKey);            // running calls reject with ABORTED
  static emscripten::val generateKycLinkOn(std::uint32_t clientKey, emscripten::val request,
                                           emscripten::val callOptions);  // a Promise of a link
  static emscripten::val getVerificationsOn(std::uint32_t clientKey, emscripten::val query,
                                            emscripten::val callOptions);  // of { records, body }
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
  emscripten::val getVerifications(emscripten::val query, emscripten::val callOptions);
  // The rejected Promise when the call may not start (bad call options, signal already aborted).
  static std::optional<emscripten::val> refuseCall(const emscripten::val& callOptions, const emscripten::val& signal,
                                                   CallOptions& options);
  // Makes the Promise, starts the core call with its settler (startCall returns the call id), and
  // watches the call's AbortSignal (undefined when there is none).
  template <typename StartCall>
  emscripten::val runCall(const emscripten::val& signal, StartCall startCall);

  std::uint32_t key_;
  FetchTransport transport_;
  EventLoopTimers timers_;
  std::unique_ptr<JsTokenProvider> tokenProvider_;
  std::unique_ptr<Client> client_;
};

}  // namespace kyc::wasm
