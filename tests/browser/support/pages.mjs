// The two ways a page gets the package: by path from a plain module page, or through Vite.

import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { build } from 'vite';

import { fixturesDir, repoRoot } from './paths.mjs';
import { startStaticServer, strictCsp } from './static-server.mjs';

/** Serves the repo root; the page is /tests/browser/fixtures/plain/. */
export async function servePlainPage(sandboxOrigin) {
  const server = await startStaticServer({ root: repoRoot, csp: strictCsp(sandboxOrigin) });
  return { ...server, pageUrl: `${server.url}/tests/browser/fixtures/plain/` };
}

/** Builds fixtures/vite-app with Vite into a temporary folder and serves that. */
export async function serveVitePage(sandboxOrigin) {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'kyc-vite-page-'));
  await build({
    root: path.join(fixturesDir, 'vite-app'),
    configFile: false,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  const server = await startStaticServer({ root: outDir, csp: strictCsp(sandboxOrigin) });
  return { ...server, pageUrl: `${server.url}/` };
}

/** Opens a page and waits for the harness to have its first client. */
export async function openHarness(browser, pageUrl) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const response = await page.goto(pageUrl);
  await page.waitForSelector('html[data-harness="ready"]', { timeout: 15_000 }).catch((error) => {
    throw new Error(`the harness never got ready: ${problems.join('; ') || error.message}`);
  });
  return { page, response, problems };
}
