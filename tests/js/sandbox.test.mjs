// Tests for the local FACEKI sandbox server (npm/sandbox). Run: node --test tests/js/sandbox.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startSandbox } from '../../npm/sandbox/index.cjs';

const CLIENT_ID = 'sandbox-client';
const CLIENT_SECRET = 'sandbox-secret';
const WORKFLOW = 'sandbox-workflow';
const LINK_PATH = '/kycverify/api/kycverify/kyc-verify-link';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function start(t, options) {
  const sandbox = await startSandbox(options);
  t.after(() => sandbox.close());
  return sandbox;
}

function postJson(sandbox, path, body, headers = {}) {
  return fetch(sandbox.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function generateToken(sandbox, credentials = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }) {
  return postJson(sandbox, '/auth/api/generate-token', credentials);
}

function accessToken(sandbox, query = `clientId=${CLIENT_ID}&clientSecret=${CLIENT_SECRET}`) {
  return fetch(`${sandbox.url}/auth/api/access-token?${query}`);
}

function createLink(sandbox, body, token = sandbox.issueToken(), headers = {}) {
  return postJson(sandbox, LINK_PATH, body, { authorization: `Bearer ${token}`, ...headers });
}

function decodeJwtPart(part) {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

/** Polls (briefly) until `condition()` holds; for events with no promise to await. */
async function until(condition) {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not met in time');
}

// --- token endpoints ---------------------------------------------------------------------------

for (const [name, requestToken] of [
  ['POST generate-token', generateToken],
  ['GET access-token', accessToken],
]) {
  test(`${name}: issues a JWT whose exp matches the lifetime`, async (t) => {
    const sandbox = await start(t, { tokenLifetimeSeconds: 120 });
    const response = await requestToken(sandbox);
    assert.equal(response.status, 200);
    const json = await response.json();
    assert.equal(json.responseCode, 0);
    assert.equal(json.data.expires_in, 120);
    assert.equal(json.data.token_type, 'Bearer');

    const [header, payload, signature] = json.data.access_token.split('.');
    assert.deepEqual(decodeJwtPart(header), { alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwtPart(payload);
    assert.equal(claims.sub, CLIENT_ID);
    assert.equal(claims.exp - claims.iat, 120);
    assert.ok(Math.abs(claims.iat - Date.now() / 1000) < 5);
    assert.equal(typeof claims.jti, 'string');
    assert.ok(signature.length > 0);

    const link = await createLink(sandbox, { workflowId: WORKFLOW }, json.data.access_token);
    assert.equal((await link.json()).responseCode, 0);
  });
}

test('setTokenLifetime changes the lifetime of later tokens', async (t) => {
  const sandbox = await start(t);
  sandbox.setTokenLifetime(42);
  const { data } = await (await generateToken(sandbox)).json();
  assert.equal(data.expires_in, 42);
  const claims = decodeJwtPart(data.access_token.split('.')[1]);
  assert.equal(claims.exp - claims.iat, 42);
  assert.throws(() => sandbox.setTokenLifetime(0), TypeError);
});

test('token endpoints answer 422 for a missing client id or secret', async (t) => {
  const sandbox = await start(t);
  const cases = [
    [generateToken(sandbox, { clientSecret: CLIENT_SECRET }), 'client id is required'],
    [generateToken(sandbox, { clientId: CLIENT_ID }), 'client secret is required'],
    [generateToken(sandbox, { clientId: '', clientSecret: CLIENT_SECRET }), 'client id is required'],
    [postJson(sandbox, '/auth/api/generate-token', ''), 'client id is required'],
    [accessToken(sandbox, `clientSecret=${CLIENT_SECRET}`), 'client id is required'],
    [accessToken(sandbox, `clientId=${CLIENT_ID}`), 'client secret is required'],
  ];
  for (const [request, message] of cases) {
    const response = await request;
    assert.equal(response.status, 422);
    assert.deepEqual(await response.json(), { status: false, message, statusCode: 422, data: {} });
  }
});

test('token endpoints answer 401 for wrong credentials and 400 for bad JSON', async (t) => {
  const sandbox = await start(t, { clients: [{ clientId: 'a', clientSecret: 'b' }] });
  const expected = { status: false, message: 'invalid client credentials', statusCode: 401, data: {} };
  for (const response of [
    await generateToken(sandbox, { clientId: 'a', clientSecret: 'wrong' }),
    await generateToken(sandbox, { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }),
    await accessToken(sandbox, 'clientId=a&clientSecret=wrong'),
  ]) {
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), expected);
  }
  assert.equal((await generateToken(sandbox, { clientId: 'a', clientSecret: 'b' })).status, 200);

  const badJson = await postJson(sandbox, '/auth/api/generate-token', '{"clientId":');
  assert.equal(badJson.status, 400);
  const body = await badJson.json();
  assert.equal(body.status, false);
  assert.equal(body.statusCode, 400);
  assert.deepEqual(body.data, {});
});

test('a disabled token endpoint answers 404 while the other keeps working', async (t) => {
  const withoutPost = await start(t, { endpoints: { generateToken: false } });
  const notFound = await generateToken(withoutPost);
  assert.equal(notFound.status, 404);
  // Plain text, as a server without the route answers: not FACEKI's JSON, so a client may fall back.
  assert.equal(await notFound.text(), 'Cannot POST /auth/api/generate-token');
  assert.equal((await accessToken(withoutPost)).status, 200);

  const withoutGet = await start(t, { endpoints: { accessToken: false } });
  assert.equal((await accessToken(withoutGet)).status, 404);
  assert.equal((await generateToken(withoutGet)).status, 200);
});

// --- link endpoint -----------------------------------------------------------------------------

test('creates a link and serves its hosted page', async (t) => {
  const sandbox = await start(t);
  const before = Date.now();
  const response = await createLink(sandbox, {
    workflowId: WORKFLOW,
    applicationId: 'user-7',
    expiryTime: 30,
    redirect_url: 'https://example.test/done',
  });
  assert.equal(response.status, 200);
  const json = await response.json();
  assert.equal(json.responseCode, 0);
  assert.match(json.data, UUID_V4);
  assert.equal(json.url, `${sandbox.url}/kycverify/${json.data}`);

  assert.equal(sandbox.links.length, 1);
  const [link] = sandbox.links;
  assert.equal(link.linkId, json.data);
  assert.equal(link.workflowId, WORKFLOW);
  assert.equal(link.applicationId, 'user-7');
  assert.equal(link.expiryTime, 30);
  assert.equal(link.redirectUrl, 'https://example.test/done');
  assert.ok(link.createdAt >= before);
  assert.equal(link.expiresAt - link.createdAt, 30 * 60 * 1000);

  const page = await fetch(json.url);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html/);
  const html = await page.text();
  assert.match(html, /FACEKI sandbox/);
  assert.ok(html.includes(WORKFLOW));
  assert.ok(html.includes('user-7'));
  assert.ok(html.includes('30 minutes'));
  assert.ok(!html.includes('This link has expired'));
  assert.ok(!/<(link|img)\b|<script\b[^>]*\bsrc\s*=/i.test(html), 'the page loads no external assets');
});

test('a link without expiryTime lives 7 days', async (t) => {
  const sandbox = await start(t);
  assert.equal((await (await createLink(sandbox, { workflowId: WORKFLOW })).json()).responseCode, 0);
  const [link] = sandbox.links;
  assert.equal(link.expiryTime, null);
  assert.equal(link.applicationId, null);
  assert.equal(link.expiresAt - link.createdAt, 7 * 24 * 60 * 60 * 1000);
});

test('the hosted page shows the expired state and escapes HTML', async (t) => {
  const sandbox = await start(t);
  const { url } = await (
    await createLink(sandbox, { workflowId: WORKFLOW, applicationId: '<script>alert("x")</script>' })
  ).json();
  sandbox.links[0].expiresAt = Date.now() - 1;
  const html = await (await fetch(url)).text();
  assert.match(html, /This link has expired/);
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.ok(!html.includes('<script>'));
});

test('an unknown link ID answers a 404 HTML page', async (t) => {
  const sandbox = await start(t);
  const response = await fetch(`${sandbox.url}/kycverify/00000000-0000-4000-8000-000000000000`);
  assert.equal(response.status, 404);
  assert.match(response.headers.get('content-type'), /^text\/html/);
  assert.match(await response.text(), /FACEKI sandbox/);
});

test('the link endpoint answers 401 for a missing, malformed, unknown or expired token', async (t) => {
  const sandbox = await start(t);
  const other = await start(t);
  const valid = sandbox.issueToken();
  const [header, payload] = valid.split('.');
  const cases = [
    [{}, /missing/],
    [{ authorization: valid }, /malformed/],
    [{ authorization: 'Bearer not-a-jwt' }, /malformed/],
    [{ authorization: `Bearer ${header}.${payload}.c2lnbmF0dXJl` }, /unknown/],
    [{ authorization: `Bearer ${other.issueToken()}` }, /unknown/],
    [{ authorization: `Bearer ${sandbox.issueToken({ lifetimeSeconds: -1 })}` }, /expired/],
  ];
  for (const [headers, message] of cases) {
    const response = await postJson(sandbox, LINK_PATH, { workflowId: WORKFLOW }, headers);
    assert.equal(response.status, 401);
    const json = await response.json();
    assert.equal(json.status, false);
    assert.equal(json.statusCode, 401);
    assert.match(json.message, message);
  }
  assert.equal(sandbox.links.length, 0);
});

test('a token from the token endpoint expires after its lifetime', async (t) => {
  const sandbox = await start(t, { tokenLifetimeSeconds: 1 });
  const { data } = await (await generateToken(sandbox)).json();
  const { exp } = decodeJwtPart(data.access_token.split('.')[1]);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 - Date.now()) + 10));
  const response = await createLink(sandbox, { workflowId: WORKFLOW }, data.access_token);
  assert.equal(response.status, 401);
  assert.match((await response.json()).message, /expired/);
});

test('static tokens from the options are always accepted', async (t) => {
  const sandbox = await start(t, { tokens: ['static-test-token'] });
  const response = await createLink(sandbox, { workflowId: WORKFLOW }, 'static-test-token');
  assert.equal((await response.json()).responseCode, 0);
});

test('an unknown workflow answers responseCode 5001', async (t) => {
  const sandbox = await start(t, { workflows: ['wf-1', 'wf-2'] });
  const response = await createLink(sandbox, { workflowId: 'nope' });
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { responseCode: 5001, message: 'workflow rules missing' });
  assert.equal((await (await createLink(sandbox, { workflowId: 'wf-2' })).json()).responseCode, 0);
});

test('invalid link requests answer responseCode 5002', async (t) => {
  const sandbox = await start(t);
  const invalidBodies = [
    'not json',
    '[]',
    'null',
    '"wf"',
    {},
    { workflowId: '' },
    { workflowId: 42 },
    { workflowId: WORKFLOW, applicationId: 7 },
    { workflowId: WORKFLOW, applicationId: null },
    { workflowId: WORKFLOW, expiryTime: '30' },
    { workflowId: WORKFLOW, expiryTime: 0 },
    { workflowId: WORKFLOW, expiryTime: -5 },
    { workflowId: WORKFLOW, expiryTime: 1.5 },
    { workflowId: WORKFLOW, redirect_url: 123 },
  ];
  for (const body of invalidBodies) {
    const response = await createLink(sandbox, body);
    assert.equal(response.status, 200);
    const json = await response.json();
    assert.equal(json.responseCode, 5002, `body ${JSON.stringify(body)}`);
    assert.equal(typeof json.message, 'string');
  }
  assert.equal(sandbox.links.length, 0);
});

test('unknown link fields are ignored but named in the log', async (t) => {
  const sandbox = await start(t);
  const response = await createLink(sandbox, {
    workflowId: WORKFLOW,
    redirectUrl: 'https://x.test',
    document_optional: true,
  });
  assert.equal((await response.json()).responseCode, 0);
  const entry = sandbox.requests.find((request) => request.route === 'link');
  assert.deepEqual(entry.ignoredFields, ['redirectUrl', 'document_optional']);
  assert.equal(sandbox.links[0].redirectUrl, null);
});

// --- routing, CORS, limits -----------------------------------------------------------------------

test('unknown paths answer 404 JSON, wrong methods 405', async (t) => {
  const sandbox = await start(t);
  const notFound = await fetch(`${sandbox.url}/nope`);
  assert.equal(notFound.status, 404);
  assert.deepEqual(await notFound.json(), { status: false, message: 'not found', statusCode: 404 });

  for (const [method, path, allow] of [
    ['GET', LINK_PATH, 'POST'],
    ['GET', '/auth/api/generate-token', 'POST'],
    ['POST', '/auth/api/access-token', 'GET'],
    ['DELETE', '/kycverify/some-id', 'GET'],
  ]) {
    const response = await fetch(sandbox.url + path, { method });
    assert.equal(response.status, 405, `${method} ${path}`);
    assert.equal(response.headers.get('allow'), allow);
    assert.equal((await response.json()).statusCode, 405);
  }
});

test('CORS: an allowed origin gets preflights answered and CORS headers on every response', async (t) => {
  const origin = 'https://app.test';
  const sandbox = await start(t, { allowedOrigins: [origin] });
  const preflight = await fetch(sandbox.url + LINK_PATH, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST' },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), origin);
  assert.match(preflight.headers.get('access-control-allow-methods'), /GET, POST, OPTIONS/);
  for (const header of ['Authorization', 'Content-Type', 'X-Sandbox-Fault']) {
    assert.ok(preflight.headers.get('access-control-allow-headers').includes(header));
  }
  assert.ok(Number(preflight.headers.get('access-control-max-age')) > 0);

  const answers = [
    await postJson(sandbox, '/auth/api/generate-token', {}, { origin }),
    await fetch(`${sandbox.url}/nope`, { headers: { origin } }),
  ];
  for (const response of answers) {
    assert.equal(response.headers.get('access-control-allow-origin'), origin);
    assert.equal(response.headers.get('access-control-expose-headers'), 'Retry-After');
    assert.equal(response.headers.get('vary'), 'Origin');
  }
});

test('CORS: no origin is allowed by default', async (t) => {
  const sandbox = await start(t);
  const response = await postJson(sandbox, '/auth/api/generate-token', {}, { origin: 'https://app.test' });
  assert.equal(response.headers.get('access-control-allow-origin'), null);
  const preflight = await fetch(sandbox.url + LINK_PATH, {
    method: 'OPTIONS',
    headers: { origin: 'https://app.test' },
  });
  assert.equal(preflight.status, 405);
  assert.equal(preflight.headers.get('access-control-allow-origin'), null);
});

test('allowedOrigins and allowOrigin() take bare origins only', async (t) => {
  for (const bad of ['*', 'app.test', 'https://app.test/', 'https://app.test/path', 'null', 'file:///x', 42]) {
    await assert.rejects(startSandbox({ allowedOrigins: [bad] }), TypeError, String(bad));
  }
  const sandbox = await start(t);
  assert.throws(() => sandbox.allowOrigin('https://app.test/'), TypeError);
  sandbox.allowOrigin('http://127.0.0.1:4180');
  const response = await fetch(`${sandbox.url}/nope`, { headers: { origin: 'http://127.0.0.1:4180' } });
  assert.equal(response.headers.get('access-control-allow-origin'), 'http://127.0.0.1:4180');
});

test('a body over the size limit answers 413', async (t) => {
  const sandbox = await start(t);
  const response = await createLink(sandbox, JSON.stringify({ workflowId: WORKFLOW, padding: 'x'.repeat(70 * 1024) }));
  assert.equal(response.status, 413);
  assert.equal(sandbox.links.length, 0);
});

// --- request log ---------------------------------------------------------------------------------

test('the request log records requests without secrets', async (t) => {
  const wrongSecret = 'maybe-a-real-production-secret';
  const sandbox = await start(t);
  const { data } = await (await generateToken(sandbox)).json();
  await accessToken(sandbox);
  await generateToken(sandbox, { clientId: CLIENT_ID, clientSecret: wrongSecret });
  await accessToken(sandbox, `clientId=${CLIENT_ID}&clientSecret=${wrongSecret}`);
  const linkBody = '{ "workflowId": "sandbox-workflow",\n  "applicationId": "u-1" }';
  await createLink(sandbox, linkBody, data.access_token);
  await fetch(`${sandbox.url}/nope?x=1`);

  const log = JSON.stringify(sandbox.requests);
  for (const secret of [CLIENT_SECRET, wrongSecret, data.access_token]) {
    assert.ok(!log.includes(secret), `the log must not contain ${secret.slice(0, 12)}...`);
  }

  const [post, get, , , link, other] = sandbox.requests;
  assert.deepEqual(
    sandbox.requests.map(({ route, status }) => [route, status]),
    [
      ['token', 200],
      ['token', 200],
      ['token', 401],
      ['token', 401],
      ['link', 200],
      ['other', 404],
    ],
  );
  assert.equal(post.method, 'POST');
  assert.equal(post.body, `{"clientId":"${CLIENT_ID}","clientSecret":"[redacted]"}`);
  assert.equal(get.path, `/auth/api/access-token?clientId=${CLIENT_ID}&clientSecret=[redacted]`);
  assert.equal(link.headers.authorization, 'Bearer [redacted]');
  assert.equal(link.body, linkBody, 'non-token bodies are kept exactly as received');
  assert.equal(link.fault, null);
  assert.equal(other.path, '/nope?x=1');
  assert.equal(typeof other.at, 'number');

  sandbox.clearLog();
  assert.equal(sandbox.requests.length, 0);
});

test('stats count token and link requests', async (t) => {
  const sandbox = await start(t);
  await generateToken(sandbox);
  await accessToken(sandbox);
  await createLink(sandbox, { workflowId: WORKFLOW });
  await fetch(`${sandbox.url}/nope`);
  assert.deepEqual(sandbox.stats(), { tokenRequests: 2, linkRequests: 1 });
});

// --- fault injection -----------------------------------------------------------------------------

test('fault: status with retryAfter, then normal again', async (t) => {
  const sandbox = await start(t);
  sandbox.failNext({ status: 503, retryAfter: 7 });
  assert.equal(sandbox.pendingFaults(), 1);

  const faulted = await createLink(sandbox, { workflowId: WORKFLOW });
  assert.equal(faulted.status, 503);
  assert.equal(faulted.headers.get('retry-after'), '7');
  assert.deepEqual(await faulted.json(), { status: false, message: 'sandbox fault', statusCode: 503 });
  assert.equal(sandbox.pendingFaults(), 0);
  assert.deepEqual(sandbox.requests[0].fault, { route: 'link', status: 503, retryAfter: 7 });
  assert.equal(sandbox.requests[0].status, 503);

  const normal = await createLink(sandbox, { workflowId: WORKFLOW });
  assert.equal((await normal.json()).responseCode, 0);
});

test('fault: queued faults apply in order and can add headers', async (t) => {
  const sandbox = await start(t);
  sandbox.failNext([
    { status: 429, retryAfter: 'Wed, 21 Oct 2015 07:28:00 GMT' },
    { status: 500, headers: { 'X-Trace': 'abc' } },
  ]);
  const first = await createLink(sandbox, { workflowId: WORKFLOW });
  assert.equal(first.status, 429);
  assert.equal(first.headers.get('retry-after'), 'Wed, 21 Oct 2015 07:28:00 GMT');
  const second = await createLink(sandbox, { workflowId: WORKFLOW });
  assert.equal(second.status, 500);
  assert.equal(second.headers.get('x-trace'), 'abc');
});

test('fault: delayMs (with headers) delays and then answers normally', async (t) => {
  const sandbox = await start(t);
  sandbox.failNext({ delayMs: 150, headers: { 'X-Slow': 'yes' } });
  const started = Date.now();
  const response = await createLink(sandbox, { workflowId: WORKFLOW });
  assert.ok(Date.now() - started >= 140);
  assert.equal(response.headers.get('x-slow'), 'yes');
  assert.equal((await response.json()).responseCode, 0);
  assert.deepEqual(sandbox.requests[0].fault, { route: 'link', delayMs: 150, headers: { 'X-Slow': 'yes' } });
});

test('fault: a client that disconnects during a delay is dropped', async (t) => {
  const sandbox = await start(t);
  sandbox.failNext({ delayMs: 10_000 });
  const controller = new AbortController();
  const pending = fetch(sandbox.url + LINK_PATH, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.issueToken()}` },
    body: JSON.stringify({ workflowId: WORKFLOW }),
    signal: controller.signal,
  });
  await until(() => sandbox.requests[0]?.fault);
  controller.abort();
  await assert.rejects(pending);

  const next = await createLink(sandbox, { workflowId: WORKFLOW });
  assert.equal((await next.json()).responseCode, 0);
  assert.equal(sandbox.requests[0].status, null, 'nothing was answered to the client that left');
  assert.equal(sandbox.links.length, 1);
});

test('fault: reset destroys the connection', async (t) => {
  const sandbox = await start(t);
  sandbox.failNext({ reset: true });
  await assert.rejects(createLink(sandbox, { workflowId: WORKFLOW }));
  assert.equal(sandbox.requests[0].status, null);
  assert.equal((await (await createLink(sandbox, { workflowId: WORKFLOW })).json()).responseCode, 0);
});

test('fault: body answers 200 with exactly that raw body', async (t) => {
  const sandbox = await start(t);
  sandbox.failNext({ body: '<html>gateway says hi' });
  const response = await createLink(sandbox, { workflowId: WORKFLOW });
  assert.equal(response.status, 200);
  assert.equal(await response.text(), '<html>gateway says hi');
});

test('fault: responseCode answers 200 with that responseCode', async (t) => {
  const sandbox = await start(t);
  sandbox.failNext({ responseCode: 5003 });
  const response = await createLink(sandbox, { workflowId: WORKFLOW });
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { responseCode: 5003, message: 'sandbox fault' });
});

test('fault: a token-route fault only hits token requests', async (t) => {
  const sandbox = await start(t);
  sandbox.failNext({ route: 'token', status: 500 });
  assert.equal((await (await createLink(sandbox, { workflowId: WORKFLOW })).json()).responseCode, 0);
  assert.equal(sandbox.pendingFaults(), 1);
  assert.equal((await accessToken(sandbox)).status, 500);
  assert.equal((await generateToken(sandbox)).status, 200);
  assert.equal(sandbox.requests[1].fault.route, 'token');
});

test('fault: the X-Sandbox-Fault header applies to its own request', async (t) => {
  const sandbox = await start(t);
  const response = await createLink(sandbox, { workflowId: WORKFLOW }, sandbox.issueToken(), {
    'x-sandbox-fault': JSON.stringify({ status: 502, retryAfter: 1 }),
  });
  assert.equal(response.status, 502);
  assert.equal(response.headers.get('retry-after'), '1');
  assert.equal(sandbox.requests[0].fault.status, 502);

  for (const header of ['{not json', JSON.stringify({ status: 'x' }), JSON.stringify({ explode: true })]) {
    const invalid = await createLink(sandbox, { workflowId: WORKFLOW }, sandbox.issueToken(), {
      'x-sandbox-fault': header,
    });
    assert.equal(invalid.status, 400);
    assert.match((await invalid.json()).message, /X-Sandbox-Fault/);
  }
});

test('fault: control endpoints queue faults and expose the log and stats', async (t) => {
  const sandbox = await start(t);
  const queued = await postJson(sandbox, '/__sandbox/faults', [
    { responseCode: 5009 },
    { route: 'token', status: 503 },
  ]);
  assert.equal(queued.status, 204);
  assert.equal(sandbox.pendingFaults(), 2);

  const stats = await (await fetch(`${sandbox.url}/__sandbox/stats`)).json();
  assert.deepEqual(stats, { tokenRequests: 0, linkRequests: 0, pendingFaults: 2 });

  assert.equal((await (await createLink(sandbox, { workflowId: WORKFLOW })).json()).responseCode, 5009);
  assert.equal((await generateToken(sandbox)).status, 503);

  const log = await (await fetch(`${sandbox.url}/__sandbox/requests`)).json();
  assert.deepEqual(
    log.map((entry) => [entry.route, entry.status]),
    [
      ['link', 200],
      ['token', 503],
    ],
  );
  assert.equal(log[0].fault.responseCode, 5009);

  for (const body of ['{"status": 500}', '[{"status": 99}]', 'nope']) {
    const invalid = await postJson(sandbox, '/__sandbox/faults', body);
    assert.equal(invalid.status, 400);
  }
  assert.equal(sandbox.pendingFaults(), 0);
});

test('failNext rejects invalid faults with a TypeError and queues none of the batch', async (t) => {
  const sandbox = await start(t);
  for (const fault of [
    null,
    'x',
    {},
    { route: 'page', status: 500 },
    { status: 99 },
    { status: 500.5 },
    { delayMs: -1 },
    { reset: false },
    { body: 1 },
    { responseCode: '5001' },
    { retryAfter: -1 },
    { headers: 'x' },
    { headers: { 'Content-Length': '1' } },
    { headers: { 'X-A': 'a\r\nb' } },
    { unknown: 1 },
  ]) {
    assert.throws(() => sandbox.failNext(fault), TypeError, JSON.stringify(fault));
  }
  assert.throws(() => sandbox.failNext([{ status: 500 }, { status: 'bad' }]), TypeError);
  assert.equal(sandbox.pendingFaults(), 0);
});

// --- closing ---------------------------------------------------------------------------------

test('close() resolves promptly with an open keep-alive connection, and twice', async () => {
  const sandbox = await startSandbox();
  const agent = new http.Agent({ keepAlive: true });
  await new Promise((resolve, reject) => {
    http
      .get(`${sandbox.url}/nope`, { agent }, (response) => {
        response.resume();
        response.on('end', resolve);
      })
      .on('error', reject);
  });
  assert.equal(Object.keys(agent.freeSockets).length, 1, 'the connection stays open');

  const started = Date.now();
  await sandbox.close();
  await sandbox.close();
  assert.ok(Date.now() - started < 1000, `close took ${Date.now() - started} ms`);
  agent.destroy();
});

test('close() does not wait for a delayed request', async () => {
  const sandbox = await startSandbox();
  sandbox.failNext({ delayMs: 60_000 });
  const pending = createLink(sandbox, { workflowId: WORKFLOW });
  await until(() => sandbox.requests.length === 1 && sandbox.requests[0].fault);
  const started = Date.now();
  await sandbox.close();
  assert.ok(Date.now() - started < 1000);
  await assert.rejects(pending);
});
