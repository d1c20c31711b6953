// Credentials, token lifecycle, timeouts, aborts and retries against the sandbox's fault injection.
// Each case checks the error code, attempts, what the sandbox saw, and that no secret leaks.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createKycClient } from '../../npm/index.mjs';
import {
  assertNoSecrets,
  CLIENT_ID,
  CLIENT_SECRET,
  closedPort,
  rejectionOf,
  sandboxFor,
  WORKFLOW,
} from './support.mjs';

const REQUEST = { workflowId: WORKFLOW, applicationId: 'user-1' };

async function credentialClient(t, sandbox, options = {}) {
  const client = await createKycClient({
    baseUrl: sandbox.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    ...options,
  });
  t.after(() => client.close());
  return client;
}

function linkCount(sandbox) {
  return sandbox.stats().linkRequests;
}

// Every secret of a run: the client secret, every token the sandbox issued, every link URL.
function secretsOf(sandbox) {
  return [CLIENT_SECRET, ...sandbox.links.map((link) => `/kycverify/${link.linkId}`)];
}

test('100 concurrent calls with no token make exactly one token request', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox);
  const links = await Promise.all(
    Array.from({ length: 100 }, (_, i) => client.generateKycLink({ workflowId: WORKFLOW, applicationId: `u${i}` })),
  );
  assert.equal(new Set(links.map((link) => link.linkId)).size, 100);
  assert.deepEqual(sandbox.stats(), { tokenRequests: 1, linkRequests: 100 });
  const tokenRequest = sandbox.requests.find((entry) => entry.route === 'token');
  assert.equal(tokenRequest.method, 'POST');
  assert.ok(!JSON.stringify(sandbox.requests).includes(CLIENT_SECRET));
});

test('a short-lived token is refreshed before it expires, not on every call', async (t) => {
  const sandbox = await sandboxFor(t, { tokenLifetimeSeconds: 2 });
  const client = await credentialClient(t, sandbox);
  await client.generateKycLink(REQUEST);
  await client.generateKycLink(REQUEST);
  assert.equal(sandbox.stats().tokenRequests, 1);
  await new Promise((resolve) => setTimeout(resolve, 1100)); // past half of the 2 s lifetime
  await client.generateKycLink(REQUEST);
  assert.equal(sandbox.stats().tokenRequests, 2);
  assert.equal(sandbox.requests.filter((entry) => entry.status === 401).length, 0, 'never sent an expired token');
});

test('a 401 on the link call refreshes the token once and succeeds', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox);
  await client.generateKycLink(REQUEST);
  sandbox.failNext({ status: 401 });
  const link = await client.generateKycLink(REQUEST);
  assert.ok(link.linkId);
  assert.deepEqual(sandbox.stats(), { tokenRequests: 2, linkRequests: 3 });
});

test('a second 401 is UNAUTHORIZED after 2 attempts', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox);
  sandbox.failNext([{ status: 401 }, { status: 401 }]);
  const error = await rejectionOf(client.generateKycLink(REQUEST));
  assert.equal(error.code, 'UNAUTHORIZED');
  assert.equal(error.attempts, 2);
  assert.equal(error.status, 401);
  assert.deepEqual(sandbox.stats(), { tokenRequests: 2, linkRequests: 2 });
  assertNoSecrets(error, secretsOf(sandbox));
});

test('with getToken, a 401 asks getToken once more', async (t) => {
  const sandbox = await sandboxFor(t);
  let asked = 0;
  const client = await createKycClient({
    baseUrl: sandbox.url,
    getToken: async () => {
      asked++;
      return sandbox.issueToken();
    },
  });
  t.after(() => client.close());
  sandbox.failNext({ status: 401 });
  await client.generateKycLink(REQUEST);
  assert.equal(asked, 2);
  assert.equal(linkCount(sandbox), 2);
});

test('a getToken that throws or resolves to junk rejects the call, and is asked again next time', async (t) => {
  const sandbox = await sandboxFor(t);
  const answers = [() => Promise.reject(new Error('backend down')), () => 42, () => sandbox.issueToken()];
  const client = await createKycClient({ baseUrl: sandbox.url, getToken: () => answers.shift()() });
  t.after(() => client.close());
  const thrown = await rejectionOf(client.generateKycLink(REQUEST));
  assert.equal(thrown.code, 'UNAUTHORIZED');
  assert.match(thrown.message, /getToken failed: backend down/);
  assert.equal((await rejectionOf(client.generateKycLink(REQUEST))).code, 'INVALID_CONFIG');
  assert.ok((await client.generateKycLink(REQUEST)).linkId);
  assert.equal(linkCount(sandbox), 1);
});

test('generate-token missing (404): falls back to access-token and remembers it', async (t) => {
  // 2 s, not 1: exp has whole seconds, so a 1 s token may have only milliseconds left when it arrives
  // and a slow machine then sees a 401 (and a third token request) on the first call.
  const sandbox = await sandboxFor(t, { endpoints: { generateToken: false }, tokenLifetimeSeconds: 2 });
  const client = await credentialClient(t, sandbox);
  await client.generateKycLink(REQUEST);
  await new Promise((resolve) => setTimeout(resolve, 1100)); // past half the lifetime left: a new token
  await client.generateKycLink(REQUEST);
  const paths = sandbox.requests
    .filter((entry) => entry.path.startsWith('/auth/'))
    .map((entry) => `${entry.method} ${entry.path.split('?')[0]}`);
  assert.deepEqual(paths, [
    'POST /auth/api/generate-token',
    'GET /auth/api/access-token',
    'GET /auth/api/access-token',
  ]);
  assert.ok(!JSON.stringify(sandbox.requests).includes(CLIENT_SECRET));
});

test('tokenEndpoint forces the access-token form', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox, { tokenEndpoint: 'access-token' });
  await client.generateKycLink(REQUEST);
  assert.equal(sandbox.requests[0].method, 'GET');
  assert.match(sandbox.requests[0].path, /^\/auth\/api\/access-token/);
});

test('bad credentials: UNAUTHORIZED saying the token request failed, no link request, no secret', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await createKycClient({
    baseUrl: sandbox.url,
    clientId: CLIENT_ID,
    clientSecret: 'wrong-secret-value',
  });
  t.after(() => client.close());
  const errors = await Promise.all([1, 2, 3].map(() => rejectionOf(client.generateKycLink(REQUEST))));
  for (const error of errors) {
    assert.equal(error.code, 'UNAUTHORIZED');
    assert.match(error.message, /^token request failed/);
    assert.equal(error.attempts, 0);
    assertNoSecrets(error, ['wrong-secret-value', CLIENT_SECRET]);
  }
  assert.deepEqual(sandbox.stats(), { tokenRequests: 1, linkRequests: 0 }, 'one shared token request for all three');
});

test('a timed-out attempt is TIMEOUT and not retried (a POST may have made a link)', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox, { timeoutMs: 300 });
  await client.generateKycLink(REQUEST);
  sandbox.failNext({ delayMs: 2000 });
  const error = await rejectionOf(client.generateKycLink(REQUEST));
  assert.equal(error.code, 'TIMEOUT');
  assert.equal(error.attempts, 1);
  assert.equal(linkCount(sandbox), 2);
  assertNoSecrets(error, secretsOf(sandbox));
});

test('retryTimeouts: true resends after a timeout', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox, { timeoutMs: 300, retryTimeouts: true });
  sandbox.failNext({ delayMs: 2000 });
  assert.ok((await client.generateKycLink(REQUEST)).linkId);
  assert.equal(linkCount(sandbox), 2);
});

test('per-call timeoutMs overrides the client default', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox, { timeoutMs: 10000 });
  await client.generateKycLink(REQUEST);
  sandbox.failNext({ delayMs: 2000 });
  const started = Date.now();
  assert.equal((await rejectionOf(client.generateKycLink(REQUEST, { timeoutMs: 200 }))).code, 'TIMEOUT');
  assert.ok(Date.now() - started < 1500);
});

test('abort: before send nothing is sent; during the request and during backoff it ends promptly', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox);
  await client.generateKycLink(REQUEST);

  const before = await rejectionOf(client.generateKycLink(REQUEST, { signal: AbortSignal.abort() }));
  assert.equal(before.code, 'ABORTED');
  assert.equal(linkCount(sandbox), 1);

  sandbox.failNext({ delayMs: 5000 });
  const during = new AbortController();
  const duringCall = client.generateKycLink(REQUEST, { signal: during.signal });
  setTimeout(() => during.abort(), 100);
  let started = Date.now();
  const duringError = await rejectionOf(duringCall);
  assert.equal(duringError.code, 'ABORTED');
  assert.ok(Date.now() - started < 1000);

  sandbox.failNext({ status: 503, retryAfter: 30 });
  const backoff = new AbortController();
  const backoffCall = client.generateKycLink(REQUEST, { signal: backoff.signal });
  while (sandbox.pendingFaults() > 0) await new Promise((resolve) => setImmediate(resolve));
  setTimeout(() => backoff.abort(), 100);
  started = Date.now();
  const backoffError = await rejectionOf(backoffCall);
  assert.equal(backoffError.code, 'ABORTED');
  assert.equal(backoffError.attempts, 1);
  assert.ok(Date.now() - started < 1000, 'the 30 s Retry-After wait was cancelled');
  assert.equal(client.pendingCalls, 0);
});

test('503 then 200: one retry, then the link', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox);
  sandbox.failNext({ status: 503 });
  assert.ok((await client.generateKycLink(REQUEST)).linkId);
  assert.equal(linkCount(sandbox), 2);
});

test('429 with Retry-After: waits that long, then succeeds', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox);
  await client.generateKycLink(REQUEST);
  sandbox.failNext({ status: 429, retryAfter: 1 });
  const started = Date.now();
  assert.ok((await client.generateKycLink(REQUEST)).linkId);
  const waited = Date.now() - started;
  assert.ok(waited >= 950 && waited < 3000, `waited ${waited} ms`);
});

test('RATE_LIMITED when 429 persists, with retryAfterMs', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox, { maxRetries: 1 });
  sandbox.failNext([
    { status: 429, retryAfter: 0 },
    { status: 429, retryAfter: 0 },
  ]);
  const error = await rejectionOf(client.generateKycLink(REQUEST));
  assert.equal(error.code, 'RATE_LIMITED');
  assert.equal(error.status, 429);
  assert.equal(error.attempts, 2);
  assert.equal(error.retryable, true);
  assert.equal(error.retryAfterMs, 0);
});

test('a connection reset is retried', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox);
  sandbox.failNext({ reset: true });
  assert.ok((await client.generateKycLink(REQUEST)).linkId);
  assert.equal(linkCount(sandbox), 2);
});

test('connection refused: NETWORK_ERROR after every retry', async (t) => {
  const port = await closedPort();
  const client = await createKycClient({
    baseUrl: `http://127.0.0.1:${port}`,
    token: 'static-token-value',
    maxRetries: 2,
  });
  t.after(() => client.close());
  const error = await rejectionOf(client.generateKycLink(REQUEST));
  assert.equal(error.code, 'NETWORK_ERROR');
  assert.equal(error.attempts, 3);
  assertNoSecrets(error, ['static-token-value']);
});

test('a malformed 2xx body is BAD_RESPONSE, not retried, and not quoted', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox);
  sandbox.failNext({ body: 'not json https://apps.faceki.com/kycverify/secret-link' });
  const error = await rejectionOf(client.generateKycLink(REQUEST));
  assert.equal(error.code, 'BAD_RESPONSE');
  assert.equal(error.attempts, 1);
  assertNoSecrets(error, ['secret-link', ...secretsOf(sandbox)]);
  sandbox.failNext({ body: '{"responseCode":0,"data":""}' });
  assert.equal((await rejectionOf(client.generateKycLink(REQUEST))).code, 'BAD_RESPONSE');
});

test('a non-zero responseCode is API_ERROR with its reason, not retried', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox);
  sandbox.failNext({ responseCode: 8016 });
  const error = await rejectionOf(client.generateKycLink(REQUEST));
  assert.equal(error.code, 'API_ERROR');
  assert.equal(error.responseCode, 8016);
  assert.equal(error.reason, 'LINK_GENERATION_FAILED');
  assert.equal(error.attempts, 1);
  assert.equal(linkCount(sandbox), 1);
});

test('retries exhausted: the last error, with attempts and status', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox, { maxRetries: 2 });
  sandbox.failNext([{ status: 502 }, { status: 504 }, { status: 503 }]);
  const error = await rejectionOf(client.generateKycLink(REQUEST));
  assert.equal(error.code, 'HTTP_ERROR');
  assert.equal(error.status, 503);
  assert.equal(error.attempts, 3);
  assert.equal(linkCount(sandbox), 3);
  assertNoSecrets(error, secretsOf(sandbox));
});

test('a token endpoint outage surfaces with its transport code and says so', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox);
  sandbox.failNext({ route: 'token', status: 500 });
  const error = await rejectionOf(client.generateKycLink(REQUEST));
  assert.equal(error.code, 'HTTP_ERROR');
  assert.equal(error.status, 500);
  assert.match(error.message, /^token request failed/);
  assert.ok((await client.generateKycLink(REQUEST)).linkId, 'the next call tries again');
});

test('a 503 from the token endpoint is retried: three waiting calls, one more token request', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await credentialClient(t, sandbox);
  sandbox.failNext({ route: 'token', status: 503 });
  const calls = ['u1', 'u2', 'u3'].map((applicationId) =>
    client.generateKycLink({ workflowId: WORKFLOW, applicationId }),
  );
  const links = await Promise.all(calls);
  assert.equal(new Set(links.map((link) => link.linkId)).size, 3);
  assert.deepEqual(sandbox.stats(), { tokenRequests: 2, linkRequests: 3 });
});
