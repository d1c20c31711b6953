// Serves the built page from one folder: no directory listing, no path escaping the folder.

import { readFile } from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * @param {string} urlPath the request's path, already percent-decoded
 * @returns {Promise<{ body: Buffer, type: string } | null>}
 */
export async function readStatic(rootDir, urlPath) {
  const relative = urlPath === '/' ? 'index.html' : urlPath.replace(/^\/+/, '');
  const file = path.resolve(rootDir, relative);
  if (!file.startsWith(path.resolve(rootDir) + path.sep)) return null;
  try {
    const body = await readFile(file);
    return { body, type: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
