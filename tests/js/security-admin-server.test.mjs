// Security tests of the admin tool's backend (web/server.mjs) and page (issue 11, findings 1, 2, 4):
// a hostile page in the operator's browser, or a DNS-rebinding one, must neither crash the server
// nor get a bearer token from it, and a hostile link URL must never become a clickable href.
// Run: node --test tests/js/security-admin-server.test.mjs
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { startSandbox } from '../../npm/sandbox/index.cjs';
import { startAdminServer } from '../../web/server.mjs';
import { isOpenableUrl } from '../../web/src/link-url.js';

let sandbox;
let admin;
let distDir;
let host; // e.g. '127.0.0.1:PORT'
let port;

before(async () => {
  distDir = mkdtempSync(path.join(os.tmpdir(), 'kyc-admin-security-'));
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>admin</title>');
  sandbox = await startSandbox();
  admin = await startAdminServer({
    distDir,
    facekiBaseUrl: sandbox.url,
    clientId: 'sandbox-client',
    clientSecret: 'sandbox-secret',
    environment: 'sandbox',
  });
  ({ host, port } = new URL(admin.url));
});

after(async () => {
  await admin?.close();
  await sandbox?.close();
  rmSync(distDir, { recursive: true, force: true });
});

/**
 * One request with exactly these headers (Host included; an undefined value leaves a header out);
 * resolves to { status, headers, body }.
 */
function request({ method = 'GET', target = '/', headers = {}, body } = {}) {
  const sent = Object.fromEntries(Object.entries({ host, ...headers }).filter(([, value]) => value !== undefined));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target, headers: sent }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Raw bytes on a fresh connection, for requests no HTTP client would send; resolves to the answer text. */
function rawRequest(text) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk) => (answer += chunk));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

const statusOf = (answer) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);

/** A page session the way the admin page opens one: GET /api/config, keep its cookie and token. */
async function openSession() {
  const config = await request({ target: '/api/config' });
  assert.equal(config.status, 200);
  const cookie = config.headers['set-cookie'][0].split(';')[0];
  return { cookie, csrfToken: JSON.parse(config.body).csrfToken, setCookie: config.headers['set-cookie'][0] };
}

const changeLastCharacter = (text) => text.slice(0, -1) + (text.endsWith('A') ? 'B' : 'A');

function postToken(session, headers = {}) {
  return request({
    method: 'POST',
    target: '/api/token',
    headers: {
      origin: `http://${host}`,
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
      ...headers,
    },
    body: '{}',
  });
}

test('finding 1: GET /% and other malformed or hostile requests get 4xx and never crash the server', async () => {
  const targets = ['/%', '/%zz', '/%E0%A4%A', '/api/%', '/..%2f..%2f..%2fetc%2fpasswd', '/%00', `/${'a'.repeat(8000)}`];
  for (const target of targets) {
    const answer = await request({ target });
    assert.ok(answer.status >= 400 && answer.status < 500, `${target.slice(0, 40)}: ${answer.status}`);
  }
  assert.equal((await request({ target: '/%' })).status, 400);
  for (const text of [
    `GET http://${host}/% HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    `OPTIONS * HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    `GET / HTTP/1.0\r\n\r\n`,
    `POST /api/token HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 5\r\n\r\n`, // body never comes
    'NOT-HTTP\r\n\r\n',
  ]) {
    const status = statusOf(await rawRequest(text));
    assert.ok(Number.isNaN(status) || (status >= 400 && status < 500), `${JSON.stringify(text)}: ${status}`);
  }
  const page = await request({ target: '/' });
  assert.equal(page.status, 200, 'the server still answers');
  assert.match(page.body, /<title>admin<\/title>/);
});

test('finding 2a: only its own Host values are answered (DNS rebinding gets 421)', async () => {
  const foreign = [
    'evil.example',
    `evil.example:${port}`,
    `127.0.0.1:${port + 1}`,
    `127.0.0.1.evil.example:${port}`,
    '127.0.0.1',
  ];
  for (const hostHeader of foreign) {
    const answer = await request({ target: '/api/config', headers: { host: hostHeader } });
    assert.equal(answer.status, 421, hostHeader);
    assert.doesNotMatch(answer.body, /csrfToken/);
  }
  for (const hostHeader of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
    assert.equal((await request({ target: '/', headers: { host: hostHeader } })).status, 200, hostHeader);
  }
  const expected = [`http://127.0.0.1:${port}`, `http://[::1]:${port}`, `http://localhost:${port}`];
  assert.deepEqual(admin.origins.sort(), expected.sort());
});

test('finding 2b: a non-GET without its own Origin is refused before any token is fetched', async () => {
  const session = await openSession();
  const before = sandbox.stats().tokenRequests;
  for (const origin of [undefined, 'https://evil.example', 'null', `http://${host}.evil.example`, `https://${host}`]) {
    const answer = await postToken(session, { origin });
    assert.equal(answer.status, 403, String(origin));
    assert.doesNotMatch(answer.body, /token"\s*:\s*"ey/);
  }
  assert.equal(sandbox.stats().tokenRequests, before, 'no token request was spent');
});

test('finding 2c: the API takes application/json only, so no simple cross-site request gets in', async () => {
  const session = await openSession();
  const before = sandbox.stats().tokenRequests;
  const simpleTypes = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined];
  for (const type of simpleTypes) {
    const answer = await postToken(session, { 'content-type': type });
    assert.equal(answer.status, 415, String(type));
  }
  assert.equal(sandbox.stats().tokenRequests, before, 'no token request was spent');
});

test("finding 2d: POST /api/token needs the session cookie and that session's CSRF token", async () => {
  const session = await openSession();
  assert.match(session.setCookie, /HttpOnly/);
  assert.match(session.setCookie, /SameSite=Strict/);
  const other = await openSession();
  assert.notEqual(other.csrfToken, session.csrfToken);

  const before = sandbox.stats().tokenRequests;
  for (const [name, headers] of [
    ['no cookie', { cookie: '' }],
    ['no token', { 'x-csrf-token': '' }],
    ['a wrong token', { 'x-csrf-token': changeLastCharacter(session.csrfToken) }],
    ["another session's token", { 'x-csrf-token': other.csrfToken }],
    ['a forged session', { cookie: `kyc_admin_session=${'A'.repeat(43)}` }],
  ]) {
    assert.equal((await postToken(session, headers)).status, 403, name);
  }
  assert.equal(sandbox.stats().tokenRequests, before, 'no token request was spent');

  const granted = await postToken(session);
  assert.equal(granted.status, 200);
  assert.match(JSON.parse(granted.body).token, /^ey/);
  assert.equal(granted.headers['cache-control'], 'no-store');

  // The same cookie keeps its session: a second tab gets the same token and no new cookie.
  const again = await request({ target: '/api/config', headers: { cookie: session.cookie } });
  assert.equal(JSON.parse(again.body).csrfToken, session.csrfToken);
  assert.equal(again.headers['set-cookie'], undefined);
});

test('finding 4: the page makes only https (or loopback http) link URLs clickable', () => {
  const openable = [
    'https://sdk.faceki.com/kycverify/abc',
    'http://127.0.0.1:4180/kycverify/abc',
    'http://localhost/x',
    'http://[::1]:8/x',
  ];
  for (const url of openable) {
    assert.equal(isOpenableUrl(url), true, url);
  }
  for (const url of [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    '',
    'data:text/html,<script>1</script>',
    'http://evil.example/x',
    'https://user:pass@sdk.faceki.com/x',
    '//sdk.faceki.com/x',
    'https://sdk.faceki.com/\u001b]0;pwned\u0007',
    'https://sdk.faceki.com/a\r\nb',
    'java\tscript:alert(1)',
    'vbscript:x',
    'blob:https://a/b',
  ]) {
    assert.equal(isOpenableUrl(url), false, JSON.stringify(url));
  }
});
