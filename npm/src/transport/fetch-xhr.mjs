// The fetch flavour of the package's transport, for every runtime with `fetch`: browsers, Web Workers,
// Deno, Bun, Cloudflare Workers, Vercel Edge. redirect: 'manual' keeps redirects unfollowed; browsers
// then hide the redirect (an opaqueredirect answer), which ends the request as 'hidden-redirect'. The body
// is read through a stream reader and cut at the cap.

import { XhrShape, headerLines, joinChunks } from './xhr-shape.mjs';

/**
 * An XMLHttpRequest-shaped class over `fetch` (looked up on globalThis at each request unless given).
 * `userAgent` is sent where the runtime lets a script set it; leave it undefined in browsers.
 */
export function createFetchXhr({ fetch, userAgent } = {}) {
  const send = fetch ?? ((input, init) => globalThis.fetch(input, init));

  return class FetchXhr extends XhrShape {
    #controller = null;

    async start(method, url, headers, body) {
      this.#controller = new AbortController();
      if (userAgent) headers['user-agent'] = userAgent;
      const response = await send(url, { method, headers, body, redirect: 'manual', signal: this.#controller.signal });
      if (response.type === 'opaqueredirect') return this.fail('hidden-redirect');
      if (this.overCap(Number(response.headers.get('content-length')) || 0)) return;
      const chunks = [];
      let size = 0;
      if (response.body) {
        const reader = response.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done || this.ended) break;
          size += value.byteLength;
          if (this.overCap(size)) break;
          chunks.push(value);
        }
      }
      this.deliver(response.status, response.statusText, headerLines(response.headers), joinChunks(chunks, size));
    }

    stop() {
      this.#controller?.abort();
    }
  };
}
