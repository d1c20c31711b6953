// What goes over the wire and what comes back: exact bytes, the result, and every error code that a
// well-behaved server (no fault injection) can produce.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRequire } from 'node:module';

import * as esm from '../../npm/index.mjs';
import { createKycClient, generateKycLink, KycError } from '../../npm/index.mjs';
import { assertNoSecrets, closedPort, rejectionOf, sandboxFor, silentServer, WORKFLOW } from './support.mjs';

const require = createRequire(import.meta.url);

test('the wire: POST, bearer token, JSON content type, exactly the given fields in FACEKI names', async (t) => {
  const sandbox = await sandboxFor(t);
  const token = sandbox.issueToken();
  const client = await createKycClient({ baseUrl: `${sandbox.url}/`, token });
  t.after(() => client.close());

  await client.generateKycLink({
    workflowId: WORKFLOW,
    applicationId: 'user-7',
    expiryTime: 90,
    redirectUrl: 'https://example.com/done?x=1',
  });
  await client.generateKycLink({ workflowId: WORKFLOW, applicationId: null, redirect_url: 'https://example.com/b' });
  await client.generateKycLink({ workflowId: WORKFLOW });

  const sent = sandbox.requests.filter((entry) => entry.route === 'link');
  assert.deepEqual(
    sent.map((entry) => entry.body),
    [
      '{"workflowId":"sandbox-workflow","applicationId":"user-7","expiryTime":90,"redirect_url":"https://example.com/done?x=1"}',
      '{"workflowId":"sandbox-workflow","redirect_url":"https://example.com/b"}',
      '{"workflowId":"sandbox-workflow"}',
    ],
  );
  for (const entry of sent) {
    assert.equal(entry.method, 'POST');
    assert.equal(entry.path, '/kycverify/api/kycverify/kyc-verify-link');
    assert.equal(entry.headers.authorization, 'Bearer [redacted]');
    assert.equal(entry.headers['content-type'], 'application/json');
  }
});

test('success resolves to { linkId, url, expiresAt } and the hosted page shows the link', async (t) => {
  const sandbox = await sandboxFor(t);
  const link = await generateKycLink(
    { workflowId: WORKFLOW, applicationId: 'user-8', expiryTime: 30 },
    { baseUrl: sandbox.url, token: sandbox.issueToken() },
  );
  assert.deepEqual(Object.keys(link).sort(), ['expiresAt', 'linkId', 'url']);
  assert.match(link.linkId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(link.url, `${sandbox.url}/kycverify/${link.linkId}`);
  const page = await (await fetch(link.url)).text();
  assert.match(page, /sandbox-workflow/);
  assert.match(page, /user-8/);
});

test('UNAUTHORIZED: an unknown or expired token, with the status and no secret', async (t) => {
  const sandbox = await sandboxFor(t);
  for (const token of ['not-a-real-token-value', sandbox.issueToken({ lifetimeSeconds: -1 })]) {
    const error = await rejectionOf(generateKycLink({ workflowId: WORKFLOW }, { baseUrl: sandbox.url, token }));
    assert.equal(error.code, 'UNAUTHORIZED');
    assert.equal(error.status, 401);
    assert.equal(error.attempts, 1);
    assert.equal(error.retryable, false);
    assertNoSecrets(error, [token]);
  }
});

test('API_ERROR: an unknown workflow is responseCode 5001 with its reason', async (t) => {
  const sandbox = await sandboxFor(t);
  const token = sandbox.issueToken();
  const error = await rejectionOf(generateKycLink({ workflowId: 'no-such-workflow' }, { baseUrl: sandbox.url, token }));
  assert.ok(error instanceof KycError);
  assert.equal(error.code, 'API_ERROR');
  assert.equal(error.responseCode, 5001);
  assert.equal(error.reason, 'WORKFLOW_NOT_FOUND');
  assert.equal(error.status, 200);
  assert.match(error.message, /workflow rules missing/, 'the server reason is quoted');
  assertNoSecrets(error, [token]);
});

test('HTTP_ERROR: a wrong base path answers 404', async (t) => {
  const sandbox = await sandboxFor(t);
  const error = await rejectionOf(
    generateKycLink({ workflowId: WORKFLOW }, { baseUrl: `${sandbox.url}/wrong/prefix`, token: sandbox.issueToken() }),
  );
  assert.equal(error.code, 'HTTP_ERROR');
  assert.equal(error.status, 404);
  assert.equal(error.retryable, false);
});

test('NETWORK_ERROR: nothing listening, retried and then reported', async () => {
  const port = await closedPort();
  const error = await rejectionOf(
    generateKycLink({ workflowId: WORKFLOW }, { baseUrl: `http://127.0.0.1:${port}`, token: 'tok', maxRetries: 1 }),
  );
  assert.equal(error.code, 'NETWORK_ERROR');
  assert.equal(error.status, 0);
  assert.equal(error.attempts, 2);
  assert.equal(error.retryable, true);
});

test('TIMEOUT: a server that never answers', async (t) => {
  const baseUrl = await silentServer(t);
  const started = Date.now();
  const error = await rejectionOf(generateKycLink({ workflowId: WORKFLOW }, { baseUrl, token: 'tok', timeoutMs: 200 }));
  assert.equal(error.code, 'TIMEOUT');
  assert.equal(error.attempts, 1, 'a timed-out POST is not retried');
  assert.ok(Date.now() - started < 5000);
});

test('ABORTED: before sending, and while waiting', async (t) => {
  const baseUrl = await silentServer(t);
  const client = await createKycClient({ baseUrl, token: 'tok' });
  t.after(() => client.close());

  const early = await rejectionOf(client.generateKycLink({ workflowId: WORKFLOW }, { signal: AbortSignal.abort() }));
  assert.equal(early.code, 'ABORTED');
  assert.equal(early.attempts, 0);

  const controller = new AbortController();
  const call = client.generateKycLink({ workflowId: WORKFLOW }, { signal: controller.signal });
  setTimeout(() => controller.abort(), 50);
  const late = await rejectionOf(call);
  assert.equal(late.code, 'ABORTED');
  assert.equal(late.attempts, 1);
  assert.equal(client.pendingCalls, 0);
});

test('close() rejects calls still running with ABORTED, and later calls too', async (t) => {
  const baseUrl = await silentServer(t);
  const client = await createKycClient({ baseUrl, token: 'tok' });
  const running = client.generateKycLink({ workflowId: WORKFLOW });
  client.close();
  assert.equal((await rejectionOf(running)).code, 'ABORTED');
  assert.equal((await rejectionOf(client.generateKycLink({ workflowId: WORKFLOW }))).code, 'INVALID_CONFIG');
  client.close(); // twice is fine
});

test('ESM and CommonJS entry points share one implementation and one KycError', async (t) => {
  const cjs = require('../../npm/dist/index.cjs');
  assert.equal(cjs.KycError, esm.KycError);
  assert.equal(typeof cjs.createKycClient, 'function');
  const sandbox = await sandboxFor(t);
  const link = await cjs.generateKycLink(
    { workflowId: WORKFLOW },
    { baseUrl: sandbox.url, token: sandbox.issueToken() },
  );
  assert.match(link.linkId, /^[0-9a-f-]{36}$/);
});

test('the package exports map resolves for import and require', async () => {
  const exportsMap = require('../../npm/package.json').exports;
  assert.equal(exportsMap['.'].require.default, './dist/index.cjs');
  assert.equal(exportsMap['.'].import.default, './index.mjs');
  assert.equal(exportsMap['./sandbox'].default, './sandbox/index.cjs');
  assert.equal(typeof require('../../npm/sandbox/index.cjs').startSandbox, 'function');
});
