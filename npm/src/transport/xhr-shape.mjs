// What Emscripten 3.1.6's Fetch (src/Fetch.js, fetchXHR) uses of an XMLHttpRequest, and nothing more,
// with the rules every flavour of the package's transport shares:
// - no method throws: a request that cannot start fails later, through onerror, as a network error;
// - no redirect is followed (a flavour hands a 3xx over as the answer it is);
// - an answer is read up to `maxResponseBytes` (set by src/wasm/library_kyc.js right after send());
//   past it the transfer is cut and `transportEnd` says why;
// - events fire asynchronously, at most once, and never after abort(); a throw from a handler (that is,
//   from Emscripten or the module behind it) goes to `onCallbackError`, never to the host.
// Flavours implement start(method, url, headers, body) and stop(), and call deliver() or fail().

// Until library_kyc.js sets the request's own cap; the core's default (src/core/http.hpp) is the same.
const UNSET_MAX_RESPONSE_BYTES = 1024 * 1024;

export class XhrShape {
  readyState = 0;
  status = 0;
  statusText = '';
  response = null;
  responseType = '';
  timeout = 0; // Emscripten sets it; the core runs its own timers
  withCredentials = false;
  maxResponseBytes = UNSET_MAX_RESPONSE_BYTES;
  transportEnd = undefined; // 'too-large' | 'hidden-redirect' when the adapter ended the request itself
  onload = null;
  onerror = null;
  ontimeout = null;
  onprogress = null;
  onreadystatechange = null;
  onCallbackError = null;

  #method = 'GET';
  #url = '';
  #headers = {};
  #responseHeaders = '';
  #ended = false;

  open(method, url) {
    this.#method = String(method);
    this.#url = String(url);
    this.readyState = 1;
  }

  setRequestHeader(name, value) {
    this.#headers[String(name).toLowerCase()] = String(value);
  }

  overrideMimeType() {}

  getAllResponseHeaders() {
    return this.#responseHeaders;
  }

  send(body) {
    queueMicrotask(() => {
      if (this.#ended) return;
      try {
        const started = this.start(this.#method, this.#url, this.#headers, body ?? undefined);
        if (started && typeof started.catch === 'function') started.catch(() => this.fail());
      } catch {
        this.fail();
      }
    });
  }

  abort() {
    if (this.#ended) return;
    this.#ended = true;
    this.#stopQuietly();
  }

  /** Whether deliver() or fail() may still be called. */
  get ended() {
    return this.#ended;
  }

  /** An answer arrived in full: status, raw header lines ("name: value\r\n"...), the body (Uint8Array). */
  deliver(status, statusText, headerLines, body) {
    if (this.#ended) return;
    this.#ended = true;
    this.readyState = 4;
    this.status = status;
    this.statusText = statusText ?? '';
    this.#responseHeaders = headerLines;
    const exact = body.byteOffset === 0 && body.buffer.byteLength === body.byteLength;
    // Emscripten copies `response` into wasm memory; a view into a larger buffer (Node's pool) is copied out first.
    this.response = exact ? body.buffer : Uint8Array.prototype.slice.call(body).buffer;
    this.#dispatch(this.onload);
  }

  /** No usable answer: a network error, or `end` ('too-large', 'hidden-redirect') when the adapter cut it. */
  fail(end) {
    if (this.#ended) return;
    this.#ended = true;
    this.transportEnd = end;
    this.#stopQuietly();
    this.readyState = 4;
    this.status = 0;
    this.#dispatch(this.onerror);
  }

  /** Whether `bytes` more would pass the cap; if so the request is cut here. */
  overCap(bytes) {
    if (bytes <= this.maxResponseBytes) return false;
    this.fail('too-large');
    return true;
  }

  #stopQuietly() {
    try {
      this.stop();
    } catch {
      // the request is forgotten either way
    }
  }

  #dispatch(handler) {
    if (typeof handler !== 'function') return;
    try {
      handler.call(this, { loaded: 0, total: 0 });
    } catch (error) {
      if (typeof this.onCallbackError === 'function') this.onCallbackError(error);
    }
  }
}

/** Joins header [name, value] pairs the way getAllResponseHeaders() reports them. */
export function headerLines(pairs) {
  let lines = '';
  for (const [name, value] of pairs) lines += `${name}: ${value}\r\n`;
  return lines;
}

/** One Uint8Array of exactly `size` bytes from the chunks read. */
export function joinChunks(chunks, size) {
  if (chunks.length === 1 && chunks[0].byteLength === size) return chunks[0];
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}
