// The client pipeline end to end over a scripted transport: a static token (first line) and the link
// endpoint's answer to every attempt (the rest, as in decode_http_response.hpp). Every call must end
// exactly once, in bounded work, with a clean message that never holds the token.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/client.hpp"
#include "core/text.hpp"
#include "decode_http_response.hpp"
#include "fuzz_check.hpp"

namespace {

using namespace kyc;

class ScriptedTransport final : public Transport {
 public:
  HandleId send(const HttpRequest&, std::function<void(HttpResponse)> done) override {
    open[next] = std::move(done);
    return next++;
  }
  void cancel(HandleId id) override { open.erase(id); }
  std::map<HandleId, std::function<void(HttpResponse)>> open;
  HandleId next = 1;
};

class ScriptedTimers final : public Timers {
 public:
  HandleId start(double, std::function<void()> fire) override {
    pending[next] = std::move(fire);
    return next++;
  }
  void cancel(HandleId id) override { pending.erase(id); }
  std::map<HandleId, std::function<void()>> pending;
  HandleId next = 1;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(bytes), size);
  const std::string token(fuzz::takeLine(rest));
  // What validateConfig lets through for a static token.
  if (isBlank(token) || !isValidUtf8(token) || hasControlCharacter(token)) return 0;
  const HttpResponse answer = fuzz::decodeResponse(rest);

  ScriptedTransport transport;
  ScriptedTimers timers;
  Environment env{transport, timers, [] { return fuzz::kFuzzNowEpochMs; }, [] { return 0.5; }, nullptr};
  ClientConfig config;
  config.baseUrl = "https://api.test";
  config.token = token;
  config.maxRetries = 2;
  Client client(config, env);

  int settled = 0;
  std::optional<LinkResult> result;
  KycLinkRequest request;
  request.workflowId = "wf";
  client.generateKycLink(request, CallOptions{}, [&](LinkResult r) {
    ++settled;
    result = std::move(r);
  });
  // Answer every attempt the same way and fire every timer (backoff) at once; a few rounds at most.
  for (int round = 0; round < 10 && settled == 0; ++round) {
    if (!transport.open.empty()) {
      auto done = std::move(transport.open.begin()->second);
      transport.open.erase(transport.open.begin());
      done(answer);
    } else if (!timers.pending.empty()) {
      auto fire = std::move(timers.pending.begin()->second);
      timers.pending.erase(timers.pending.begin());
      fire();
    }
  }
  FUZZ_CHECK(settled == 1);
  FUZZ_CHECK(client.pendingCalls() == 0);
  if (result->failure) {
    const std::string& message = result->failure->message;
    FUZZ_CHECK(isValidUtf8(message) && !hasControlCharacter(message));
    // A token that is part of the placeholder itself cannot be checked this way.
    if (std::string_view("[redacted]").find(token) == std::string_view::npos) {
      FUZZ_CHECK(message.find(token) == std::string::npos);
    }
  }
  return 0;
}
