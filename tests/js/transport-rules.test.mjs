// The transport's rules, on each flavour (node:http and fetch adapters): no redirect is followed, an
// answer is read only up to maxResponseBytes, nothing a server or a caller's signal does escapes to the
// host, a stopped wasm module takes no promise with it, and requests carry our User-Agent.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { describe, test } from 'node:test';

import { VERSION } from '../../npm/src/version.mjs';
import { hostileServer, linkAnswer } from './hostile-server.mjs';
import { assertNoSecrets, rejectionOf } from './support.mjs';
import { FLAVOURS, packageOver } from './transport-flavours.mjs';

const TOKEN = 'static-bearer-token-0123456789';
const REQUEST = { workflowId: 'wf-1', applicationId: 'user-1' };
const MiB = 1024 * 1024;

function clientOn(flavour, baseUrl, options = {}) {
  return packageOver(flavour).createKycClient({ token: TOKEN, baseUrl, maxRetries: 0, ...options });
}

/** Writes `total` bytes of `x` in 64 KiB chunks, with no Content-Length, as long as the peer reads. */
function streamJunk(response, total) {
  response.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const more = () => {
    while (sent < total) {
      sent += chunk.length;
      if (!response.write(chunk)) return response.once('drain', more);
    }
    response.end();
  };
  response.on('error', () => {});
  more();
}

test('the package version used in the User-Agent is the one in package.json', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../npm/package.json', import.meta.url)));
  assert.equal(VERSION, manifest.version);
});

for (const flavour of FLAVOURS) {
  describe(`transport over ${flavour}`, () => {
    test('a 308 to another host is HTTP_ERROR naming it; nothing reaches that host; not retried', async (t) => {
      const elsewhere = await hostileServer(t, linkAnswer, '127.0.0.2');
      const api = await hostileServer(t, (_request, response) => {
        response.writeHead(308, { location: `${elsewhere.url}/kycverify/api/kycverify/kyc-verify-link` });
        response.end();
      });
      const client = await clientOn(flavour, api.url, { maxRetries: 3 });
      const error = await rejectionOf(client.generateKycLink(REQUEST));
      assert.equal(error.code, 'HTTP_ERROR');
      assert.equal(error.status, 308);
      assert.match(error.message, new RegExp(`redirecting to ${elsewhere.url.slice(7)}; redirects are never followed`));
      assert.equal(error.retryable, false);
      assert.equal(api.requests.length, 1);
      assert.equal(elsewhere.requests.length, 0);
      assertNoSecrets(error, [TOKEN]);
    });

    test('a token request that is redirected never takes the client secret elsewhere', async (t) => {
      const secret = 'client-secret-do-not-follow';
      const elsewhere = await hostileServer(t, linkAnswer, '127.0.0.2');
      const api = await hostileServer(t, (request, response) => {
        response.writeHead(307, { location: `${elsewhere.url}${request.url}` });
        response.end();
      });
      const client = await packageOver(flavour).createKycClient({
        clientId: 'id',
        clientSecret: secret,
        baseUrl: api.url,
      });
      const error = await rejectionOf(client.generateKycLink(REQUEST));
      assert.equal(error.code, 'HTTP_ERROR');
      assert.equal(error.status, 307);
      assert.equal(elsewhere.requests.length, 0);
      assertNoSecrets(error, [secret]);
    });

    test('a 3xx with no Location or a broken one ends the call as HTTP_ERROR', async (t) => {
      const locations = [undefined, 'http://[::1', '\u0000', '//'];
      let next = 0;
      const api = await hostileServer(t, (_request, response) => {
        const location = locations[next++];
        response.writeHead(302, location === undefined ? {} : { location: encodeURI(location) });
        response.end();
      });
      const client = await clientOn(flavour, api.url);
      for (const location of locations) {
        const error = await rejectionOf(client.generateKycLink(REQUEST));
        assert.equal(error.code, 'HTTP_ERROR', `Location ${JSON.stringify(location)}`);
        assert.equal(error.status, 302);
      }
    });

    test('an answer over the default 1 MiB is cut: BAD_RESPONSE, wasm memory does not grow', async (t) => {
      let peerClosed;
      const closed = new Promise((resolve) => (peerClosed = resolve));
      const api = await hostileServer(t, (_request, response) => {
        response.on('close', peerClosed);
        streamJunk(response, 50 * MiB);
      });
      const loader = packageOver(flavour);
      const client = await loader.createKycClient({ token: TOKEN, baseUrl: api.url, maxRetries: 0 });
      const heapBefore = loader.modules[0].HEAPU8.length;
      const error = await rejectionOf(client.generateKycLink(REQUEST));
      assert.equal(error.code, 'BAD_RESPONSE');
      assert.match(error.message, /larger than 1048576 bytes/);
      assert.equal(error.retryable, false);
      assert.equal(loader.modules[0].HEAPU8.length, heapBefore);
      await closed; // the connection was dropped, not drained
    });

    test('maxResponseBytes sets the cap: exactly the cap is read, one byte more is not', async (t) => {
      const cap = 2048;
      const link = { responseCode: 0, data: 'link-1', url: 'https://apps.faceki.com/kycverify/link-1' };
      const exact = JSON.stringify({ ...link, pad: '' });
      const padded = JSON.stringify({ ...link, pad: 'p'.repeat(cap - exact.length) });
      const bodies = [padded, `${padded} `];
      const api = await hostileServer(t, (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(bodies.shift());
      });
      const client = await clientOn(flavour, api.url, { maxResponseBytes: cap });
      assert.equal(Buffer.byteLength(padded), cap);
      assert.equal((await client.generateKycLink(REQUEST)).linkId, 'link-1');
      const error = await rejectionOf(client.generateKycLink(REQUEST));
      assert.equal(error.code, 'BAD_RESPONSE');
      assert.match(error.message, /larger than 2048 bytes/);
    });

    test('a Content-Length over the cap rejects before any of the body is read', async (t) => {
      let peerClosed;
      const closed = new Promise((resolve) => (peerClosed = resolve));
      const api = await hostileServer(t, (_request, response) => {
        response.on('close', peerClosed);
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(10 * MiB) });
        response.flushHeaders(); // and never a byte of the body
      });
      const client = await clientOn(flavour, api.url, { timeoutMs: 60000 });
      const error = await rejectionOf(client.generateKycLink(REQUEST));
      assert.equal(error.code, 'BAD_RESPONSE');
      await closed;
    });

    test('a reset in the middle of the body is NETWORK_ERROR', async (t) => {
      const api = await hostileServer(t, (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
        response.write('{"responseCode":0,');
        setImmediate(() => response.socket.destroy());
      });
      const client = await clientOn(flavour, api.url);
      assert.equal((await rejectionOf(client.generateKycLink(REQUEST))).code, 'NETWORK_ERROR');
    });

    test('bytes that are not HTTP are NETWORK_ERROR', async (t) => {
      const server = createServer((socket) => socket.end('SSH-2.0-not-http\r\n\r\n\u0000\u0001'));
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      t.after(() => server.close());
      const client = await clientOn(flavour, `http://127.0.0.1:${server.address().port}`);
      assert.equal((await rejectionOf(client.generateKycLink(REQUEST))).code, 'NETWORK_ERROR');
    });

    test('a caller signal that throws or lies ends the call as ABORTED, sends nothing, never hangs', async (t) => {
      const api = await hostileServer(t, linkAnswer);
      const client = await clientOn(flavour, api.url);
      const boom = () => {
        throw new Error('hostile signal');
      };
      const signals = [
        { aborted: false, addEventListener: boom, removeEventListener() {} },
        Object.defineProperty({ addEventListener() {}, removeEventListener() {} }, 'aborted', { get: boom }),
        new Proxy({}, { get: boom, has: boom, getPrototypeOf: boom }),
      ];
      for (const signal of signals) {
        const error = await rejectionOf(client.generateKycLink(REQUEST, { signal }));
        assert.equal(error.code, 'ABORTED');
        assert.match(error.message, /signal could not be read/);
      }
      assert.equal(api.requests.length, 0);
      assert.equal(client.pendingCalls, 0);
    });

    test('a signal whose removeEventListener throws still lets the call resolve', async (t) => {
      const api = await hostileServer(t, linkAnswer);
      const client = await clientOn(flavour, api.url);
      const signal = new AbortController().signal;
      signal.removeEventListener = () => {
        throw new Error('hostile remove');
      };
      assert.equal((await client.generateKycLink(REQUEST, { signal })).linkId, 'link-1');
      assert.equal(client.pendingCalls, 0);
    });

    test('the User-Agent names the package and the runtime', async (t) => {
      const api = await hostileServer(t, linkAnswer);
      const client = await clientOn(flavour, api.url);
      await client.generateKycLink(REQUEST);
      assert.equal(api.requests[0].headers['user-agent'], `faceki-kyc-link/${VERSION} (node/${process.versions.node})`);
    });

    test("the server's request id is on the error when it is usable", async (t) => {
      const ids = ['req-42_abc', 'two words', 'x'.repeat(500)];
      const api = await hostileServer(t, (_request, response) => {
        response.writeHead(503, { 'x-request-id': ids[api.requests.length - 1] });
        response.end('{"message":"busy"}');
      });
      const client = await clientOn(flavour, api.url);
      const first = await rejectionOf(client.generateKycLink(REQUEST));
      assert.equal(first.requestId, 'req-42_abc');
      assert.equal(first.toJSON().requestId, 'req-42_abc');
      assert.equal((await rejectionOf(client.generateKycLink(REQUEST))).requestId, undefined);
      assert.equal((await rejectionOf(client.generateKycLink(REQUEST))).requestId, undefined);
    });

    // A broken rule would leave the held call pending forever: the timeout turns that into a failure.
    const noHang = { timeout: 30000 };
    test(
      'a module that stops (out of memory) rejects every pending call with INTERNAL; the next client gets a fresh one',
      noHang,
      async (t) => {
        const held = [];
        const api = await hostileServer(t, (request, response) => {
          if (request.headers.authorization === `Bearer ${TOKEN}-big`) {
            response.writeHead(200, { 'content-type': 'application/json' });
            response.end(Buffer.alloc(15 * MiB, ' ')); // needs the wasm heap to grow
          } else if (request.headers.authorization === `Bearer ${TOKEN}-held`) {
            held.push(response); // answered never: only the module's death can end this call
          } else {
            linkAnswer(request, response);
          }
        });
        const loader = packageOver(flavour);
        const big = await loader.createKycClient({
          token: `${TOKEN}-big`,
          baseUrl: api.url,
          maxResponseBytes: 16 * MiB,
        });
        const waiting = await loader.createKycClient({ token: `${TOKEN}-held`, baseUrl: api.url, timeoutMs: 600000 });
        const grow = WebAssembly.Memory.prototype.grow;
        WebAssembly.Memory.prototype.grow = () => {
          throw new RangeError('test: out of memory');
        };
        const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
        const timersBefore = timers();
        let results;
        try {
          const pending = [waiting.generateKycLink(REQUEST), waiting.getAccessToken()];
          const heldCall = rejectionOf(pending[0]);
          while (held.length === 0) await new Promise((resolve) => setImmediate(resolve));
          results = await Promise.all([rejectionOf(big.generateKycLink(REQUEST)), heldCall]);
        } finally {
          WebAssembly.Memory.prototype.grow = grow;
        }
        for (const error of results) {
          assert.equal(error.code, 'INTERNAL');
          assert.match(error.message, /WebAssembly module stopped/);
        }
        assert.equal(waiting.pendingCalls, 0);
        assert.ok(timers() <= timersBefore, 'the stopped module left timers running'); // the held call's 600 s timeout
        assert.equal((await rejectionOf(big.generateKycLink(REQUEST))).code, 'INTERNAL');
        assert.equal(process.exitCode, undefined);

        const fresh = await loader.createKycClient({ token: TOKEN, baseUrl: api.url });
        assert.equal(loader.modules.length, 2);
        assert.equal((await fresh.generateKycLink(REQUEST)).linkId, 'link-1');
        big.close();
        waiting.close();
      },
    );
  });
}
