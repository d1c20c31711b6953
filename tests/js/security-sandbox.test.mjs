// Security tests of the sandbox (issue 11, finding 12: it was open cross-site, took faults as
// text/plain and any delayMs). A hostile page in the developer's browser must get nothing from it.
// Run: node --test tests/js/security-sandbox.test.mjs
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { test } from 'node:test';

import { MAX_DELAY_MS } from '../../npm/sandbox/faults.cjs';
import { allowedHosts, checksHost } from '../../npm/sandbox/host-names.cjs';
import { startSandbox } from '../../npm/sandbox/index.cjs';
import { BIN, runCli } from './cli-harness.mjs';

const HOSTILE = 'https://evil.example';
const ADMIN = 'http://127.0.0.1:4180';
const LINK_PATH = '/kycverify/api/kycverify/kyc-verify-link';
const CONTROL_READS = ['/__sandbox/requests', '/__sandbox/stats', '/__sandbox/anything-else'];

async function start(t, options) {
  const sandbox = await startSandbox(options);
  t.after(() => sandbox.close());
  return sandbox;
}

const postFaults = (sandbox, body, headers = {}) =>
  fetch(`${sandbox.url}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

test('finding 12a: CORS headers only for an origin the sandbox was told about, never *', async (t) => {
  const sandbox = await start(t, { allowedOrigins: [ADMIN] });
  for (const origin of [HOSTILE, 'null', `${ADMIN}.evil.example`, 'http://127.0.0.1:4181']) {
    const response = await fetch(`${sandbox.url}${LINK_PATH}`, { method: 'OPTIONS', headers: { origin } });
    assert.notEqual(response.status, 204, origin);
    assert.equal(response.headers.get('access-control-allow-origin'), null, origin);
    const page = await fetch(`${sandbox.url}/nope`, { headers: { origin } });
    assert.equal(page.headers.get('access-control-allow-origin'), null, origin);
  }
  const allowed = await fetch(`${sandbox.url}${LINK_PATH}`, { method: 'OPTIONS', headers: { origin: ADMIN } });
  assert.equal(allowed.status, 204);
  assert.equal(allowed.headers.get('access-control-allow-origin'), ADMIN);
});

test('finding 12b: control routes refuse a cross-origin request with 403 (and let no data out)', async (t) => {
  const sandbox = await start(t, { allowedOrigins: [ADMIN] });
  await fetch(`${sandbox.url}${LINK_PATH}`, { method: 'POST', body: '{}' }); // something in the log
  for (const path of CONTROL_READS) {
    const response = await fetch(sandbox.url + path, { headers: { origin: HOSTILE } });
    assert.equal(response.status, 403, path);
    assert.doesNotMatch(await response.text(), /kycverify/, path);
  }
  assert.equal((await postFaults(sandbox, [{ status: 500 }], { origin: HOSTILE })).status, 403);
  assert.equal(sandbox.pendingFaults(), 0);

  // Tools without an Origin (tests, curl), the sandbox's own pages and told origins keep working.
  for (const headers of [{}, { origin: sandbox.url }, { origin: ADMIN }]) {
    assert.equal((await fetch(`${sandbox.url}/__sandbox/requests`, { headers })).status, 200, JSON.stringify(headers));
  }
  assert.equal((await postFaults(sandbox, [{ status: 500 }], { origin: ADMIN })).status, 204);
  assert.equal(sandbox.pendingFaults(), 1);
});

test('finding 12c: control writes must be application/json (no cross-site text/plain form)', async (t) => {
  const sandbox = await start(t);
  const simpleTypes = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined];
  for (const type of simpleTypes) {
    const headers = type === undefined ? {} : { 'content-type': type };
    const body = '[{"status":500}]';
    const response = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'POST', headers, body });
    assert.equal(response.status, 415, String(type));
  }
  assert.equal(sandbox.pendingFaults(), 0);
  const jsonWithCharset = { 'content-type': 'application/json; charset=utf-8' };
  const withCharset = await postFaults(sandbox, [{ status: 500 }], jsonWithCharset);
  assert.equal(withCharset.status, 204);
});

test('finding 12d: delayMs is capped, however the fault arrives, and index.d.ts states the cap', async (t) => {
  const sandbox = await start(t);
  const tooLong = { delayMs: MAX_DELAY_MS + 1 };
  assert.throws(() => sandbox.failNext(tooLong), { name: 'TypeError', message: new RegExp(String(MAX_DELAY_MS)) });
  assert.equal((await postFaults(sandbox, [tooLong])).status, 400);
  const viaHeader = await fetch(`${sandbox.url}${LINK_PATH}`, {
    method: 'POST',
    headers: { 'x-sandbox-fault': JSON.stringify(tooLong) },
    body: '{}',
  });
  assert.equal(viaHeader.status, 400);
  assert.equal(sandbox.pendingFaults(), 0);
  sandbox.failNext({ delayMs: MAX_DELAY_MS }); // the cap itself is allowed
  assert.equal(sandbox.pendingFaults(), 1);

  const types = readFileSync(new URL('../../npm/sandbox/index.d.ts', import.meta.url), 'utf8');
  assert.ok(types.includes(`0 to ${MAX_DELAY_MS} ms`), 'index.d.ts documents the delayMs cap');
});

test('finding 12e: `faceki-kyc-link sandbox` allows only the origins given with --allow-origin', async (t) => {
  const bad = await runCli(['sandbox', '--allow-origin', 'localhost:5173']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^error: --allow-origin: "localhost:5173" is not an origin/);

  const args = [BIN, 'sandbox', '--allow-origin', ADMIN];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => child.kill());
  const exited = once(child, 'exit').then(([code]) => assert.fail(`the sandbox exited (${code}) before its URL`));
  const firstLine = once(createInterface({ input: child.stdout }), 'line'); // the sandbox's URL
  const [url] = await Promise.race([firstLine, exited]);
  const allowed = await fetch(`${url}/nope`, { headers: { origin: ADMIN } });
  assert.equal(allowed.headers.get('access-control-allow-origin'), ADMIN);
  const other = await fetch(`${url}/__sandbox/requests`, { headers: { origin: HOSTILE } });
  assert.equal(other.status, 403);
  assert.equal(other.headers.get('access-control-allow-origin'), null);
});

/** A GET with a Host header of our choosing (fetch may not set one), answered status and body. */
function getWithHost(baseUrl, path, host) {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body }));
    });
    request.on('error', reject);
  });
}

test('DNS rebinding: a Host the sandbox was not bound under gets 421, logs nothing and reads nothing', async (t) => {
  const sandbox = await start(t);
  const { port } = new URL(sandbox.url);
  await fetch(`${sandbox.url}${LINK_PATH}`, { method: 'POST', body: '{"workflowId":"w"}' }); // one logged request
  for (const path of [...CONTROL_READS, LINK_PATH, '/auth/api/generate-token']) {
    const refused = await getWithHost(sandbox.url, path, `rebound.evil.example:${port}`);
    assert.equal(refused.status, 421, path);
    assert.doesNotMatch(refused.body, /workflowId|requests/);
  }
  assert.equal(sandbox.requests.length, 1, 'refused requests are not logged');
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
    assert.equal((await getWithHost(sandbox.url, '/__sandbox/stats', host)).status, 200, host);
  }
  assert.equal((await getWithHost(sandbox.url, '/__sandbox/stats', `localhost:${Number(port) + 1}`)).status, 421);
});

test('a server bound to every interface checks no Host (it cannot know its names); any other does', () => {
  // Rule-level: the tests bind loopback addresses only.
  for (const wildcard of ['0.0.0.0', '::']) assert.equal(checksHost(wildcard), false, wildcard);
  for (const bound of ['127.0.0.1', '::1', 'localhost', '192.168.1.5']) assert.equal(checksHost(bound), true, bound);
  assert.deepEqual(allowedHosts('::1', 8), ['[::1]:8', 'localhost:8', '127.0.0.1:8']);
});
