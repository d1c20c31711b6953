// What the harness starts for each runtime, all in this Node process on 127.0.0.1: the sandbox, and a
// hostile "FACEKI" that answers by the bearer token: `token-for-308` gets a 308 to a second server (which
// must never be reached), `token-for-oversize` a 200 whose chunked body is far past the client's cap.

import http from 'node:http';

import { startSandbox } from '../../npm/sandbox/index.cjs';

const OVERSIZE_BYTES = 256 * 1024;

function listen(server) {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

function closer(server) {
  return () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
}

async function startHostile() {
  const elsewhere = { hits: 0 };
  const other = http.createServer((_req, res) => {
    elsewhere.hits += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"responseCode":0,"data":{"url":"http://x/y"}}');
  });
  const otherUrl = await listen(other);

  const server = http.createServer((req, res) => {
    // CORS for the Web Worker in Chromium; the other runtimes ignore it.
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.setHeader('access-control-allow-headers', 'authorization, content-type');
      res.writeHead(204, { 'access-control-allow-methods': 'POST' }).end();
      return;
    }
    const token = String(req.headers.authorization ?? '').replace(/^Bearer /, '');
    if (token === 'token-for-308') {
      res.writeHead(308, { location: `${otherUrl}/elsewhere` }).end();
    } else if (token === 'token-for-oversize') {
      // No Content-Length: the cap has to be enforced while reading, not from the header.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"responseCode":0,"data":"');
      res.end(`${'x'.repeat(OVERSIZE_BYTES)}"}`);
    } else {
      res.writeHead(400).end();
    }
  });
  const url = await listen(server);
  const closeServer = closer(server);
  const closeOther = closer(other);
  return { url, otherUrl, elsewhere, close: () => Promise.all([closeServer(), closeOther()]) };
}

/** Starts both; `close()` stops them. */
export async function startServers() {
  const sandbox = await startSandbox();
  const hostile = await startHostile();
  return {
    sandbox,
    hostile,
    config: (applicationId) => ({ sandboxUrl: sandbox.url, hostileUrl: hostile.url, applicationId }),
    close: () => Promise.all([sandbox.close(), hostile.close()]),
  };
}
