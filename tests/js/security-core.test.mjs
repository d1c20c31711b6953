// Issue 11, the core's part, from JS through the built package: one test per finding (items 4, 5, 6,
// 7, 11, 13 and 14). A scripted server stands in for a hostile FACEKI.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';

import { configureWasm, createKycClient } from '../../npm/index.mjs';
import { assertNoSecrets, rejectionOf, sandboxFor, CLIENT_ID, CLIENT_SECRET, WORKFLOW } from './support.mjs';

// The module, caught by a preRun hook, to watch the wasm heap (skipped if the loader stops passing it).
let wasmModule;
configureWasm({ preRun: [(module) => (wasmModule = module)] });

const REQUEST = { workflowId: WORKFLOW };

/** A server on 127.0.0.1 that answers every request with answer(req, body) -> { status, body }. */
async function scriptedServer(t, answer) {
  const seen = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, path: req.url, body });
      const reply = answer(req, body);
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(text);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  return { url: `http://127.0.0.1:${server.address().port}`, seen };
}

/** A client with a static token against a server whose link endpoint answers `linkAnswer`. */
async function clientAnswering(t, linkAnswer, token = 'static-token-0123456789') {
  const server = await scriptedServer(t, () => ({ status: 200, body: linkAnswer }));
  const client = await createKycClient({ token, baseUrl: server.url, maxRetries: 2 });
  t.after(() => client.close());
  return { client, server };
}

test('item 4: a link answer with a hostile url or linkId is BAD_RESPONSE, never quoted, never retried', async (t) => {
  const id = 'd9428888-122b-11e1-b85c-61cd3cbb3210';
  const absolute = /link URL \(url\) must be an absolute URL/;
  const control = /whitespace or control/;
  const ascii = /link ID \(data\) must be visible ASCII/;
  const hostile = [
    ['javascript: URL', { data: id, url: 'javascript:alert(1)//SECRET' }, absolute],
    ['empty URL', { data: id, url: '' }, absolute],
    ['OSC 0 in the URL', { data: id, url: 'https://x.test/SECRET\u001b]0;owned\u0007' }, control],
    ['CR/LF in the URL', { data: id, url: 'https://x.test/SECRET\r\nfake: line' }, control],
    ['credentials in the URL', { data: id, url: 'https://user:SECRET@x.test/' }, /user name or password/],
    ['plain http to another host', { data: id, url: 'http://SECRET.test/' }, /must use https/],
    ['a URL over 2048 characters', { data: id, url: `https://x.test/SECRET${'a'.repeat(2048)}` }, /at most 2048/],
    ['ESC in the linkId', { data: 'SECRET\u001b[2J', url: 'https://x.test/a' }, ascii],
    ['a space in the linkId', { data: 'SECRET id', url: 'https://x.test/a' }, ascii],
    ['a linkId over 256 characters', { data: `SECRET${'a'.repeat(256)}`, url: 'https://x.test/a' }, /at most 256/],
  ];
  for (const [what, answer, rule] of hostile) {
    const { client, server } = await clientAnswering(t, { responseCode: 0, ...answer });
    const error = await rejectionOf(client.generateKycLink(REQUEST));
    assert.equal(error.code, 'BAD_RESPONSE', what);
    assert.match(error.message, rule, what);
    assert.equal(error.attempts, 1, what);
    assert.equal(server.seen.length, 1, what);
    assertNoSecrets(error, ['SECRET']);
  }
  const url = `https://apps.faceki.com/kycverify/${id}`;
  const { client } = await clientAnswering(t, { responseCode: 0, data: id, url });
  assert.deepEqual(await client.generateKycLink(REQUEST), { linkId: id, url, expiresAt: null });
});

test('item 5: a lone surrogate in a request field is INVALID_REQUEST on that field; nothing is sent', async (t) => {
  const { client, server } = await clientAnswering(t, { responseCode: 0, data: 'id', url: 'https://x.test/a' });
  const cases = [
    ['workflowId', { workflowId: 'ab\uD800cd' }],
    ['applicationId', { workflowId: WORKFLOW, applicationId: 'ab\uD800cd' }],
    ['applicationId', { workflowId: WORKFLOW, applicationId: 'trailing\uDBFF' }],
    ['applicationId', { workflowId: WORKFLOW, applicationId: '\uDC00leading' }],
    ['redirectUrl', { workflowId: WORKFLOW, redirectUrl: 'https://x.test/\uDE00' }],
  ];
  for (const [field, request] of cases) {
    assert.deepEqual(
      client.validate(request).map((issue) => issue.field),
      [field],
    );
    const error = await rejectionOf(client.generateKycLink(request));
    assert.equal(error.code, 'INVALID_REQUEST');
    assert.equal(error.issues[0].field, field);
    assert.match(error.issues[0].message, /not valid Unicode text/);
  }
  assert.equal(server.seen.length, 0);
  // A surrogate pair is one character, sent as it is.
  await client.generateKycLink({ workflowId: WORKFLOW, applicationId: 'ab\uD83D\uDE00cd' });
  assert.equal(JSON.parse(server.seen[0].body).applicationId, 'ab\u{1F600}cd');
  // Options cross the same way.
  const error = await rejectionOf(createKycClient({ clientId: 'id\uD800', clientSecret: CLIENT_SECRET }));
  assert.equal(error.code, 'INVALID_CONFIG');
  assert.equal(error.issues[0].field, 'clientId');
});

test('item 11: a 10 MB field is refused before it is copied into wasm memory', async (t) => {
  const { client } = await clientAnswering(t, { responseCode: 0, data: 'id', url: 'https://x.test/a' });
  const huge = 'x'.repeat(10 * 1024 * 1024);
  client.validate({ workflowId: 'warm-up' });
  const heapBefore = wasmModule?.HEAP8?.length;
  const started = performance.now();
  const issues = client.validate({ workflowId: huge });
  const elapsedMs = performance.now() - started;
  const message = `workflowId must be at most 128 characters, got a string of length ${huge.length}`;
  assert.deepEqual(issues, [{ field: 'workflowId', message }]);
  assert.ok(elapsedMs < 50, `validate took ${elapsedMs} ms`); // generous: about 1 ms here, 1.4 s before the fix
  assert.equal((await rejectionOf(client.generateKycLink({ workflowId: huge }))).code, 'INVALID_REQUEST');
  assert.equal((await rejectionOf(createKycClient({ token: huge }))).code, 'INVALID_CONFIG');
  if (heapBefore === undefined) return t.skip('the wasm heap is not reachable from here');
  assert.equal(wasmModule.HEAP8.length, heapBefore, 'the wasm heap grew');
});

test('item 6: a secret echoed percent-encoded, JSON-escaped or cut by the message limit is redacted', async (t) => {
  const token = 'S3cr3t+/Token"Value\\0123456789';
  const lowerHex = encodeURIComponent(token).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase());
  const echoes = [
    `bad token=${encodeURIComponent(token)}`,
    `bad token=${lowerHex}`,
    `body was {"token":${JSON.stringify(token).replace(/\//g, '\\/')}}`,
    `escaped ${[...token].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}`,
    `${'x'.repeat(188)} ${token}`, // cut at 200 characters: 11 of the token's are left
    `${'x'.repeat(180)} token=${encodeURIComponent(token)}`,
  ];
  for (const message of echoes) {
    const server = await scriptedServer(t, () => ({ status: 400, body: { message } }));
    const client = await createKycClient({ token, baseUrl: server.url });
    const error = await rejectionOf(client.generateKycLink(REQUEST));
    client.close();
    assert.equal(error.code, 'HTTP_ERROR');
    assert.match(error.message, /\[redacted\]/, message);
    const forms = [token, encodeURIComponent(token), lowerHex, JSON.stringify(token).slice(1)];
    assertNoSecrets(
      error,
      forms.map((form) => form.slice(0, 8)),
    );
  }
});

test('item 14: a one-letter static token is redacted only as a whole word, so messages stay readable', async (t) => {
  const server = await scriptedServer(t, () => ({ status: 400, body: { message: 'that token is not it: t' } }));
  const client = await createKycClient({ token: 't', baseUrl: server.url });
  t.after(() => client.close());
  const error = await rejectionOf(client.generateKycLink(REQUEST));
  assert.equal(error.message, 'FACEKI answered HTTP 400 Bad Request: that token is not it: [redacted]');
});

test('item 7: static and getToken tokens pass the header rule; a bad one is INVALID_CONFIG, not retried', async (t) => {
  const unsafe = ['two words', 'caf\u00e9', 'emoji\u{1F600}', 'crlf\r\nX-Evil: 1', 'lone\uD800'];
  for (const token of unsafe) {
    const error = await rejectionOf(createKycClient({ token }));
    assert.equal(error.code, 'INVALID_CONFIG');
    assert.equal(error.issues[0].field, 'token');
    assertNoSecrets(error, [token]);
  }
  const link = { responseCode: 0, data: 'id', url: 'https://x.test/a' };
  const { url, seen } = await scriptedServer(t, () => ({ status: 200, body: link }));
  for (const token of unsafe) {
    let asked = 0;
    const client = await createKycClient({
      getToken: async () => {
        asked++;
        return token;
      },
      baseUrl: url,
      maxRetries: 3,
    });
    const error = await rejectionOf(client.generateKycLink(REQUEST));
    client.close();
    assert.equal(error.code, 'INVALID_CONFIG');
    assert.match(error.message, /getToken resolved to a token that has characters an HTTP header cannot carry/);
    assert.equal(error.retryable, false);
    assert.equal(asked, 1);
    assertNoSecrets(error, [token]);
  }
  assert.equal(seen.length, 0);
});

test('item 13: auto mode falls back to access-token only on a 404 that FACEKI did not write', async (t) => {
  // The sandbox's own 404 for an unknown client is FACEKI-shaped: an error, and the next call tries
  // generate-token again (nothing remembered, the secret never in a query string).
  const faceki404 = await scriptedServer(t, () => ({
    status: 404,
    body: { status: false, message: 'client not found', statusCode: 404 },
  }));
  const strict = await createKycClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: faceki404.url });
  t.after(() => strict.close());
  const error = await rejectionOf(strict.generateKycLink(REQUEST));
  assert.equal(error.code, 'HTTP_ERROR');
  assert.match(error.message, /set tokenEndpoint: 'access-token'/);
  await rejectionOf(strict.generateKycLink(REQUEST));
  assert.deepEqual(
    faceki404.seen.map((r) => `${r.method} ${r.path}`),
    Array(2).fill('POST /auth/api/generate-token'),
  );

  // A sandbox without generate-token answers like a server without the route: fallback, remembered.
  const sandbox = await sandboxFor(t, { endpoints: { generateToken: false } });
  const client = await createKycClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: sandbox.url });
  t.after(() => client.close());
  assert.ok((await client.generateKycLink(REQUEST)).linkId);
  const paths = sandbox.requests.filter((entry) => entry.path.startsWith('/auth/')).map((entry) => entry.method);
  assert.deepEqual(paths, ['POST', 'GET']);
});
