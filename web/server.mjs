// The admin tool's own backend: serves the built page under a strict CSP, tells the page where
// FACEKI is (GET /api/config) and hands it bearer tokens (POST /api/token). The client secret stays here.
// request-guard.mjs and session-token.mjs decide who may ask; no request can take the process down.

import http from 'node:http';

// The package by path, not by name: the server (and web/serve.mjs, which installs web/'s
// dependencies) must start before they are installed. The page imports it by name (Vite).
import { createKycClient } from '../npm/index.mjs';

import { allowedHosts, formatHost, requestProblem } from './request-guard.mjs';
import { securityHeaders } from './security-headers.mjs';
import { createSessionGuard } from './session-token.mjs';
import { readStatic } from './static-files.mjs';

/**
 * @param {{ distDir: string, facekiBaseUrl: string, clientId: string, clientSecret: string,
 *           environment?: string, port?: number, host?: string }} options
 * @returns {Promise<{ url: string, origins: string[], close(): Promise<void> }>} `origins`: every origin
 *   the page may be loaded from (the bound one and its loopback forms)
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
  const sessions = createSessionGuard();
  let hosts = []; // known once listening

  async function handle(req, res) {
    const send = (status, type, body, extra = {}) => {
      res.writeHead(status, { ...headers, 'content-type': type, ...extra });
      res.end(body);
    };
    const sendJson = (status, value, extra = {}) =>
      send(status, 'application/json; charset=utf-8', JSON.stringify(value), { 'cache-control': 'no-store', ...extra });

    const target = parseTarget(req.url);
    if (target === null) return sendJson(400, { error: 'malformed request target' });
    const { pathname, decodedPathname } = target;
    const problem = requestProblem(req, pathname, hosts);
    if (problem) return sendJson(problem.status, { error: problem.message });

    // A real deployment checks its own staff session here before handing out a FACEKI token.
    if (pathname === '/api/token') {
      if (req.method !== 'POST') return sendJson(405, { error: 'use POST' }, { allow: 'POST' });
      if (!sessions.verify(req)) return sendJson(403, { error: 'missing or wrong session token' });
      try {
        return sendJson(200, { token: await faceki.getAccessToken() });
      } catch (error) {
        return sendJson(502, { error: error.message });
      }
    }
    if (pathname === '/api/config') {
      if (req.method !== 'GET') return sendJson(405, { error: 'use GET' }, { allow: 'GET' });
      const { csrfToken, setCookie } = sessions.open(req);
      const cookieHeader = setCookie ? { 'set-cookie': setCookie } : {};
      return sendJson(200, { baseUrl: facekiBaseUrl, environment, csrfToken }, cookieHeader);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(405, { error: 'method not allowed' });

    const file = await readStatic(distDir, decodedPathname);
    if (!file) return send(404, 'text/plain; charset=utf-8', 'not found');
    send(200, file.type, req.method === 'HEAD' ? undefined : file.body);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      // Only a bug gets here: answer if still possible, never let the rejection end the process.
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('internal error');
    });
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
  const boundPort = server.address().port;
  hosts = allowedHosts(host, boundPort);
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return {
    url: `http://${formatHost(host)}:${boundPort}`,
    origins: hosts.map((allowed) => `http://${allowed}`),
    close: () =>
      new Promise((resolve) => {
        faceki.close();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}

/** The request's path as sent and percent-decoded, or null when the target is not a decodable path. */
function parseTarget(target) {
  if (!target.startsWith('/')) return null;
  try {
    const { pathname } = new URL(target, 'http://admin.invalid');
    return { pathname, decodedPathname: decodeURIComponent(pathname) };
  } catch {
    return null;
  }
}
