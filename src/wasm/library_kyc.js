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
});
