// Hostile input against the package and its sandbox, one test per finding: caller objects that throw
// (or are revoked Proxies) where the wasm core would meet them, webhook bodies and senders that are not
// what they seem, stores that fail strangely, a link request that times out while others wait for it,
// and the sandbox's Host check, request log and webhook sender under requests no browser would send.

import assert from 'node:assert/strict';
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer } from 'node:net';
import { test } from 'node:test';

import {
  configureWasm,
  createKycClient,
  createWebhookFetchHandler,
  createWebhookHandler,
  parseWebhook,
} from '../../npm/index.mjs';
import { createRedisStores } from '../../npm/redis/index.mjs';
import { hostileServer, linkAnswer } from './hostile-server.mjs';
import { assertNoSecrets, rejectionOf, sandboxFor, CLIENT_ID, CLIENT_SECRET, WORKFLOW } from './support.mjs';

// The module, caught by a preRun hook, to watch the wasm heap.
let wasmModule;
configureWasm({ preRun: [(module) => (wasmModule = module)] });

const SECRET = 'whsec-attack-9d2f6b1c';
const HEADERS = { authorization: SECRET };

function revokedProxy() {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

async function clientFor(t, sandbox) {
  const client = await createKycClient({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, baseUrl: sandbox.url });
  t.after(() => client.close());
  return client;
}

/** Fails unless `client` (made before the attack) still gets a link: the shared module did not stop. */
async function assertModuleRunning(client) {
  const link = await client.generateKycLink({ workflowId: WORKFLOW });
  assert.equal(typeof link.linkId, 'string');
}

// First: the attacks below stopped the module before their fixes, and a fresh module's heap says nothing.
test('a webhook body far over maxBodyBytes is refused (413) without growing the wasm heap', async () => {
  await parseWebhook({ body: '{}', headers: HEADERS }, { secret: SECRET }); // the module loaded
  const heapBefore = wasmModule.HEAP8.length;
  for (const body of [new Uint8Array(64 * 1024 * 1024), ' '.repeat(64 * 1024 * 1024)]) {
    const error = await rejectionOf(parseWebhook({ body, headers: HEADERS }, { secret: SECRET }));
    assert.equal(error.code, 'WEBHOOK_INVALID');
    assert.equal(error.status, 413);
  }
  // Before the fix each body was copied in whole first: the heap grew by 64 MiB or more, for good.
  assert.ok(wasmModule.HEAP8.length - heapBefore < 8 * 1024 * 1024, 'the wasm heap grew');
});

test('a revoked Proxy anywhere the core reads is a KycError for that call; the module runs on for all', async (t) => {
  const sandbox = await sandboxFor(t);
  const bystander = await clientFor(t, sandbox);
  const attacker = await clientFor(t, sandbox);
  const attacks = [
    ['INVALID_REQUEST', () => attacker.generateKycLink({ workflowId: revokedProxy() })],
    ['INVALID_REQUEST', () => attacker.generateKycLink(revokedProxy())],
    ['INVALID_CONFIG', () => attacker.generateKycLink({ workflowId: WORKFLOW }, { timeoutMs: revokedProxy() })],
    ['INVALID_REQUEST', () => attacker.getVerifications({ link: revokedProxy() })],
    ['INVALID_CONFIG', () => createKycClient({ clientId: revokedProxy(), clientSecret: CLIENT_SECRET })],
    ['INVALID_CONFIG', () => parseWebhook({ body: '{}', headers: HEADERS }, { secret: revokedProxy() })],
  ];
  for (const [code, attack] of attacks) {
    const error = await rejectionOf(attack());
    assert.equal(error.code, code, `${attack}: ${error.message}`);
    await assertModuleRunning(bystander); // before the fix: INTERNAL, "the WebAssembly module stopped"
  }
  assert.deepEqual(
    attacker.validate(revokedProxy()).map((issue) => issue.field),
    ['request'],
  );
});

test('an array Proxy whose traps throw is refused as an array without the core running its traps', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await clientFor(t, sandbox);
  const hostile = new Proxy([], {
    getPrototypeOf() {
      throw new Error('trap ran');
    },
  });
  const error = await rejectionOf(client.generateKycLink(hostile));
  assert.equal(error.code, 'INVALID_REQUEST');
  assert.match(error.message, /plain object, got array/);
  await assertModuleRunning(client);
});

test('a getter that throws something with no text (null-prototype object, Symbol) is still a KycError', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await clientFor(t, sandbox);
  for (const thrown of [Object.create(null), Symbol('thrown')]) {
    const request = {
      get workflowId() {
        throw thrown;
      },
    };
    const error = await rejectionOf(client.generateKycLink(request));
    assert.ok(error instanceof Error && error.name === 'KycError', `got ${error}`);
    assert.equal(error.code, 'INVALID_REQUEST');
    // validate() answers with an issue: before the fix it threw a TypeError at its caller.
    assert.equal(client.validate(request)[0].field, 'request');
  }
  const signal = {
    get aborted() {
      throw Object.create(null);
    },
    addEventListener() {},
  };
  const error = await rejectionOf(client.waitForVerification({ link: 'link-1' }, { signal }));
  assert.equal(error.code, 'ABORTED');
});

test('a "__proto__" key (as JSON.parse makes one) is reported as unknown, not taken as the prototype', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await clientFor(t, sandbox);
  const request = JSON.parse(`{"workflowId":"${WORKFLOW}","__proto__":null}`);
  assert.deepEqual(client.validate(request), [{ field: '__proto__', message: 'unknown field "__proto__"' }]);
});

test('parseWebhook copies only plain bytes into wasm: a body whose getters throw cannot stop the module', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await clientFor(t, sandbox);
  class Hostile extends Uint8Array {
    get length() {
      throw new Error('length getter ran');
    }
  }
  const event = await parseWebhook(
    { body: Hostile.from(Buffer.from('{"requestId":"r1"}')), headers: HEADERS },
    { secret: SECRET },
  );
  assert.equal(event.requestId, 'r1');
  const trapped = new Proxy(
    {},
    {
      getPrototypeOf() {
        throw new Error('trap ran');
      },
    },
  );
  const error = await rejectionOf(parseWebhook({ body: trapped, headers: HEADERS }, { secret: SECRET }));
  assert.equal(error.code, 'INVALID_REQUEST');
  const unreadable = {
    get body() {
      throw Symbol('no');
    },
  };
  assert.equal((await rejectionOf(parseWebhook(unreadable, { secret: SECRET }))).code, 'INVALID_REQUEST');
  await assertModuleRunning(client);
});

test('a string body with a byte order mark reads as the core read it; nothing quotes the body', async () => {
  const body = '\uFEFF{"requestId":"r1","fullName":"Jane Private"}';
  const event = await parseWebhook({ body, headers: HEADERS }, { secret: SECRET });
  // Before the fix: a SyntaxError from JSON.parse whose message quoted the body.
  assert.deepEqual(event.data, { requestId: 'r1', fullName: 'Jane Private' });
  const bytes = new TextEncoder().encode(body);
  assert.deepEqual((await parseWebhook({ body: bytes, headers: HEADERS }, { secret: SECRET })).data, event.data);
  const wrong = await rejectionOf(parseWebhook({ body, headers: { authorization: 'x' } }, { secret: SECRET }));
  assertNoSecrets(wrong, [SECRET, 'Jane Private']);
});

/** Sends `text` as it is to the sandbox; resolves to the status code of its answer. */
function rawRequest(port, text) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(answer.split(' ')[1])));
    socket.end(text);
  });
}

test('the sandbox answers only requests for its own host: an absolute-form target or two Hosts get 421', async (t) => {
  const sandbox = await sandboxFor(t);
  const own = `127.0.0.1:${sandbox.port}`;
  const send = (target, hostLines) =>
    rawRequest(sandbox.port, `GET ${target} HTTP/1.1\r\n${hostLines}Connection: close\r\n\r\n`);
  assert.equal(await send('/__sandbox/stats', `Host: ${own}\r\n`), 200);
  assert.equal(await send(`http://${own}/__sandbox/stats`, `Host: ${own}\r\n`), 200);
  // RFC 9112: the target's host, not the Host header, names the host: these are for evil.example.
  assert.equal(await send('http://evil.example/__sandbox/requests', `Host: ${own}\r\n`), 421);
  assert.equal(await send(`http://evil.example:${sandbox.port}/__sandbox/requests`, `Host: ${own}\r\n`), 421);
  assert.equal(await send('http://[/__sandbox/requests', `Host: ${own}\r\n`), 421);
  // Node keeps the first of two Host headers; a proxy in front may keep the other.
  assert.equal(await send('/__sandbox/stats', `Host: ${own}\r\nHost: evil.example\r\n`), 421);
  assert.equal(sandbox.requests.length, 0);
});

test('closing the sandbox during a webhook attempt leaves no delivery pending and no retry timer', async (t) => {
  const sockets = new Set();
  const silent = createServer((socket) => sockets.add(socket)); // takes the request, never answers
  await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    for (const socket of sockets) socket.destroy();
    silent.close();
  });
  const sandbox = await sandboxFor(t, {
    webhooks: [{ url: `http://127.0.0.1:${silent.address().port}/hook`, headers: { authorization: SECRET } }],
    webhookPolicy: { attempts: 5, firstDelayMs: 60_000, timeoutMs: 60_000 },
  });
  sandbox.links.push({ linkId: 'link-1', applicationId: 'person-1', expiresAt: Date.now() + 3_600_000 });
  sandbox.complete('link-1', 'ACCEPTED');
  await sandbox.close();
  let timer;
  const outcome = await Promise.race([
    sandbox.webhooksIdle().then(() => 'idle'),
    new Promise((resolve) => (timer = setTimeout(resolve, 10_000, 'still pending'))),
  ]);
  clearTimeout(timer);
  // Before the fix the cut attempt went on to a 60 s pause that close() had already missed.
  assert.equal(outcome, 'idle');
  assert.deepEqual(
    sandbox.webhookDeliveries.map((delivery) => delivery.error),
    ['CLOSED'],
  );
});

test('a store failing with an unreadable error (a revoked Proxy) counts as down: the link is made', async (t) => {
  const sandbox = await sandboxFor(t);
  const fail = async () => {
    throw revokedProxy();
  };
  const store = { get: fail, set: fail, delete: fail, lock: fail };
  const warnings = [];
  const client = await createKycClient({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: sandbox.url,
    tokenStore: store,
    linkStore: store,
    reuseLinks: true,
    onWarning: (warning) => warnings.push(warning.code),
  });
  t.after(() => client.close());
  // Before the fix: a TypeError from reading the error's code, and no link.
  const link = await client.generateKycLink({ workflowId: WORKFLOW, applicationId: 'person-1', expiryTime: 60 });
  assert.equal(typeof link.linkId, 'string');
  assert.ok(warnings.length >= 2 && warnings.every((code) => code === 'STORE_UNAVAILABLE'), String(warnings));
});

test('reuseLinks: the link request for a person timed out: the calls waiting for it make no second link', async (t) => {
  let linkRequests = 0;
  const server = await hostileServer(t, (req, res) => {
    if (req.url.startsWith('/auth/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ responseCode: 0, data: { access_token: 'tok-attack-0123456789' } }));
    }
    linkRequests++;
    if (linkRequests > 1) return linkAnswer(req, res); // the first is kept: FACEKI may make it and answer late
  });
  const client = await createKycClient({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    baseUrl: server.url,
    reuseLinks: true,
    timeoutMs: 300,
  });
  t.after(() => client.close());
  const request = { workflowId: WORKFLOW, applicationId: 'person-2', expiryTime: 60 };
  const outcomes = await Promise.allSettled([client.generateKycLink(request), client.generateKycLink(request)]);
  // Before the fix the waiting call made link-1, a second link for a person whose first may exist.
  assert.deepEqual(
    outcomes.map((outcome) => outcome.reason?.code),
    ['TIMEOUT', 'TIMEOUT'],
  );
  assert.equal(linkRequests, 1);
});

test('the sandbox request log keeps a client secret out in any spelling of its key or its value', async (t) => {
  const sandbox = await sandboxFor(t);
  const wrongSecret = 'maybe-real-secret-5e7a';
  const get = (query) => fetch(`${sandbox.url}/auth/api/access-token?${query}`);
  const post = (body, type = 'application/json') =>
    fetch(`${sandbox.url}/auth/api/generate-token`, { method: 'POST', headers: { 'content-type': type }, body });
  const encoded = (text) => [...text].map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
  // The sandbox reads each of these as the clientSecret (the first gets a token): the log must not show it.
  assert.equal((await get(`clientId=${CLIENT_ID}&client%53ecret=${encoded(CLIENT_SECRET)}`)).status, 200);
  await get(`clientId=${CLIENT_ID}&client%53ecret=${wrongSecret}`);
  await post(`{"clientId":"${CLIENT_ID}","client\\u0053ecret":"${wrongSecret}"}`);
  await post(`{"clientId":"${CLIENT_ID}","clientSecret":"${CLIENT_SECRET.replace('-', '\\u002d')}"}`);
  await post(`clientId=${CLIENT_ID}&client%53ecret=${wrongSecret}`, 'application/x-www-form-urlencoded');
  assert.equal(sandbox.requests.length, 5);
  const log = JSON.stringify(sandbox.requests);
  const decoded = decodeURIComponent(log).replace(/\\\\u([0-9a-f]{4})/gi, (_, hex) => String.fromCharCode(`0x${hex}`));
  assertNoSecrets({ stdout: decoded, stderr: log }, [CLIENT_SECRET, wrongSecret]);
  assert.match(log, /\/auth\/api\/access-token\?\[redacted\]/);
});

test('createRedisStores with a malformed Redis URL: the error holds no part of the URL (its password)', async () => {
  const password = 'p4ssw0rd-attack-31';
  for (const url of [`redis://:${password}@host:notaport`, `redis://user:${password}@[bad`]) {
    const error = await rejectionOf(createRedisStores({ url }));
    // Before the fix: Node's ERR_INVALID_URL TypeError, whose `input` (util.inspect shows it) is the URL.
    assert.match(error.message, /^createRedisStores: url is not a Redis URL/);
    assertNoSecrets(error, [password]);
  }
});

test('a webhook sender without the secret gets its 401 before its body is read (nothing buffered)', async (t) => {
  let events = 0;
  const handler = createWebhookHandler({ secret: SECRET, onEvent: () => events++ });
  const server = createHttpServer(handler);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const socket = connect(server.address().port, '127.0.0.1');
  t.after(() => socket.destroy());
  // A megabyte announced, ten bytes sent, and then nothing: before the fix the handler waited for the rest.
  const head = 'POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: wrong\r\nContent-Length: 1048576\r\n';
  socket.write(`${head}\r\n{"a":"0123`);
  let timer;
  const answer = await Promise.race([
    new Promise((resolve) => socket.once('data', (chunk) => resolve(String(chunk).split('\r\n')[0]))),
    new Promise((resolve) => (timer = setTimeout(resolve, 10_000, 'no answer'))),
  ]);
  clearTimeout(timer);
  assert.equal(answer, 'HTTP/1.1 401 Unauthorized');
  const fetchHandler = createWebhookFetchHandler({ secret: SECRET, onEvent: () => events++ });
  const never = new ReadableStream({ pull: () => new Promise(() => {}) }); // a body that never ends
  const request = new Request('http://127.0.0.1/hook', { method: 'POST', body: never, duplex: 'half' });
  assert.equal((await fetchHandler(request)).status, 401);
  assert.equal(events, 0);
});
