// A tiny static server for test pages: files from `root`, every answer under the given CSP.

import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/** @returns {Promise<{ url: string, close(): Promise<void> }>} */
export async function startStaticServer({ root, csp }) {
  const rootDir = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(rootDir, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
    const headers = { 'content-security-policy': csp, 'cache-control': 'no-store' };
    if (!file.startsWith(rootDir + path.sep)) {
      res.writeHead(403, headers).end();
      return;
    }
    try {
      const body = await readFile(file);
      res
        .writeHead(200, { ...headers, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
        .end(body);
    } catch {
      res.writeHead(404, headers).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The strict policy the package is built for, allowing calls to `connectOrigin` (the sandbox). */
export function strictCsp(connectOrigin) {
  return `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self' ${connectOrigin}; base-uri 'none'`;
}
