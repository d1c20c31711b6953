// Prototype: the XMLHttpRequest subset Emscripten 3.1.6's Fetch uses (fetchXHR in the glue), over
// node:http(s) with keep-alive agents. A candidate to replace xhr2 in npm/src/node.mjs; measured by
// run.mjs as the client "ours-http-xhr" via configureWasm({ XMLHttpRequest: NodeHttpXhr }).
//
// Used by the glue: open(method, url, async), setRequestHeader, overrideMimeType, withCredentials,
// timeout, responseType = 'arraybuffer', send(Uint8Array | null), abort(), getAllResponseHeaders(),
// readyState, status, statusText, response, and the onload / onerror / ontimeout handlers. It never
// sets onprogress or onreadystatechange callbacks in C++, so no progress events are raised. Redirects
// are not followed (the FACEKI API does not redirect; a 3xx is an HTTP error to the client).

import http from 'node:http';
import https from 'node:https';

const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

const DONE = 4;

export class NodeHttpXhr {
  readyState = 0;
  status = 0;
  statusText = '';
  response = null;
  responseType = '';
  timeout = 0;
  withCredentials = false;
  onload = null;
  onerror = null;
  ontimeout = null;
  onabort = null;
  onprogress = null;
  onreadystatechange = null;

  #method = 'GET';
  #url = '';
  #headers = {};
  #request = null;
  #timer = null;
  #rawHeaders = '';
  #ended = false;

  open(method, url) {
    this.#method = method;
    this.#url = url;
    this.readyState = 1;
  }

  setRequestHeader(name, value) {
    this.#headers[name] = value;
  }

  overrideMimeType() {}

  getAllResponseHeaders() {
    return this.#rawHeaders;
  }

  getResponseHeader(name) {
    const wanted = `${name.toLowerCase()}: `;
    const line = this.#rawHeaders.split('\r\n').find((entry) => entry.toLowerCase().startsWith(wanted));
    return line === undefined ? null : line.slice(wanted.length);
  }

  send(body) {
    const url = new URL(this.#url);
    const agent = agents[url.protocol];
    if (!agent) throw new TypeError(`unsupported protocol ${url.protocol}`);
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(url, { method: this.#method, headers: this.#headers, agent });
    this.#request = request;
    request.on('response', (response) => this.#receive(response));
    request.on('error', () => this.#fail('onerror'));
    if (this.timeout > 0) this.#timer = setTimeout(() => this.#fail('ontimeout'), this.timeout);
    request.end(body ?? undefined);
  }

  abort() {
    if (this.#ended) return;
    this.#finish();
    this.#request?.destroy();
  }

  #receive(response) {
    const chunks = [];
    response.on('data', (chunk) => chunks.push(chunk));
    response.on('error', () => this.#fail('onerror'));
    response.on('end', () => {
      if (this.#ended) return;
      this.#finish();
      this.status = response.statusCode;
      this.statusText = response.statusMessage ?? '';
      this.#rawHeaders = joinHeaders(response.rawHeaders);
      // The glue reads byteLength and copies with new Uint8Array(response): a Buffer serves as well
      // as an ArrayBuffer and spares a copy.
      this.response = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      this.onload?.({ type: 'load' });
    });
  }

  #fail(handler) {
    if (this.#ended) return;
    this.#finish();
    this.status = 0;
    this.#request?.destroy();
    this[handler]?.({ type: handler.slice(2) });
  }

  #finish() {
    this.#ended = true;
    this.readyState = DONE;
    if (this.#timer) clearTimeout(this.#timer);
  }
}

function joinHeaders(raw) {
  let out = '';
  for (let i = 0; i < raw.length; i += 2) out += `${raw[i]}: ${raw[i + 1]}\r\n`;
  return out;
}
