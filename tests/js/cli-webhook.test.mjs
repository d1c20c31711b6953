// `faceki-kyc-link webhook listen`, and the sandbox CLI's webhook flags feeding it.
// Run: node --test tests/js/cli-webhook.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import readline from 'node:readline';
import { BIN, runCli, sandboxFor } from './cli-harness.mjs';

const SECRET = 'whsec-listen-test-9b2e';
const WORKFLOW = 'sandbox-workflow';

/** The CLI as a child process whose output is read line by line: `line(stream, match)` waits for one. */
function spawnCli(t, args, env) {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = { stdout: [], stderr: [] };
  const waiters = [];
  const exited = new Promise((resolve) => child.on('close', (code) => resolve(code)));
  for (const name of ['stdout', 'stderr']) {
    readline.createInterface({ input: child[name] }).on('line', (line) => {
      lines[name].push(line);
      for (const waiter of [...waiters]) waiter();
    });
  }
  t.after(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exited;
  });
  function line(stream, match) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = lines[stream].find((text) => match.test(text));
        if (found === undefined) return;
        waiters.splice(waiters.indexOf(check), 1);
        resolve(found);
      };
      waiters.push(check);
      exited.then(() => reject(new Error(`exited before printing ${match} on ${stream}: ${lines.stderr.join('\n')}`)));
      check();
    });
  }
  return { child, lines, line, exited };
}

async function startListener(t, args = []) {
  const cli = spawnCli(t, ['webhook', 'listen', '--port', '0', ...args], { FACEKI_WEBHOOK_SECRET: SECRET });
  const ready = await cli.line('stderr', /^listening on /);
  return { ...cli, url: /http:\/\/127\.0\.0\.1:\d+/.exec(ready)[0] };
}

function post(url, body, headers = { authorization: SECRET }) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

const resultBody = (fields = {}) =>
  JSON.stringify({
    requestId: 'req-1',
    fullName: 'Ada Lovelace',
    status: 'ACCEPTED',
    kycData: { link: 'link-1', record_identifier: 'user-1', requestId: 'req-1', document_data: [] },
    ...fields,
  });

test('a verified event is printed as one JSON line on stdout, and nothing else is', async (t) => {
  const listener = await startListener(t);
  const response = await post(listener.url, resultBody({ fullName: 'Eve \u001b]0;pwned\u0007 \u202eevil' }));
  assert.equal(response.status, 200);
  const line = await listener.line('stdout', /^\{/);
  assert.ok(!/[\u001b\u0007\u202e]/.test(line), 'control and bidi characters are escaped');
  const event = JSON.parse(line);
  assert.equal(event.type, 'verification.completed');
  assert.equal(event.requestId, 'req-1');
  assert.equal(event.status, 'ACCEPTED');
  assert.equal(event.linkId, 'link-1');
  assert.equal(event.applicationId, 'user-1');
  assert.equal(event.fullName, 'Eve \u001b]0;pwned\u0007 \u202eevil', 'the JSON value is unchanged');
  assert.equal(event.data.kycData.link, 'link-1');
  assert.equal(listener.lines.stdout.length, 1);
  assert.ok(!listener.lines.stderr.join('\n').includes(SECRET));
});

test('an unknown kind is printed as type "unknown", not refused', async (t) => {
  const listener = await startListener(t);
  assert.equal((await post(listener.url, JSON.stringify({ kind: 'aml', requestId: 'r9' }))).status, 200);
  const event = JSON.parse(await listener.line('stdout', /^\{/));
  assert.equal(event.type, 'unknown');
  assert.equal(event.requestId, 'r9');
});

test('a missing or wrong secret gets 401, a malformed body 400; stderr says so without any secret', async (t) => {
  const wrong = 'whsec-wrong-7c1a';
  const listener = await startListener(t, ['--header', 'X-Webhook-Secret']);
  assert.equal((await post(listener.url, resultBody(), { 'x-webhook-secret': wrong })).status, 401);
  assert.equal((await post(listener.url, resultBody(), {})).status, 401);
  const inAuthorization = await post(listener.url, resultBody(), { authorization: SECRET });
  assert.equal(inAuthorization.status, 401, 'only the configured header counts');
  assert.equal((await post(listener.url, '{"requestId":', { 'x-webhook-secret': SECRET })).status, 400);
  assert.equal((await post(listener.url, '[1,2]', { 'x-webhook-secret': SECRET })).status, 400);
  assert.equal((await fetch(listener.url, { headers: { 'x-webhook-secret': SECRET } })).status, 405);
  assert.equal((await post(listener.url, resultBody(), { 'x-webhook-secret': SECRET })).status, 200);
  await listener.line('stdout', /^\{/);
  await listener.line('stderr', /405/);
  const stderr = listener.lines.stderr.join('\n');
  assert.equal(stderr.match(/rejected: 401 WEBHOOK_UNAUTHORIZED/g).length, 3);
  assert.equal(stderr.match(/rejected: 400 WEBHOOK_INVALID/g).length, 2);
  assert.ok(!stderr.includes(SECRET) && !stderr.includes(wrong), 'no secret on stderr');
  assert.equal(listener.lines.stdout.length, 1, 'only the verified event reached stdout');
});

test('the listener survives a flood of bad requests and still takes a good one', async (t) => {
  const listener = await startListener(t);
  const { port } = new URL(listener.url);
  const bad = [];
  for (let i = 0; i < 150; i++) {
    bad.push(post(listener.url, resultBody(), { authorization: `${SECRET}${i}` }).then((r) => r.status));
    bad.push(post(listener.url, `{"broken": ${i}`).then((r) => r.status));
  }
  bad.push(
    post(listener.url, 'x'.repeat(2 * 1024 * 1024)).then(
      (r) => r.status,
      () => 'closed',
    ),
  );
  // Raw garbage, a body cut short, and a socket that goes away mid-headers.
  const raw = (bytes) =>
    new Promise((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.end(bytes));
      socket.on('error', () => {});
      socket.on('close', resolve);
      socket.resume();
    });
  bad.push(raw('\u0000\u00ff not http at all\r\n\r\n'));
  bad.push(raw(`POST / HTTP/1.1\r\nHost: x\r\nAuthorization: ${SECRET}\r\nContent-Length: 100\r\n\r\n{"a"`));
  bad.push(raw('POST / HTTP/1.1\r\nHost: x\r\nContent-Le'));
  const statuses = await Promise.all(bad);
  assert.equal(statuses.filter((status) => status === 401).length, 150);
  assert.equal(statuses.filter((status) => status === 400).length, 150);
  assert.ok([413, 'closed'].includes(statuses[300]), `oversized body: ${statuses[300]}`);

  assert.equal((await post(listener.url, resultBody())).status, 200);
  await listener.line('stdout', /^\{/);
  assert.equal(listener.lines.stdout.length, 1);
  assert.equal(listener.child.exitCode, null, 'still running');
  listener.child.kill('SIGINT');
  assert.equal(await listener.exited, 0, 'Ctrl-C ends it cleanly');
});

test('webhook listen needs FACEKI_WEBHOOK_SECRET, and refuses the secret as a flag', async () => {
  const env = { PATH: process.env.PATH };
  const missing = await runCli(['webhook', 'listen', '--port', '0'], { env });
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /FACEKI_WEBHOOK_SECRET/);
  const asFlag = await runCli(['webhook', 'listen', '--webhook-secret', SECRET], { env });
  assert.equal(asFlag.code, 2);
  assert.ok(!asFlag.stderr.includes(SECRET));
  const noSubcommand = await runCli(['webhook'], { env });
  assert.equal(noSubcommand.code, 2);
  assert.match(noSubcommand.stderr, /webhook listen/);
});

test('end to end: an in-process sandbox completes a link and the listener prints its event', async (t) => {
  const listener = await startListener(t);
  const sandbox = await sandboxFor(t, { webhooks: [{ url: listener.url, headers: { Authorization: SECRET } }] });
  const link = await createLink(sandbox.url, sandbox.issueToken());
  const record = sandbox.complete(link, 'DECLINED', { fullName: 'Grace Hopper' });
  const event = JSON.parse(await listener.line('stdout', /^\{/));
  assert.deepEqual(
    [event.type, event.requestId, event.status, event.fullName, event.linkId],
    ['verification.completed', record.requestId, 'DECLINED', 'Grace Hopper', link],
  );
  await sandbox.webhooksIdle();
  assert.deepEqual(
    sandbox.webhookDeliveries.map((entry) => entry.status),
    [200],
  );
});

test('end to end: the sandbox CLI sends the secret from FACEKI_WEBHOOK_SECRET to --webhook-url', async (t) => {
  const listener = await startListener(t, ['--header', 'x-hook-key']);
  const sandbox = spawnCli(
    t,
    [
      'sandbox',
      '--port',
      '0',
      '--webhook-url',
      `${listener.url}/kyc`,
      '--webhook-secret-header',
      'X-Hook-Key',
      '--webhook-header',
      'X-Tenant: acme',
    ],
    { FACEKI_WEBHOOK_SECRET: SECRET },
  );
  const url = await sandbox.line('stdout', /^http:\/\//);
  const token = await generateToken(url);
  const link = await createLink(url, token);
  const completed = await fetch(`${url}/__sandbox/links/${link}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'ACCEPTED', fullName: 'Katherine Johnson' }),
  });
  assert.equal(completed.status, 200);
  const event = JSON.parse(await listener.line('stdout', /^\{/));
  assert.deepEqual([event.status, event.fullName, event.linkId], ['ACCEPTED', 'Katherine Johnson', link]);
  assert.ok(!sandbox.lines.stdout.join('\n').includes(SECRET), 'the sandbox CLI never prints the secret');
  sandbox.child.kill('SIGINT');
  assert.equal(await sandbox.exited, 0);
});

async function generateToken(baseUrl) {
  const response = await fetch(`${baseUrl}/auth/api/generate-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: 'sandbox-client', clientSecret: 'sandbox-secret' }),
  });
  return (await response.json()).data.access_token;
}

async function createLink(baseUrl, token) {
  const response = await fetch(`${baseUrl}/kycverify/api/kycverify/kyc-verify-link`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ workflowId: WORKFLOW, applicationId: 'user-1' }),
  });
  return (await response.json()).data;
}

test('the sandbox CLI refuses bad webhook flags with the flag named, and no header value echoed', async () => {
  const env = { PATH: process.env.PATH };
  const badUrl = await runCli(['sandbox', '--webhook-url', 'ftp://127.0.0.1/x'], { env });
  assert.equal(badUrl.code, 2);
  assert.match(badUrl.stderr, /--webhook-url must be an http\(s\) URL/);
  const noColon = await runCli(['sandbox', '--webhook-url', 'http://127.0.0.1:1/', '--webhook-header', SECRET], {
    env,
  });
  assert.equal(noColon.code, 2);
  assert.match(noColon.stderr, /--webhook-header must look like "Name: value"/);
  assert.ok(!noColon.stderr.includes(SECRET));
  const managed = await runCli(
    ['sandbox', '--webhook-url', 'http://127.0.0.1:1/', '--webhook-header', 'Content-Length: 9'],
    { env },
  );
  assert.equal(managed.code, 2);
  assert.match(managed.stderr, /--webhook-header: header "Content-Length" is managed/);
  const headerOnly = await runCli(['sandbox', '--webhook-header', 'X-A: b'], { env });
  assert.equal(headerOnly.code, 2);
  assert.match(headerOnly.stderr, /--webhook-header needs --webhook-url/);
});
