// The module's embind surface. The JS skin (npm/src) wraps it; nothing else should call it directly.

#include <emscripten/bind.h>

#include "core/request.hpp"
#include "js_values.hpp"
#include "wasm_client.hpp"

using emscripten::val;

namespace {

// Shared by client.validate() and the one-shot form: same rules as generateKycLink, no client needed.
val validateKycLinkRequest(val request) {
  return kyc::wasm::toJs(kyc::validateRequest(kyc::wasm::toInputObject(request)).issues);
}

}  // namespace

EMSCRIPTEN_BINDINGS(faceki_kyc_link) {
  using kyc::wasm::WasmClient;
  // Free functions over client keys, not an embind class: class_ costs ~3 KB gzip of glue.
  emscripten::function("kycOpenClient", &WasmClient::open);
  emscripten::function("kycGenerateKycLink", &WasmClient::generateKycLinkOn);
  emscripten::function("kycGetAccessToken", &WasmClient::getAccessTokenOn);
  emscripten::function("kycCloseClient", &WasmClient::close);
  emscripten::function("validateKycLinkRequest", &validateKycLinkRequest);
  emscripten::function("kycAbortCall", &WasmClient::abortCall);
  emscripten::function("kycDeliverToken", &WasmClient::deliverToken);
}
