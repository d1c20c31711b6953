// The sandbox's verification results: completing a link (control route, the hosted page's own script,
// sandbox.complete), the records endpoint in FACEKI's documented shape, and webhook deliveries with
// retries. Run: node --test tests/js/sandbox-results.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import vm from 'node:vm';
import { startSandbox } from '../../npm/sandbox/index.cjs';
import { NPM_DIR as npmDir, typecheck } from './support.mjs';

const WORKFLOW = 'sandbox-workflow';
const LINK_PATH = '/kycverify/api/kycverify/kyc-verify-link';
const RECORDS_PATH = '/kycverify/api/kycverify/records';
// faceki-api.md §4, "Fetch Records": the fields a record and its document data are documented with.
const RECORD_FIELDS = ['link', 'record_identifier', 'requestId', 'document_data'];
const DOCUMENT_FIELDS = [
  'reference',
  'full_name',
  'first_name',
  'last_name',
  'nationality',
  'issuer',
  'gender',
  'dob',
  'expiry',
  'document_number',
  'document_type',
  'mrz',
  'document_face_match',
  'passed',
];
const WEBHOOK_SECRET = 'whsec-sandbox-test-4d1f';
const FAST_RETRIES = { attempts: 3, firstDelayMs: 20, timeoutMs: 2000 };

async function start(t, options) {
  const sandbox = await startSandbox(options);
  t.after(() => sandbox.close());
  return sandbox;
}

async function createLink(sandbox, body = { workflowId: WORKFLOW, applicationId: 'user-42' }) {
  const response = await fetch(sandbox.url + LINK_PATH, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.issueToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  assert.equal(json.responseCode, 0);
  return { linkId: json.data, url: json.url };
}

function complete(sandbox, linkId, body, headers = {}) {
  return fetch(`${sandbox.url}/__sandbox/links/${encodeURIComponent(linkId)}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function readRecords(sandbox, query, token = sandbox.issueToken()) {
  const headers = token === null ? {} : { authorization: `Bearer ${token}` };
  return fetch(`${sandbox.url}${RECORDS_PATH}?${new URLSearchParams(query)}`, { headers });
}

/** A webhook receiver on 127.0.0.1; `answer(n)` picks the n-th (1-based) request's HTTP status, or 'reset'. */
async function startReceiver(t, answer = () => 200) {
  const received = [];
  const waiters = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method, url: req.url, headers: req.headers, body: JSON.parse(body) });
      const status = answer(received.length);
      if (status === 'reset') req.socket.destroy();
      else if (status !== 'hang') res.writeHead(status).end();
      for (const waiter of waiters.splice(0)) waiter();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${server.address().port}/hooks/kyc`, received };
}

/** A port nothing listens on (bound, then released). */
async function closedPort() {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// --- records and completion ----------------------------------------------------------------------

test('records: result [] until the link is completed, then its record in the documented v3 shape', async (t) => {
  const sandbox = await start(t);
  const { linkId } = await createLink(sandbox);

  const before = await readRecords(sandbox, { link: linkId });
  assert.equal(before.status, 200);
  assert.deepEqual(await before.json(), { status: true, code: 200, message: 'OK', appVersion: 'v3.0.0', result: [] });

  const completed = await complete(sandbox, linkId, { status: 'ACCEPTED', fullName: 'Ada  Lovelace King' });
  assert.equal(completed.status, 200);
  const record = await completed.json();

  const after = await (await readRecords(sandbox, { link: linkId })).json();
  assert.equal(after.status, true);
  assert.equal(after.appVersion, 'v3.0.0');
  assert.deepEqual(after.result, [record]);
  // Exactly the documented fields, plus the sandbox's own `status` convenience.
  assert.deepEqual(Object.keys(record).sort(), [...RECORD_FIELDS, 'status'].sort());
  assert.deepEqual(Object.keys(record.document_data[0]).sort(), [...DOCUMENT_FIELDS].sort());
  assert.equal(record.link, linkId);
  assert.equal(record.record_identifier, 'user-42');
  assert.equal(record.status, 'ACCEPTED');
  assert.match(record.requestId, /^[0-9a-f-]{36}$/);
  const [document] = record.document_data;
  const names = [document.full_name, document.first_name, document.last_name];
  assert.deepEqual(names, ['Ada  Lovelace King', 'Ada', 'Lovelace King']);
  assert.equal(document.passed, true);

  for (const query of [{ requestId: record.requestId }, { record_identifier: 'user-42' }]) {
    assert.deepEqual((await (await readRecords(sandbox, query)).json()).result, [record], JSON.stringify(query));
  }
  for (const query of [{ requestId: 'nope' }, { record_identifier: 'user-43' }, { link: linkId, requestId: 'nope' }]) {
    assert.deepEqual((await (await readRecords(sandbox, query)).json()).result, [], JSON.stringify(query));
  }
  assert.equal((await readRecords(sandbox, {})).status, 400, 'a query needs a key');
});

test('records: 401 without a token, with a malformed, an unknown or an expired one', async (t) => {
  const sandbox = await start(t);
  const { linkId } = await createLink(sandbox);
  sandbox.complete(linkId, 'ACCEPTED');
  const other = await startSandbox();
  const foreignToken = other.issueToken();
  await other.close();
  for (const token of [null, 'not a token', foreignToken, sandbox.issueToken({ lifetimeSeconds: -10 })]) {
    const response = await readRecords(sandbox, { link: linkId }, token);
    assert.equal(response.status, 401, String(token));
    const json = await response.json();
    assert.equal(json.status, false);
    assert.equal(json.result, undefined, 'no record leaks out');
  }
  const log = sandbox.requests.filter((entry) => entry.route === 'records');
  assert.equal(log.length, 4);
  assert.ok(
    log.every((entry) => !JSON.stringify(entry).includes(foreignToken)),
    'the log redacts the token',
  );
});

test('records: faults can be queued for the records route', async (t) => {
  const sandbox = await start(t);
  const { linkId } = await createLink(sandbox);
  sandbox.failNext({ route: 'records', status: 503 });
  assert.equal((await readRecords(sandbox, { link: linkId })).status, 503);
  assert.equal((await readRecords(sandbox, { link: linkId })).status, 200);
});

test('sandbox.complete: each status, a default name, and the ways a completion is refused', async (t) => {
  const sandbox = await start(t);
  const { linkId } = await createLink(sandbox, { workflowId: WORKFLOW });
  const records = ['ACCEPTED', 'DECLINED', 'REVIEW'].map((status) => sandbox.complete(linkId, status));
  assert.deepEqual(
    records.map((record) => record.status),
    ['ACCEPTED', 'DECLINED', 'REVIEW'],
  );
  assert.deepEqual(
    records.map((record) => record.document_data[0].passed),
    [true, false, false],
  );
  assert.equal(records[0].document_data[0].full_name, 'Jane Sandbox');
  assert.equal(records[0].record_identifier, '', 'no applicationId was given');
  assert.deepEqual(sandbox.records, records);

  assert.throws(() => sandbox.complete(linkId, 'APPROVED'), /status must be one of ACCEPTED, DECLINED, REVIEW/);
  assert.throws(() => sandbox.complete('no-such-link', 'ACCEPTED'), /unknown link/);
  sandbox.links[0].expiresAt = Date.now() - 1;
  assert.throws(() => sandbox.complete(linkId, 'ACCEPTED'), /expired/);
  assert.equal(sandbox.records.length, 3);
});

test('the control route: 400 for bad input, 404 for an unknown link, 409 for an expired one', async (t) => {
  const sandbox = await start(t);
  const { linkId } = await createLink(sandbox);
  assert.equal((await complete(sandbox, linkId, { status: 'accepted' })).status, 400);
  assert.equal((await complete(sandbox, linkId, { status: 'ACCEPTED', fullName: '  ' })).status, 400);
  assert.equal((await complete(sandbox, linkId, ['ACCEPTED'])).status, 400);
  assert.equal((await complete(sandbox, 'no-such-link', { status: 'ACCEPTED' })).status, 404);
  sandbox.links[0].expiresAt = Date.now() - 1;
  assert.equal((await complete(sandbox, linkId, { status: 'ACCEPTED' })).status, 409);
  assert.equal(sandbox.records.length, 0);
});

test('the control route refuses other origins and non-JSON bodies (no CSRF through a form)', async (t) => {
  const sandbox = await start(t);
  const { linkId } = await createLink(sandbox);
  const fromElsewhere = await complete(sandbox, linkId, { status: 'ACCEPTED' }, { origin: 'http://evil.example' });
  assert.equal(fromElsewhere.status, 403);
  const asForm = await fetch(`${sandbox.url}/__sandbox/links/${linkId}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify({ status: 'ACCEPTED' }),
  });
  assert.equal(asForm.status, 415);
  const preflight = await fetch(`${sandbox.url}/__sandbox/links/${linkId}/complete`, {
    method: 'OPTIONS',
    headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
  });
  assert.equal(preflight.headers.get('access-control-allow-origin'), null);
  assert.equal(sandbox.records.length, 0);
});

test('the hosted page completes the link with its own script, which its CSP allows', async (t) => {
  const sandbox = await start(t);
  const { linkId, url } = await createLink(sandbox);
  const page = await fetch(url);
  const html = await page.text();
  const csp = page.headers.get('content-security-policy');
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)[1];
  const hash = crypto.createHash('sha256').update(script).digest('base64');
  assert.ok(csp.includes(`'sha256-${hash}'`), 'the CSP allows exactly this script');
  assert.match(csp, /connect-src 'self'/);
  for (const status of ['ACCEPTED', 'DECLINED', 'REVIEW']) assert.ok(html.includes(`value="${status}"`), status);
  assert.ok(html.includes(`data-link-id="${linkId}"`));

  // The script run against a stand-in DOM; its fetch goes out as a browser's same-origin POST would.
  const listeners = {};
  const form = {
    dataset: { linkId },
    elements: { fullName: { value: ' Grace Hopper ' } },
    addEventListener: (type, listener) => (listeners[type] = listener),
  };
  const outcome = { textContent: '' };
  const elements = { complete: form, outcome };
  const sent = [];
  const browserFetch = (path, init) => {
    sent.push({ path, init });
    return fetch(new URL(path, url), { ...init, headers: { ...init.headers, origin: sandbox.url } });
  };
  vm.runInNewContext(script, {
    document: { getElementById: (id) => elements[id] },
    fetch: browserFetch,
    encodeURIComponent,
    JSON,
  });
  // The listener is async: awaiting it waits for the request and the text it shows.
  await listeners.submit({ preventDefault() {}, submitter: { value: 'DECLINED' } });
  assert.equal(sent.length, 1);
  assert.equal(sent[0].init.method, 'POST');
  assert.equal(sent[0].init.headers['content-type'], 'application/json');
  assert.equal(outcome.textContent, 'Completed: DECLINED as Grace Hopper');
  assert.equal(sandbox.records.length, 1);
  assert.equal(sandbox.records[0].status, 'DECLINED');

  sandbox.links[0].expiresAt = Date.now() - 1;
  const expired = await (await fetch(url)).text();
  assert.ok(!expired.includes('<form'), 'an expired link offers no completion');
});

// --- webhooks ------------------------------------------------------------------------------------

test('webhook: the documented body with the configured headers, retried after a failed attempt', async (t) => {
  const receiver = await startReceiver(t, (n) => (n === 1 ? 500 : 200));
  const sandbox = await start(t, {
    webhooks: [{ url: receiver.url, headers: { Authorization: WEBHOOK_SECRET, 'X-Tenant': 'acme' } }],
    webhookPolicy: FAST_RETRIES,
  });
  const { linkId } = await createLink(sandbox);
  const record = sandbox.complete(linkId, 'REVIEW', { fullName: 'Alan Turing' });
  await sandbox.webhooksIdle();

  assert.equal(receiver.received.length, 2);
  for (const delivery of receiver.received) {
    assert.equal(delivery.method, 'POST');
    assert.equal(delivery.url, '/hooks/kyc');
    assert.equal(delivery.headers.authorization, WEBHOOK_SECRET);
    assert.equal(delivery.headers['x-tenant'], 'acme');
    assert.match(delivery.headers['content-type'], /^application\/json/);
    assert.deepEqual(Object.keys(delivery.body).sort(), ['fullName', 'kycData', 'requestId', 'status']);
    assert.equal(delivery.body.requestId, record.requestId);
    assert.equal(delivery.body.fullName, 'Alan Turing');
    assert.equal(delivery.body.status, 'REVIEW');
    assert.equal(delivery.body.kycData.link, linkId);
    assert.equal(delivery.body.kycData.record_identifier, 'user-42');
    assert.deepEqual(delivery.body.kycData.document_data, record.document_data);
  }
  const attempts = sandbox.webhookDeliveries.map(({ attempt, status, ok, error }) => ({ attempt, status, ok, error }));
  assert.deepEqual(attempts, [
    { attempt: 1, status: 500, ok: false, error: 'HTTP_STATUS' },
    { attempt: 2, status: 200, ok: true, error: null },
  ]);
  assert.equal(sandbox.webhookDeliveries[0].kind, 'verification.completed');
  assert.deepEqual(sandbox.webhookDeliveries[0].headers, { authorization: '[redacted]', 'x-tenant': '[redacted]' });
  assert.ok(!JSON.stringify(sandbox.webhookDeliveries).includes(WEBHOOK_SECRET), 'no secret in the delivery log');
});

test('webhook: an unreachable URL, a reset and a receiver that never answers do not crash the sandbox', async (t) => {
  const good = await startReceiver(t);
  const resetting = await startReceiver(t, () => 'reset');
  const hanging = await startReceiver(t, () => 'hang');
  const unreachable = `http://127.0.0.1:${await closedPort()}/hook?token=${WEBHOOK_SECRET}`;
  const sandbox = await start(t, {
    webhooks: [{ url: unreachable }, { url: resetting.url }, { url: hanging.url }, { url: good.url }],
    webhookPolicy: { attempts: 3, firstDelayMs: 10, timeoutMs: 300 },
  });
  const { linkId } = await createLink(sandbox);
  sandbox.complete(linkId, 'ACCEPTED');
  await sandbox.webhooksIdle();

  const byTarget = (index) => sandbox.webhookDeliveries.filter((entry) => entry.target === index);
  assert.deepEqual(
    byTarget(0).map((entry) => entry.error),
    ['ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED'],
  );
  assert.equal(byTarget(1).length, 3);
  assert.ok(
    byTarget(1).every((entry) => !entry.ok && entry.status === null && entry.error),
    'resets fail',
  );
  assert.deepEqual(
    byTarget(2).map((entry) => entry.error),
    ['TIMEOUT', 'TIMEOUT', 'TIMEOUT'],
  );
  assert.deepEqual(
    byTarget(3).map((entry) => entry.ok),
    [true],
  );
  assert.equal(good.received.length, 1);
  assert.ok(!JSON.stringify(sandbox.webhookDeliveries).includes(WEBHOOK_SECRET), 'query values are redacted');
  assert.equal(byTarget(0)[0].url.endsWith('/hook?[redacted]'), true);

  // Still serving.
  assert.equal((await readRecords(sandbox, { link: linkId })).status, 200);
});

test('webhook: close() during a retry wait stops the retries', async (t) => {
  const failing = await startReceiver(t, () => 503);
  const sandbox = await startSandbox({
    webhooks: [{ url: failing.url }],
    webhookPolicy: { attempts: 5, firstDelayMs: 30_000, timeoutMs: 1000 },
  });
  const { linkId } = await createLink(sandbox);
  sandbox.complete(linkId, 'ACCEPTED');
  while (sandbox.webhookDeliveries[0]?.status !== 503) await new Promise((resolve) => setImmediate(resolve));
  const started = Date.now();
  await sandbox.close();
  await sandbox.webhooksIdle();
  assert.ok(Date.now() - started < 10_000, 'no 30 s wait after close');
  assert.equal(sandbox.webhookDeliveries.length, 1);
});

test('startSandbox refuses bad webhook options without echoing header values', async () => {
  const bad = [
    [{ webhooks: [{ url: 'ftp://127.0.0.1/x' }] }, /webhook url must be an http\(s\) URL/],
    [{ webhooks: [{ url: 'not a url' }] }, /webhook url/],
    [{ webhooks: [{ url: 'http://127.0.0.1/x', method: 'GET' }] }, /method must be one of POST, PUT, PATCH/],
    [
      { webhooks: [{ url: 'http://127.0.0.1/x', headers: { Authorization: `${WEBHOOK_SECRET}\r\nX: y` } }] },
      /without line breaks/,
    ],
    [{ webhooks: [{ url: 'http://127.0.0.1/x', headers: { 'Content-Length': '1' } }] }, /managed by the sandbox/],
    [{ webhookPolicy: { attempts: 0 } }, /attempts must be an integer from 1 to 10/],
    [{ webhookPolicy: { timeoutMs: 1e9 } }, /timeoutMs must be an integer/],
  ];
  for (const [options, message] of bad) {
    await assert.rejects(startSandbox(options), (error) => {
      assert.ok(error instanceof TypeError);
      assert.match(error.message, message);
      assert.ok(!error.message.includes(WEBHOOK_SECRET));
      return true;
    });
  }
});

test('the sandbox types cover results and webhooks (tsc --strict)', async () => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const compile = (source) => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-types-'));
    const file = join(dir, 'usage.ts');
    writeFileSync(file, source.replaceAll('SANDBOX', join(npmDir, 'sandbox/index')));
    const result = typecheck([file]);
    rmSync(dir, { recursive: true, force: true });
    return result;
  };
  const good = compile(`
    import { startSandbox, type SandboxAmlUpdateBody, type SandboxRecord, type SandboxWebhookKind } from 'SANDBOX';
    async function main(): Promise<void> {
      const sandbox = await startSandbox({ webhooks: [{ url: 'http://127.0.0.1:1/', headers: { Authorization: 's' } }],
        webhookPolicy: { attempts: 2 } });
      const record: SandboxRecord = sandbox.complete('id', 'REVIEW', { fullName: 'A B' });
      const passed: boolean = record.document_data[0].passed;
      await sandbox.webhooksIdle();
      const error: string | null = sandbox.webhookDeliveries[0].error;
      const kind: SandboxWebhookKind = sandbox.webhookDeliveries[0].kind;
      const changed: SandboxRecord = sandbox.updateStatus(record.requestId, 'DECLINED', { updatedBy: 'ops' });
      const aml: SandboxAmlUpdateBody = sandbox.updateAml(record.requestId, 'POTENTIAL_MATCH');
      console.log(passed, error, sandbox.records.length, record.record_identifier, kind, changed.status, aml.amlStatus);
      sandbox.failNext({ route: 'records', status: 503 });
    }
    void main();
  `);
  assert.equal(good.status, 0, good.stdout + good.stderr);
  const misuse = compile(`import { startSandbox } from 'SANDBOX';
    startSandbox().then((s) => s.complete('id', 'APPROVED'));`);
  assert.notEqual(misuse.status, 0, 'APPROVED is not a completion status');
  for (const [call, why] of [
    [`s.updateStatus('id', 'APPROVED')`, 'APPROVED is the portal word, not a status to set'],
    [`s.updateAml('id', 'maybe')`, 'an AML status the sandbox does not send'],
  ]) {
    const result = compile(`import { startSandbox } from 'SANDBOX';\nstartSandbox().then((s) => ${call});`);
    assert.match(result.stdout, /TS2345/, why);
  }
});
