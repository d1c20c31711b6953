// The package in a dedicated module Web Worker beside a page in Chromium, under the strict CSP: the
// same scenario the other runtimes run (tests/runtimes/): a link against a sandbox on another origin,
// a redirect refused and an oversize answer refused.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import {
  assertErrorsKeepSecrets,
  assertLink,
  assertOversizeRefused,
  assertRedirectRefused,
} from '../runtimes/expect.mjs';
import { startServers } from '../runtimes/servers.mjs';
import { launchChromium } from './support/chromium.mjs';
import { openHarness } from './support/pages.mjs';
import { repoRoot } from './support/paths.mjs';
import { startStaticServer, strictCsp } from './support/static-server.mjs';

let servers;
let server;
let browser;
let page;

before(async () => {
  servers = await startServers();
  server = await startStaticServer({ root: repoRoot, csp: strictCsp(`${servers.sandbox.url} ${servers.hostile.url}`) });
  servers.sandbox.allowOrigin(new URL(server.url).origin); // the sandbox answers CORS for told origins only
  browser = await launchChromium();
  ({ page } = await openHarness(browser, `${server.url}/tests/browser/fixtures/worker/`));
});

after(async () => {
  await browser?.close();
  await server?.close();
  await servers?.close();
});

test('a dedicated Worker makes a link and refuses a redirect and an oversize answer', async () => {
  const applicationId = 'web-worker';
  const answer = await page.evaluate((config) => window.runInWorker(config), servers.config(applicationId));
  assert.equal(answer.failure, undefined, answer.failure);
  assertLink(answer.report, servers, applicationId);
  assertRedirectRefused(answer.report, servers, { hiddenByRuntime: true });
  assertOversizeRefused(answer.report);
  assertErrorsKeepSecrets(answer.report);
});
