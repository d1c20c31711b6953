// The Node flavour of the package's transport: Emscripten Fetch's XMLHttpRequest over node:http and
// node:https with keep-alive agents. Chosen over undici: it is already loaded in every Node process
// (undici costs 130-160 ms to import, against a 20 ms cold-start budget), and node:http never follows
// redirects. node:https (tls, crypto) is loaded on the first https request, not at import.

import http from 'node:http';

import { loadHttps } from './load-https.cjs';
import { XhrShape, headerLines, joinChunks } from './xhr-shape.mjs';

/** An XMLHttpRequest-shaped class with agents of its own (one per wasm module). */
export function createNodeXhr({ userAgent }) {
  const agents = new Map();
  function agentFor(protocol) {
    if (!agents.has(protocol)) {
      const module = protocol === 'https:' ? loadHttps() : http;
      agents.set(protocol, { module, agent: new module.Agent({ keepAlive: true }) });
    }
    return agents.get(protocol);
  }

  return class NodeXhr extends XhrShape {
    #request = null;

    start(method, url, headers, body) {
      const target = new URL(url);
      if (target.protocol !== 'http:' && target.protocol !== 'https:') return this.fail();
      const { module, agent } = agentFor(target.protocol);
      if (userAgent) headers['user-agent'] = userAgent;
      if (body) headers['content-length'] = String(body.byteLength);
      const request = module.request(target, { method, headers, agent }, (response) => this.#read(response));
      this.#request = request;
      request.on('error', () => this.fail());
      request.end(body ? Buffer.from(body.buffer, body.byteOffset, body.byteLength) : undefined);
    }

    stop() {
      this.#request?.destroy();
    }

    #read(response) {
      if (this.overCap(Number(response.headers['content-length']) || 0)) return;
      const chunks = [];
      let size = 0;
      response.on('data', (chunk) => {
        size += chunk.byteLength;
        if (!this.overCap(size)) chunks.push(chunk);
      });
      response.on('error', () => this.fail());
      response.on('end', () => {
        const pairs = [];
        for (let i = 0; i < response.rawHeaders.length; i += 2)
          pairs.push([response.rawHeaders[i], response.rawHeaders[i + 1]]);
        this.deliver(response.statusCode, response.statusMessage, headerLines(pairs), joinChunks(chunks, size));
      });
      // A connection that closes before the end of the body is a network error (after 'end' this is a no-op).
      response.on('close', () => this.fail());
    }
  };
}
