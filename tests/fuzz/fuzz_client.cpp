// The client pipeline end to end over a scripted transport: a credential (first line: a static token,
// or "@" and a client secret) and the answer to every request, token requests included (the rest, as
// in decode_http_response.hpp). A link call and a getAccessToken call run together. Each must end
// exactly once, in bounded work, with a clean message that never holds the credential or 8 characters
// of it in any spelling (check_redaction.hpp), and a link only when it is safe (check_link.hpp).

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "check_link.hpp"
#include "check_redaction.hpp"
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

namespace {

void checkCleanFailure(const Failure& failure, const std::string& secret, bool onlySecret) {
  FUZZ_CHECK(isValidUtf8(failure.message) && !hasControlCharacter(failure.message));
  fuzz::checkRedacted(failure.message, secret, onlySecret);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(bytes), size);
  const std::string_view credential = fuzz::takeLine(rest);
  const bool withClientSecret = !credential.empty() && credential.front() == '@';
  const std::string secret(withClientSecret ? credential.substr(1) : credential);
  // What validateConfig lets through for a token or a client secret.
  if (isBlank(secret) || !isValidUtf8(secret) || hasControlCharacter(secret)) return 0;
  const HttpResponse answer = fuzz::decodeResponse(rest);

  ScriptedTransport transport;
  ScriptedTimers timers;
  Environment env{transport, timers, [] { return fuzz::kFuzzNowEpochMs; }, [] { return 0.5; }, nullptr};
  ClientConfig config;
  config.baseUrl = "https://api.test";
  if (withClientSecret) {
    config.credentials = CredentialKind::ClientCredentials;
    config.clientId = "client-id";
    config.clientSecret = secret;
  } else {
    config.token = secret;
  }
  config.maxRetries = 2;
  Client client(config, env);

  int linkSettled = 0;
  std::optional<LinkResult> link;
  KycLinkRequest request;
  request.workflowId = "wf";
  client.generateKycLink(request, CallOptions{}, [&](LinkResult r) {
    ++linkSettled;
    link = std::move(r);
  });
  int tokenSettled = 0;
  std::optional<Failure> tokenFailure;
  client.getAccessToken(CallOptions{}, [&](std::optional<std::string> token, std::optional<Failure> failure) {
    ++tokenSettled;
    FUZZ_CHECK(token.has_value() != failure.has_value());
    tokenFailure = std::move(failure);
  });
  // Answer every request the same way and fire every timer (backoff, deliveries) at once. Token and link
  // retries share one budget, so a bounded number of rounds ends both calls.
  for (int round = 0; round < 40 && (linkSettled == 0 || tokenSettled == 0); ++round) {
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
  FUZZ_CHECK(linkSettled == 1);
  FUZZ_CHECK(tokenSettled == 1);
  FUZZ_CHECK(client.pendingCalls() == 0);
  // With client credentials, FACEKI's tokens (from the scripted answer) are secrets as well.
  const bool onlySecret = !withClientSecret;
  if (link->failure) checkCleanFailure(*link->failure, secret, onlySecret);
  if (tokenFailure) checkCleanFailure(*tokenFailure, secret, onlySecret);
  if (link->link) fuzz::checkLink(*link->link);
  return 0;
}
