// The package itself in Chromium, under script-src 'self' 'wasm-unsafe-eval', loaded by a plain
// module page and by a Vite build, calling a sandbox on another origin (CORS, preflight included).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { startSandbox } from 'faceki-kyc-link/sandbox';

import { launchChromium } from './support/chromium.mjs';
import { openHarness, servePlainPage, serveVitePage } from './support/pages.mjs';

const WORKFLOW = 'sandbox-workflow';

for (const [kind, servePage] of [
  ['plain module page', servePlainPage],
  ['Vite-built page', serveVitePage],
]) {
  describe(`faceki-kyc-link in a ${kind}`, () => {
    let sandbox;
    let server;
    let browser;
    let page;
    let options;

    before(async () => {
      sandbox = await startSandbox();
      server = await servePage(sandbox.url);
      sandbox.allowOrigin(new URL(server.pageUrl).origin); // the sandbox answers CORS for told origins only
      browser = await launchChromium();
      let response;
      ({ page, response } = await openHarness(browser, server.pageUrl));
      assert.match(response.headers()['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
      options = { baseUrl: sandbox.url, token: sandbox.issueToken(), maxRetries: 0 };
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      await sandbox?.close();
    });

    test('loads its WebAssembly core under the strict CSP, with no violation', async () => {
      const csp = await page.evaluate(() => window.kycHarness.csp);
      assert.equal(csp.evalBlocked, true, 'the CSP must really forbid eval in this page');
      assert.equal(csp.violationsBeforeProbe, 0);
    });

    test('generates a link against the sandbox', async () => {
      const result = await page.evaluate(
        ([o, r]) => window.kycHarness.generate(o, r),
        [options, { workflowId: WORKFLOW, applicationId: 'browser-1', expiryTime: 60 }],
      );
      assert.equal(result.ok, true, JSON.stringify(result.error));
      const issued = sandbox.links.at(-1);
      assert.equal(result.link.linkId, issued.linkId);
      assert.equal(result.link.url, `${sandbox.url}/kycverify/${issued.linkId}`);
      assert.equal(issued.applicationId, 'browser-1');
      assert.equal(issued.expiryTime, 60);
    });

    test('reports a validation error without calling the sandbox', async () => {
      const before = sandbox.stats().linkRequests;
      const request = { workflowId: WORKFLOW, expiryTime: 0, redirectUrl: 'not a url' };
      const issues = await page.evaluate(([o, r]) => window.kycHarness.validate(o, r), [options, request]);
      assert.deepEqual(issues.map((issue) => issue.field).sort(), ['expiryTime', 'redirectUrl']);

      const result = await page.evaluate(([o, r]) => window.kycHarness.generate(o, r), [options, request]);
      assert.equal(result.ok, false);
      assert.equal(result.isKycError, true);
      assert.equal(result.error.code, 'INVALID_REQUEST');
      assert.equal(result.error.issues.length, 2);
      assert.equal(sandbox.stats().linkRequests, before);
    });

    test('reports FACEKI API errors as KycError API_ERROR with the response code', async () => {
      const result = await page.evaluate(
        ([o, r]) => window.kycHarness.generate(o, r),
        [options, { workflowId: 'no-such-workflow' }],
      );
      assert.equal(result.ok, false);
      assert.equal(result.isKycError, true);
      assert.equal(result.error.code, 'API_ERROR');
      assert.equal(result.error.responseCode, 5001);
      assert.equal(result.error.reason, 'WORKFLOW_NOT_FOUND');
    });

    test('rejects with ABORTED when the signal aborts mid-request', async () => {
      sandbox.failNext({ delayMs: 10_000 });
      const started = Date.now();
      const result = await page.evaluate(
        ([o, r]) => window.kycHarness.abortMidway(o, r, 100),
        [options, { workflowId: WORKFLOW }],
      );
      assert.equal(result.ok, false);
      assert.equal(result.isKycError, true);
      assert.equal(result.error.code, 'ABORTED');
      assert.ok(Date.now() - started < 5_000, 'the abort must not wait for the server');
    });
  });
}
