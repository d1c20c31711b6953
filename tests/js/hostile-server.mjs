// A server on loopback that answers however a test says: redirects, resets, huge or endless bodies.

import { createServer } from 'node:http';

/**
 * Starts `handler(request, response)` on `host` (default 127.0.0.1); closed after the test. Resolves to
 * { url, requests } where requests lists every request's method, url and headers as they arrived.
 */
export async function hostileServer(t, handler, host = '127.0.0.1') {
  const requests = [];
  const sockets = new Set();
  const server = createServer((request, response) => {
    requests.push({ method: request.method, url: request.url, headers: request.headers });
    handler(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  t.after(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://${host}:${server.address().port}`, requests };
}

/** A handler giving a FACEKI-shaped link answer. */
export function linkAnswer(_request, response) {
  const body = JSON.stringify({ responseCode: 0, data: 'link-1', url: 'https://apps.faceki.com/kycverify/link-1' });
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(body);
}
