#pragma once
// The Transport over Emscripten's Fetch API (XMLHttpRequest underneath, in Node and browsers alike).

#include <emscripten/fetch.h>

#include <functional>
#include <map>
#include <optional>

#include "core/environment.hpp"

namespace kyc::wasm {

class FetchTransport final : public Transport {
 public:
  ~FetchTransport() override;
  HandleId send(const HttpRequest& request, std::function<void(HttpResponse)> done) override;
  void cancel(HandleId request) override;

 private:
  struct Pending {
    FetchTransport* transport = nullptr;
    HandleId id = 0;
    emscripten_fetch_t* fetch = nullptr;
    std::function<void(HttpResponse)> done;
    bool sending = true;                // inside emscripten_fetch()
    std::optional<HttpResponse> early;  // it failed before emscripten_fetch() returned
    int deliverTimer = 0;
    size_t maxResponseBytes = 0;
    std::string host;  // the URL's host, for the NETWORK_ERROR message
  };
  static void onFinished(emscripten_fetch_t* fetch);
  static void deliverEarly(void* pending);
  void finish(Pending& pending, HttpResponse response);
  void close(Pending& pending);

  std::map<HandleId, Pending> pending_;
  HandleId nextId_ = 1;
};

}  // namespace kyc::wasm
