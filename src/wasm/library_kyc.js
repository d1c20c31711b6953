// JS half of the wasm layer, linked with --js-library.
mergeInto(LibraryManager.library, {
  // Emscripten 3.1.6's emscripten_fetch_close() deletes the XMLHttpRequest from Fetch.xhrs but leaves it
  // running; when it ends, its handlers write into the freed emscripten_fetch_t. Detach and abort first.
  kyc_abort_xhr__deps: ['$Fetch'],
  kyc_abort_xhr: function (fetchId) {
    var xhr = Fetch.xhrs[fetchId - 1];
    if (!xhr) return;
    xhr.onload = xhr.onerror = xhr.ontimeout = xhr.onprogress = xhr.onreadystatechange = null;
    try {
      xhr.abort();
    } catch (ignored) {
      // An XMLHttpRequest that already ended may refuse abort(); it is detached either way.
    }
  },

  // The package's adapters (npm/src/transport) read maxResponseBytes when the answer starts to arrive,
  // which is always after emscripten_fetch() has returned and this has run.
  kyc_limit_response__deps: ['$Fetch'],
  kyc_limit_response: function (fetchId, maxBytes) {
    var xhr = Fetch.xhrs[fetchId - 1];
    if (xhr) xhr.maxResponseBytes = maxBytes;
  },

  // Why an adapter ended a request with no usable answer: 1 the answer was over maxResponseBytes, 2 a
  // redirect the runtime hides (fetch's opaqueredirect), 0 anything else. Same numbers as
  // fetch_transport.cpp's TransportEnd.
  kyc_transport_end__deps: ['$Fetch'],
  kyc_transport_end: function (fetchId) {
    var xhr = Fetch.xhrs[fetchId - 1];
    var end = xhr && xhr.transportEnd;
    return end === 'too-large' ? 1 : end === 'hidden-redirect' ? 2 : 0;
  },
});
