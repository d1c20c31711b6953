// The admin tool's own backend: serves the built page under a strict CSP, tells the page where
// FACEKI is (GET /api/config) and hands it bearer tokens (POST /api/token). The client secret stays here.

import http from 'node:http';

import { createKycClient } from 'faceki-kyc-link';

import { securityHeaders } from './security-headers.mjs';
import { readStatic } from './static-files.mjs';

/**
 * @param {{ distDir: string, facekiBaseUrl: string, clientId: string, clientSecret: string,
 *           environment?: string, port?: number, host?: string }} options
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startAdminServer(options) {
  const { distDir, facekiBaseUrl, environment = 'production', port = 0, host = '127.0.0.1' } = options;
  // The package's own client holds the secret and caches the token for every page.
  const faceki = await createKycClient({
    baseUrl: facekiBaseUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
  });
  const headers = securityHeaders(new URL(facekiBaseUrl).origin);
  const config = JSON.stringify({ baseUrl: facekiBaseUrl, environment });

  const server = http.createServer(async (req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    const send = (status, type, body, extra = {}) => {
      res.writeHead(status, { ...headers, 'content-type': type, ...extra });
      res.end(body);
    };
    const sendJson = (status, value) =>
      send(status, 'application/json; charset=utf-8', JSON.stringify(value), { 'cache-control': 'no-store' });

    // A real deployment checks its own staff session here before handing out a FACEKI token.
    if (pathname === '/api/token') {
      if (req.method !== 'POST') return sendJson(405, { error: 'use POST' });
      try {
        return sendJson(200, { token: await faceki.getAccessToken() });
      } catch (error) {
        return sendJson(502, { error: error.message });
      }
    }
    if (pathname === '/api/config') return send(200, 'application/json; charset=utf-8', config, { 'cache-control': 'no-store' });
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(405, { error: 'method not allowed' });

    const file = await readStatic(distDir, pathname);
    if (!file) return send(404, 'text/plain; charset=utf-8', 'not found');
    send(200, file.type, req.method === 'HEAD' ? undefined : file.body);
  });

  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
  } catch (error) {
    faceki.close();
    throw error;
  }
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return {
    url: `http://${host}:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        faceki.close();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
