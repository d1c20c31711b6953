#include "fetch_transport.hpp"

#include <emscripten/eventloop.h>

#include <cstring>
#include <vector>

#include "core/http_headers.hpp"
#include "core/url.hpp"

// From library_kyc.js: stops the XMLHttpRequest behind a fetch. 3.1.6's emscripten_fetch_close() only
// forgets it, and its handlers would later write into the freed emscripten_fetch_t.
extern "C" void kyc_abort_xhr(unsigned int fetchId);
// From library_kyc.js: the byte cap for the answer of the request behind a fetch (the package's
// XMLHttpRequest adapters read it when the answer starts to arrive, always after this is set).
extern "C" void kyc_limit_response(unsigned int fetchId, double maxBytes);
// From library_kyc.js: why the adapter ended a request without a usable answer, as a TransportEnd.
extern "C" int kyc_transport_end(unsigned int fetchId);

namespace kyc::wasm {
namespace {

// emscripten_fetch_close() reports an in-flight close through onerror with this status.
constexpr unsigned short kClosedStatus = 0xffff;

// What kyc_transport_end() answers; the same numbers are in library_kyc.js.
enum TransportEnd { kEndedNormally = 0, kEndedTooLarge = 1, kEndedHiddenRedirect = 2 };

std::string responseHeaders(emscripten_fetch_t* fetch) {
  size_t length = emscripten_fetch_get_response_headers_length(fetch);
  if (length == 0) return {};
  std::string raw(length, '\0');
  emscripten_fetch_get_response_headers(fetch, raw.data(), raw.size());
  raw.resize(std::strlen(raw.c_str()));
  return raw;
}

HttpResponse toResponse(emscripten_fetch_t* fetch, size_t maxResponseBytes) {
  HttpResponse response;
  response.maxResponseBytes = maxResponseBytes;
  switch (kyc_transport_end(fetch->id)) {
    case kEndedTooLarge:
      response.outcome = TransportOutcome::TooLarge;
      return response;
    case kEndedHiddenRedirect:
      response.outcome = TransportOutcome::HiddenRedirect;
      return response;
    default:
      break;
  }
  if (fetch->status == 0) {
    response.outcome = TransportOutcome::NetworkError;
    return response;
  }
  // The adapters never deliver more than the cap; this holds whatever XMLHttpRequest sits underneath.
  if (fetch->numBytes > maxResponseBytes) {
    response.outcome = TransportOutcome::TooLarge;
    return response;
  }
  response.outcome = TransportOutcome::Response;
  response.status = fetch->status;
  if (fetch->data && fetch->numBytes > 0) response.body.assign(fetch->data, static_cast<size_t>(fetch->numBytes));
  const std::string headers = responseHeaders(fetch);
  response.retryAfter = findHeader(headers, "Retry-After");
  response.location = findHeader(headers, "Location");
  response.requestId = findHeader(headers, "X-Request-Id");
  if (response.requestId.empty()) response.requestId = findHeader(headers, "Request-Id");
  return response;
}

}  // namespace

FetchTransport::~FetchTransport() {
  for (auto& [id, pending] : pending_) {
    close(pending);
    if (pending.deliverTimer) emscripten_clear_timeout(pending.deliverTimer);
  }
}

HandleId FetchTransport::send(const HttpRequest& request, std::function<void(HttpResponse)> done) {
  HandleId id = nextId_++;
  Pending& pending = pending_[id];
  pending.transport = this;
  pending.id = id;
  pending.done = std::move(done);

  std::vector<const char*> headers;
  for (const auto& [name, value] : request.headers) {
    headers.push_back(name.c_str());
    headers.push_back(value.c_str());
  }
  headers.push_back(nullptr);

  emscripten_fetch_attr_t attr;
  emscripten_fetch_attr_init(&attr);
  std::strncpy(attr.requestMethod, request.method.c_str(), sizeof(attr.requestMethod) - 1);
  attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
  attr.requestHeaders = headers.data();                                     // copied by emscripten_fetch
  attr.requestData = request.body.empty() ? nullptr : request.body.data();  // copied before it returns
  attr.requestDataSize = request.body.size();
  attr.userData = &pending;
  attr.onsuccess = onFinished;
  attr.onerror = onFinished;
  pending.maxResponseBytes = request.maxResponseBytes;
  pending.host = urlHost(request.url);
  pending.fetch = emscripten_fetch(&attr, request.url.c_str());
  pending.sending = false;
  if (pending.fetch) kyc_limit_response(pending.fetch->id, static_cast<double>(request.maxResponseBytes));
  if (pending.early) {
    // xhr.send() threw inside emscripten_fetch(). The pipeline is promised no answer before send()
    // returns, so the failure is delivered from the event loop.
    close(pending);
    pending.deliverTimer = emscripten_set_timeout(deliverEarly, 0, &pending);
  }
  return id;
}

void FetchTransport::onFinished(emscripten_fetch_t* fetch) {
  if (fetch->status == kClosedStatus) return;  // our own close(); nothing to report
  auto* pending = static_cast<Pending*>(fetch->userData);
  if (pending->sending) {
    pending->early = toResponse(fetch, pending->maxResponseBytes);
    return;
  }
  HttpResponse response = toResponse(fetch, pending->maxResponseBytes);
  emscripten_fetch_close(fetch);  // finished: frees the struct and the body copy
  pending->fetch = nullptr;
  pending->transport->finish(*pending, std::move(response));
}

void FetchTransport::deliverEarly(void* userData) {
  auto* pending = static_cast<Pending*>(userData);
  pending->deliverTimer = 0;
  pending->transport->finish(*pending, std::move(*pending->early));
}

void FetchTransport::finish(Pending& pending, HttpResponse response) {
  std::function<void(HttpResponse)> done = std::move(pending.done);
  response.host = std::move(pending.host);
  pending_.erase(pending.id);  // before calling back: it may send again
  done(std::move(response));
}

void FetchTransport::cancel(HandleId id) {
  auto it = pending_.find(id);
  if (it == pending_.end()) return;
  close(it->second);
  if (it->second.deliverTimer) emscripten_clear_timeout(it->second.deliverTimer);
  pending_.erase(it);
}

void FetchTransport::close(Pending& pending) {
  if (!pending.fetch) return;
  kyc_abort_xhr(pending.fetch->id);
  emscripten_fetch_close(pending.fetch);  // calls onFinished with kClosedStatus, which ignores it
  pending.fetch = nullptr;
}

}  // namespace kyc::wasm
