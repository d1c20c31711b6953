// npm/examples/kyc-backend.mjs, run against the sandbox: a signed-in user gets a link, and each kind of
// failure becomes its documented HTTP status with a fixed text: no secret, no raw error, no FACEKI wording.

import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';

import { createKycClient } from '../../npm/index.mjs';
import { createKycBackend } from '../../npm/examples/kyc-backend.mjs';
import { startSandbox } from '../../npm/sandbox/index.cjs';

const SECRET = 'sandbox-secret';

async function backendFor(t, { clientSecret = SECRET, userId = 'user-42' } = {}) {
  const sandbox = await startSandbox({ port: 0 });
  const kyc = await createKycClient({ baseUrl: sandbox.url, clientId: 'sandbox-client', clientSecret, maxRetries: 0 });
  const logged = [];
  const server = createKycBackend({
    kyc,
    workflowId: 'sandbox-workflow',
    userOf: (request) => (request.headers['x-user'] === 'signed-in' ? userId : undefined),
    log: (line) => logged.push(line),
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(async () => {
    server.close();
    kyc.close();
    await sandbox.close();
  });
  const post = async (headers = { 'x-user': 'signed-in' }) => {
    const response = await fetch(`http://127.0.0.1:${server.address().port}/kyc-links`, { method: 'POST', headers });
    const text = await response.text();
    assert.ok(!text.includes(SECRET) && !text.includes('wrong-secret'), 'no secret in the answer');
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: JSON.parse(text) };
  };
  return { sandbox, post, logged };
}

test('a signed-in user gets 201 with a link for their own id', async (t) => {
  const { post, sandbox } = await backendFor(t);
  const { status, body } = await post();
  assert.equal(status, 201);
  assert.match(body.linkId, /^[0-9a-f-]{36}$/);
  assert.match(body.url, /^http:\/\/127\.0\.0\.1:/);
  assert.equal(sandbox.stats().linkRequests, 1);
});

test('no session: 401 and nothing is sent to FACEKI', async (t) => {
  const { post, sandbox } = await backendFor(t);
  assert.equal((await post({})).status, 401);
  assert.equal(sandbox.stats().linkRequests, 0);
});

test("our credentials refused: 502 UNAUTHORIZED (not the caller's fault), logged without the secret", async (t) => {
  const { post, logged } = await backendFor(t, { clientSecret: 'wrong-secret' });
  const { status, body } = await post();
  assert.equal(status, 502);
  assert.deepEqual(body, { error: 'UNAUTHORIZED', message: 'the identity provider refused our credentials' });
  assert.equal(logged.length, 1);
  assert.ok(!logged[0].includes('wrong-secret'));
});

test('rate limited: 503 with Retry-After from FACEKI; a FACEKI refusal: 502 without its wording', async (t) => {
  const { post, sandbox } = await backendFor(t);
  sandbox.failNext([{ status: 429, retryAfter: 7 }, { responseCode: 5003 }]);
  const limited = await post();
  assert.equal(limited.status, 503);
  assert.equal(limited.retryAfter, '7');
  assert.equal(limited.body.error, 'RATE_LIMITED');
  const refused = await post();
  assert.equal(refused.status, 502);
  assert.deepEqual(refused.body, { error: 'API_ERROR', message: 'the identity provider refused the request' });
});

test('a user id the rules refuse: 400 INVALID_REQUEST, nothing sent', async (t) => {
  const { post, sandbox } = await backendFor(t, { userId: 'x'.repeat(500) });
  const { status, body } = await post();
  assert.equal(status, 400);
  assert.equal(body.error, 'INVALID_REQUEST');
  assert.equal(sandbox.stats().linkRequests, 0);
});
