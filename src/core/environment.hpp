#pragma once
// What the client pipeline needs from its surroundings. The wasm layer implements these with
// emscripten_fetch and emscripten_set_timeout; the Catch2 tests with deterministic fakes.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "errors.hpp"
#include "http.hpp"

namespace kyc {

using HandleId = std::uint32_t;

class Transport {
 public:
  virtual ~Transport() = default;
  // Starts a request. `done` is called exactly once with what happened, unless cancel() comes first,
  // and never before send() returns.
  virtual HandleId send(const HttpRequest& request, std::function<void(HttpResponse)> done) = 0;
  // Stops a request in flight; its `done` is not called afterwards. Unknown ids are ignored.
  virtual void cancel(HandleId request) = 0;
};

class Timers {
 public:
  virtual ~Timers() = default;
  virtual HandleId start(double delayMs, std::function<void()> fire) = 0;
  virtual void cancel(HandleId timer) = 0;  // unknown or fired ids are ignored
};

// The caller's own token source (getToken in JS). Calls `done` once with a token or a failure.
// `rejectedToken` is set when the server refused the token this provider gave last (a 401): a provider
// that shares tokens (a store) must not hand that one out again.
class TokenProvider {
 public:
  using Done = std::function<void(std::optional<std::string> token, std::optional<Failure> failure)>;
  virtual ~TokenProvider() = default;
  virtual void requestToken(const std::optional<std::string>& rejectedToken, Done done) = 0;
};

struct Environment {
  Transport& transport;
  Timers& timers;
  std::function<double()> nowEpochMs;
  std::function<double()> random01;        // uniform in [0, 1), for backoff jitter
  TokenProvider* tokenProvider = nullptr;  // required for CredentialKind::TokenProvider
};

}  // namespace kyc
