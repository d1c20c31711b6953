// The module's embind surface. The JS skin (npm/src) wraps it; nothing else should call it directly.

#include <emscripten/bind.h>

#include "core/request.hpp"
#include "core/response.hpp"
#include "core/url.hpp"
#include "core/webhook.hpp"
#include "js_values.hpp"
#include "wasm_client.hpp"

using emscripten::val;

namespace {

// Shared by client.validate() and the one-shot form: same rules as generateKycLink, no client needed.
val validateKycLinkRequest(val request) {
  return kyc::wasm::toJs(kyc::validateRequest(kyc::wasm::toInputObject(request)).issues);
}

// A webhook's options checked: { header, maxBodyBytes } for the JS side's reading of the request, or a
// plain error (INVALID_CONFIG).
val webhookSettings(val options) {
  kyc::ValidatedWebhookOptions validated = kyc::validateWebhookOptions(kyc::wasm::toInputObject(options));
  if (!validated.options)
    return kyc::wasm::toJs(kyc::invalidFailure(kyc::ErrorCode::InvalidConfig, std::move(validated.issues)));
  val settings = val::object();
  settings.set("header", validated.options->header);
  settings.set("maxBodyBytes", static_cast<double>(validated.options->maxBodyBytes));
  return settings;
}

// headerValue: the configured header's value, or undefined/null when missing. body: a string (sent as
// UTF-8) or a Uint8Array (its bytes as they are). An event, or a plain error; options were checked by
// webhookSettings first, and are checked again here.
val parseWebhook(val options, val headerValue, std::string body) {
  kyc::ValidatedWebhookOptions validated = kyc::validateWebhookOptions(kyc::wasm::toInputObject(options));
  if (!validated.options)
    return kyc::wasm::toJs(kyc::invalidFailure(kyc::ErrorCode::InvalidConfig, std::move(validated.issues)));
  std::optional<std::string> header;
  if (headerValue.isString()) header = headerValue.as<std::string>();
  kyc::WebhookResult result = kyc::parseWebhookBody(*validated.options, header, body);
  val answer = result.event ? kyc::wasm::toJs(*result.event) : kyc::wasm::toJs(*result.failure);
  answer.set("ok", result.event.has_value());
  return answer;
}

// A link read back from a shared store, which whoever can write the store controls: handed out only if
// it passes the rules a link in FACEKI's answer passes (a tampered store could otherwise serve any URL).
bool storedLinkUsable(val linkId, val url) {
  const std::optional<std::string> id = kyc::wasm::copyJsString(linkId);
  const std::optional<std::string> address = kyc::wasm::copyJsString(url);
  return id && address && !kyc::linkIdProblem(*id) && !kyc::linkUrlProblem(*address);
}

}  // namespace

EMSCRIPTEN_BINDINGS(faceki_kyc_link) {
  using kyc::wasm::WasmClient;
  // Free functions over client keys, not an embind class: class_ costs ~3 KB gzip of glue.
  emscripten::function("kycOpenClient", &WasmClient::open);
  emscripten::function("kycGenerateKycLink", &WasmClient::generateKycLinkOn);
  emscripten::function("kycGetVerifications", &WasmClient::getVerificationsOn);
  emscripten::function("kycWebhookSettings", &webhookSettings);
  emscripten::function("kycParseWebhook", &parseWebhook);
  emscripten::function("kycGetAccessToken", &WasmClient::getAccessTokenOn);
  emscripten::function("kycCloseClient", &WasmClient::close);
  emscripten::function("validateKycLinkRequest", &validateKycLinkRequest);
  emscripten::function("kycStoredLinkUsable", &storedLinkUsable);
  emscripten::function("kycAbortCall", &WasmClient::abortCall);
  emscripten::function("kycDeliverToken", &WasmClient::deliverToken);
}
