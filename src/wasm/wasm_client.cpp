#include "wasm_client.hpp"

#include <map>
#include <memory>
#include <utility>

#include "core/config.hpp"
#include "js_values.hpp"

using emscripten::val;

namespace kyc::wasm {
namespace {

std::map<std::uint32_t, std::unique_ptr<WasmClient>>& registry() {
  static std::map<std::uint32_t, std::unique_ptr<WasmClient>> clients;
  return clients;
}
std::uint32_t nextClientKey = 1;

WasmClient* findClient(std::uint32_t clientKey) {
  auto it = registry().find(clientKey);
  return it == registry().end() ? nullptr : it->second.get();
}

double nowEpochMs() {
  static const val date = val::global("Date");  // read on every call's hot path: looked up once
  return date.call<double>("now");
}

double random01() {
  // Jitter only needs to spread clients apart; the engine's generator costs no wasm.
  static const val math = val::global("Math");
  return math.call<double>("random");
}

val rejectedPromise(const Failure& failure) { return val::global("Promise").call<val>("reject", toJs(failure)); }

Failure closedFailure() {
  Failure closed;
  closed.code = ErrorCode::InvalidConfig;
  closed.message = "the client is closed";
  return closed;
}

val signalOf(const val& callOptions) {
  if (callOptions.isUndefined() || callOptions.isNull()) return val::undefined();
  val signal = callOptions["signal"];
  return signal.isNull() ? val::undefined() : signal;
}

}  // namespace

WasmClient::WasmClient(val options, std::uint32_t key, ClientConfig config) : key_(key) {
  Environment env{transport_, timers_, nowEpochMs, random01};
  if (config.credentials == CredentialKind::TokenProvider) {
    tokenProvider_ = std::make_unique<JsTokenProvider>(options["getToken"], key_);
    env.tokenProvider = tokenProvider_.get();
  }
  client_ = std::make_unique<Client>(std::move(config), env);
}

WasmClient::~WasmClient() {
  client_.reset();  // rejects the calls still running while the transport and timers still exist
}

val WasmClient::open(val options) {
  ValidatedConfig validated = validateConfig(toInputObject(options));
  if (!validated.config) return toJs(invalidFailure(ErrorCode::InvalidConfig, std::move(validated.issues)));
  const std::uint32_t key = nextClientKey++;
  registry()[key] = std::make_unique<WasmClient>(options, key, std::move(*validated.config));
  return val(key);
}

void WasmClient::close(std::uint32_t clientKey) {
  auto it = registry().find(clientKey);
  if (it == registry().end()) return;
  // Out of the registry before it is destroyed: nothing reached from JS meanwhile finds it half gone.
  std::unique_ptr<WasmClient> closing = std::move(it->second);
  registry().erase(it);
}

val WasmClient::generateKycLinkOn(std::uint32_t clientKey, val request, val callOptions) {
  if (WasmClient* client = findClient(clientKey)) return client->generateKycLink(request, callOptions);
  return rejectedPromise(closedFailure());
}

val WasmClient::getVerificationsOn(std::uint32_t clientKey, val query, val callOptions) {
  if (WasmClient* client = findClient(clientKey)) return client->getVerifications(query, callOptions);
  return rejectedPromise(closedFailure());
}

val WasmClient::getAccessTokenOn(std::uint32_t clientKey, val callOptions) {
  if (WasmClient* client = findClient(clientKey)) return client->getAccessToken(callOptions);
  return rejectedPromise(closedFailure());
}

std::optional<val> WasmClient::refuseCall(const val& callOptions, const val& signal, CallOptions& options) {
  ValidatedCallOptions validated = validateCallOptions(toInputObject(callOptions));
  if (!validated.options) return rejectedPromise(invalidFailure(ErrorCode::InvalidConfig, std::move(validated.issues)));
  options = *validated.options;
  if (!signal.isUndefined() && signal["aborted"].as<bool>()) {
    Failure aborted;
    aborted.code = ErrorCode::Aborted;
    aborted.message = "the call was aborted before it started";
    return rejectedPromise(aborted);
  }
  return std::nullopt;
}

template <typename StartCall>
val WasmClient::runCall(const val& signal, StartCall startCall) {
  val deferred = val::module_property("kycDeferred")();
  PromiseSettler settle{deferred["resolve"], deferred["reject"], std::make_shared<val>(val::undefined())};
  HandleId callId = startCall(settle);
  // The core never ends a call before it returns its id, so the listener is in place before it can end.
  if (!signal.isUndefined()) *settle.unwatch = val::module_property("kycWatchAbort")(signal, key_, callId);
  return deferred["promise"];
}

val WasmClient::generateKycLink(val request, val callOptions) {
  const val signal = signalOf(callOptions);
  CallOptions options;
  if (std::optional<val> refused = refuseCall(callOptions, signal, options)) return *refused;
  ValidatedRequest validated = validateRequest(toInputObject(request));
  if (!validated.request)
    return rejectedPromise(invalidFailure(ErrorCode::InvalidRequest, std::move(validated.issues)));
  return runCall(signal, [&](const PromiseSettler& settle) {
    return client_->generateKycLink(std::move(*validated.request), options, [settle](LinkResult result) {
      if (result.link)
        settle(toJs(*result.link), false);
      else
        settle(toJs(*result.failure), true);
    });
  });
}

val WasmClient::getVerifications(val query, val callOptions) {
  const val signal = signalOf(callOptions);
  CallOptions options;
  if (std::optional<val> refused = refuseCall(callOptions, signal, options)) return *refused;
  ValidatedRecordsQuery validated = validateRecordsQuery(toInputObject(query));
  if (!validated.query) return rejectedPromise(invalidFailure(ErrorCode::InvalidRequest, std::move(validated.issues)));
  return runCall(signal, [&](const PromiseSettler& settle) {
    return client_->getVerifications(std::move(*validated.query), options, [settle](RecordsResult result) {
      if (result.records)
        settle(toJs(result), false);
      else
        settle(toJs(*result.failure), true);
    });
  });
}

val WasmClient::getAccessToken(val callOptions) {
  const val signal = signalOf(callOptions);
  CallOptions options;
  if (std::optional<val> refused = refuseCall(callOptions, signal, options)) return *refused;
  return runCall(signal, [&](const PromiseSettler& settle) {
    return client_->getAccessToken(options, [settle](std::optional<std::string> token, std::optional<Failure> failure) {
      if (token)
        settle(val(*token), false);
      else
        settle(toJs(*failure), true);
    });
  });
}

void WasmClient::abortCall(std::uint32_t clientKey, std::uint32_t callId) {
  WasmClient* client = findClient(clientKey);
  if (client) client->client_->abort(callId);
}

void WasmClient::deliverToken(std::uint32_t clientKey, std::uint32_t requestId, val value, bool rejected) {
  WasmClient* client = findClient(clientKey);
  if (client && client->tokenProvider_) client->tokenProvider_->deliver(requestId, value, rejected);
}

}  // namespace kyc::wasm
