// client.getAccessToken(): the token a backend hands to its pages (which then use getToken), from the
// same cache and single flight as the client's own calls, with the same errors and no leaked secret.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createKycClient } from '../../npm/index.mjs';
import { assertNoSecrets, CLIENT_ID, CLIENT_SECRET, rejectionOf, sandboxFor, WORKFLOW } from './support.mjs';

const REQUEST = { workflowId: WORKFLOW, applicationId: 'user-1' };

async function clientFor(t, options) {
  const client = await createKycClient(options);
  t.after(() => client.close());
  return client;
}

test('a backend token works for a page client, and shares one token request with link calls', async (t) => {
  const sandbox = await sandboxFor(t);
  const backend = await clientFor(t, { baseUrl: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  const [token, again, link] = await Promise.all([
    backend.getAccessToken(),
    backend.getAccessToken(),
    backend.generateKycLink(REQUEST),
  ]);
  assert.equal(typeof token, 'string');
  assert.equal(again, token);
  assert.ok(link.linkId);
  assert.equal(await backend.getAccessToken(), token, 'cached while fresh');
  assert.deepEqual(sandbox.stats(), { tokenRequests: 1, linkRequests: 1 });

  const page = await clientFor(t, { baseUrl: sandbox.url, getToken: () => backend.getAccessToken() });
  assert.ok((await page.generateKycLink(REQUEST)).linkId);
  assert.deepEqual(sandbox.stats(), { tokenRequests: 1, linkRequests: 2 });
});

test('a static token or a getToken answer is what getAccessToken gives', async (t) => {
  const sandbox = await sandboxFor(t);
  const token = await (
    await clientFor(t, { baseUrl: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET })
  ).getAccessToken();
  assert.equal(await (await clientFor(t, { baseUrl: sandbox.url, token })).getAccessToken(), token);
  assert.equal(
    await (await clientFor(t, { baseUrl: sandbox.url, getToken: async () => token })).getAccessToken(),
    token,
  );
});

test('refused credentials reject with UNAUTHORIZED and no secret; a 503 is retried', async (t) => {
  const sandbox = await sandboxFor(t);
  const wrong = await clientFor(t, { baseUrl: sandbox.url, clientId: CLIENT_ID, clientSecret: 'not-the-secret-9d2e' });
  const error = await rejectionOf(wrong.getAccessToken());
  assert.equal(error.name, 'KycError');
  assert.equal(error.code, 'UNAUTHORIZED');
  assert.equal(error.attempts, 0);
  assertNoSecrets(error, ['not-the-secret-9d2e', CLIENT_SECRET]);

  const right = await clientFor(t, { baseUrl: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  sandbox.failNext({ route: 'token', status: 503 });
  assert.equal(typeof (await right.getAccessToken()), 'string');
});

test('getAccessToken ends with ABORTED: a signal already aborted, one fired while waiting, close()', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await clientFor(t, { baseUrl: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  assert.equal((await rejectionOf(client.getAccessToken({ signal: AbortSignal.abort() }))).code, 'ABORTED');
  assert.equal(sandbox.stats().tokenRequests, 0, 'nothing sent');

  sandbox.failNext({ route: 'token', delayMs: 5000 });
  const controller = new AbortController();
  const waiting = client.getAccessToken({ signal: controller.signal });
  assert.equal(client.pendingCalls, 1);
  setTimeout(() => controller.abort(), 50);
  const started = Date.now();
  assert.equal((await rejectionOf(waiting)).code, 'ABORTED');
  assert.ok(Date.now() - started < 1000);

  const closing = client.getAccessToken();
  client.close();
  assert.equal((await rejectionOf(closing)).code, 'ABORTED');
  assert.equal((await rejectionOf(client.getAccessToken())).code, 'INVALID_CONFIG');
  assert.equal(client.pendingCalls, 0);
});

test('bad call options reject with INVALID_CONFIG', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await clientFor(t, { baseUrl: sandbox.url, token: 'any-token' });
  assert.equal((await rejectionOf(client.getAccessToken({ timeoutMs: -1 }))).code, 'INVALID_CONFIG');
  assert.equal((await rejectionOf(client.getAccessToken({ signal: 'stop' }))).code, 'INVALID_CONFIG');
});
