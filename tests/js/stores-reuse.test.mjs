// The store layer without Redis: link reuse over the in-memory store, its rules (who is reused, for
// how long, what a failure or an abort does), a store that fails or hangs, and the getToken contract.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createKycClient, createMemoryStore } from '../../npm/index.mjs';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  WORKFLOW,
  assertNoSecrets,
  closedPort,
  rejectionOf,
  sandboxFor,
} from './support.mjs';

const person = (applicationId, extra = {}) => ({ workflowId: WORKFLOW, applicationId, expiryTime: 60, ...extra });

async function clientFor(t, sandbox, extra = {}) {
  const credentials = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
  const kyc = await createKycClient({ baseUrl: sandbox.url, ...credentials, ...extra });
  t.after(() => kyc.close());
  return kyc;
}

/** A memory store that also lets the test see and edit what was written. */
function spyStore() {
  const store = createMemoryStore();
  const written = new Map();
  return {
    written,
    get: (key) => store.get(key),
    set: (key, value, ttlMs) => {
      written.set(key, value);
      return store.set(key, value, ttlMs);
    },
    delete: (key) => store.delete(key),
    lock: (key, ttlMs) => store.lock(key, ttlMs),
  };
}

test('reuseLinks: one link per person, redirectUrl and workflow included; other calls are normal', async (t) => {
  const sandbox = await sandboxFor(t);
  const kyc = await clientFor(t, sandbox, { reuseLinks: true });
  const same = await Promise.all(Array.from({ length: 10 }, () => kyc.generateKycLink(person('alice'))));
  assert.equal(new Set(same.map(({ linkId }) => linkId)).size, 1);
  assert.equal(sandbox.stats().linkRequests, 1);

  const other = await kyc.generateKycLink(person('alice', { redirectUrl: 'https://example.com/done' }));
  assert.notEqual(other.linkId, same[0].linkId, 'another redirectUrl is another link');
  const optedOut = await kyc.generateKycLink(person('alice'), { reuse: false });
  assert.notEqual(optedOut.linkId, same[0].linkId);
  await kyc.generateKycLink({ workflowId: WORKFLOW, expiryTime: 60 }); // no applicationId
  await kyc.generateKycLink({ workflowId: WORKFLOW, expiryTime: 60 });
  await kyc.generateKycLink({ workflowId: WORKFLOW, applicationId: 'bob' }); // no expiryTime: no known expiry
  await kyc.generateKycLink({ workflowId: WORKFLOW, applicationId: 'bob' });
  await kyc.generateKycLink(person('carol', { expiryTime: 10 })); // could never have 10 minutes left
  await kyc.generateKycLink(person('carol', { expiryTime: 10 }));
  assert.equal(sandbox.stats().linkRequests, 9);
});

test('reuse per call, with a linkStore and reuseLinks off', async (t) => {
  const sandbox = await sandboxFor(t);
  const kyc = await clientFor(t, sandbox, { linkStore: createMemoryStore() });
  const a = await kyc.generateKycLink(person('dave'), { reuse: true });
  const b = await kyc.generateKycLink(person('dave'), { reuse: true });
  const c = await kyc.generateKycLink(person('dave'));
  assert.equal(a.linkId, b.linkId);
  assert.notEqual(c.linkId, a.linkId);
  const error = await rejectionOf(kyc.generateKycLink(person('dave'), { reuse: 'yes' }));
  assert.equal(error.code, 'INVALID_CONFIG');
});

test('a stored link with less than minRemainingMinutes left is replaced', async (t) => {
  const sandbox = await sandboxFor(t);
  const linkStore = spyStore();
  const kyc = await clientFor(t, sandbox, { linkStore, reuseLinks: true, minRemainingMinutes: 20 });
  const first = await kyc.generateKycLink(person('erin'));
  const [[key, value]] = [...linkStore.written].filter(([name]) => !name.endsWith(':lock'));
  assert.match(key, /^link:[0-9a-f]{64}$/);
  const stored = JSON.parse(value);
  assert.equal(stored.url, first.url);
  assert.ok(Math.abs(stored.expiresAt - (Date.now() + 60 * 60000)) < 60000);
  await linkStore.set(key, JSON.stringify({ ...stored, expiresAt: Date.now() + 19 * 60000 }), 60000);
  const second = await kyc.generateKycLink(person('erin'));
  assert.notEqual(second.linkId, first.linkId);
  await linkStore.set(key, JSON.stringify({ ...stored, expiresAt: Date.now() + 21 * 60000 }), 60000);
  assert.equal((await kyc.generateKycLink(person('erin'))).linkId, first.linkId);
  await linkStore.set(key, 'not json', 60000); // damaged: no link
  assert.notEqual((await kyc.generateKycLink(person('erin'))).linkId, first.linkId);
});

test('a failed creation releases the lock: the waiting call makes the link', async (t) => {
  const sandbox = await sandboxFor(t);
  const kyc = await clientFor(t, sandbox, { reuseLinks: true });
  await kyc.getAccessToken(); // so both calls meet at the link, not at the token
  sandbox.failNext({ responseCode: 8016, delayMs: 200 });
  const twice = [kyc.generateKycLink(person('frank')), kyc.generateKycLink(person('frank'))];
  const [failed, made] = await Promise.allSettled(twice);
  assert.equal(failed.status, 'rejected');
  assert.equal(failed.reason.reason, 'LINK_GENERATION_FAILED');
  assert.equal(made.status, 'fulfilled');
  assert.equal(sandbox.stats().linkRequests, 2);
  assert.equal((await kyc.generateKycLink(person('frank'))).linkId, made.value.linkId);
});

test('a store that fails or hangs: links are still made, each failure warns without secrets', async (t) => {
  const sandbox = await sandboxFor(t);
  const broken = {
    get: async () => {
      throw Object.assign(new Error('connection to redis://:p4ss@host lost'), { code: 'ECONNRESET' });
    },
    set: async () => {},
    delete: async () => {},
    lock: async () => null,
  };
  const warnings = [];
  const kyc = await clientFor(t, sandbox, { linkStore: broken, reuseLinks: true, onWarning: (w) => warnings.push(w) });
  const links = await Promise.all([kyc.generateKycLink(person('gina')), kyc.generateKycLink(person('gina'))]);
  assert.equal(sandbox.stats().linkRequests, 2, 'no reuse while the store is down');
  assert.equal(warnings.length, 2);
  assert.equal(warnings[0].code, 'STORE_UNAVAILABLE');
  assert.match(warnings[0].message, /^linkStore\.get failed \(ECONNRESET\): the link is made without reuse$/);
  for (const warning of warnings) assertNoSecrets(warning, ['p4ss', 'gina', ...links.map(({ url }) => url)]);

  const hanging = { ...broken, get: () => new Promise(() => {}) };
  const slow = await clientFor(t, sandbox, {
    linkStore: hanging,
    reuseLinks: true,
    storeTimeoutMs: 50,
    onWarning: (w) => {
      warnings.push(w);
      throw new Error('a broken hook does not break the call');
    },
  });
  await slow.generateKycLink(person('gina'));
  assert.match(warnings.at(-1).message, /no answer within 50 ms/);
});

test('the memory store: TTLs, locks that free only their own, expired entries swept', async () => {
  const store = createMemoryStore();
  await store.set('gone', 'x', -1);
  assert.equal(await store.get('gone'), null);
  await store.set('kept', 'y', 60000);
  assert.equal(await store.get('kept'), 'y');
  const release = await store.lock('l', 60000);
  assert.equal(await store.lock('l', 60000), null);
  await release();
  const expired = await store.lock('l', -1); // its TTL is over at once: the next caller takes it
  const current = await store.lock('l', 60000);
  assert.ok(expired && current);
  await expired();
  assert.equal(await store.lock('l', 60000), null, 'a late holder did not free the current one');
  // Entries nobody reads again go at the next sweep; live ones stay.
  for (let i = 0; i < 50000; i++) await store.set(`old-${i}`, 'v', -1);
  assert.ok(store.size <= 1024, `expired entries do not pile up (${store.size} held)`);
  assert.equal(await store.get('kept'), 'y');
});

test('a tokenStore that is down: each client fetches its own token and warns', async (t) => {
  const sandbox = await sandboxFor(t);
  const down = { ...createMemoryStore(), get: async () => Promise.reject(new Error('down')) };
  const warnings = [];
  const a = await clientFor(t, sandbox, { tokenStore: down, onWarning: (w) => warnings.push(w) });
  const b = await clientFor(t, sandbox, { tokenStore: down, onWarning: (w) => warnings.push(w) });
  await Promise.all([a.generateKycLink(person('jo')), b.generateKycLink(person('jo')), a.getAccessToken()]);
  assert.deepEqual(sandbox.stats(), { tokenRequests: 2, linkRequests: 2 });
  assert.deepEqual(
    warnings.map(({ store, message }) => [store, message]),
    [
      ['tokenStore', 'tokenStore.get failed (Error): the token is not shared'],
      ['tokenStore', 'tokenStore.get failed (Error): the token is not shared'],
    ],
  );
});

test('a call waiting for another holder ends on abort and on close()', async (t) => {
  const sandbox = await sandboxFor(t);
  const heldElsewhere = { get: async () => null, set: async () => {}, delete: async () => {}, lock: async () => null };
  const kyc = await clientFor(t, sandbox, { linkStore: heldElsewhere, reuseLinks: true });
  const controller = new AbortController();
  const waiting = kyc.generateKycLink(person('hal'), { signal: controller.signal });
  assert.equal(kyc.pendingCalls, 1);
  controller.abort();
  assert.equal((await rejectionOf(waiting)).code, 'ABORTED');
  const another = kyc.generateKycLink(person('hal'));
  kyc.close();
  assert.equal((await rejectionOf(another)).code, 'ABORTED');
  assert.equal(sandbox.stats().linkRequests, 0);
});

test('store options are checked', async (t) => {
  const sandbox = await sandboxFor(t);
  const base = { baseUrl: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
  const cases = [
    { tokenStore: createMemoryStore(), clientId: undefined, clientSecret: undefined, token: 'static' },
    { linkStore: { get() {} } },
    { reuseLinks: 'yes' },
    { minRemainingMinutes: -1 },
    { onWarning: 'console' },
    { storeTimeoutMs: 0 },
  ];
  for (const extra of cases) {
    const error = await rejectionOf(createKycClient({ ...base, ...extra }));
    assert.equal(error.code, 'INVALID_CONFIG', JSON.stringify(Object.keys(extra)));
    assertNoSecrets(error, [CLIENT_SECRET]);
  }
  const wrong = await rejectionOf(createKycClient({ tokenStore: createMemoryStore(), clientId: CLIENT_ID }));
  assert.equal(wrong.code, 'INVALID_CONFIG', 'the credentials are checked at once');
});

test('a memory tokenStore shares one token between clients; getToken hears which token was refused', async (t) => {
  const sandbox = await sandboxFor(t);
  const tokenStore = createMemoryStore();
  const a = await clientFor(t, sandbox, { tokenStore });
  const b = await clientFor(t, sandbox, { tokenStore });
  await Promise.all([a.generateKycLink(person('ivy')), b.generateKycLink(person('ivy')), a.getAccessToken()]);
  assert.equal(sandbox.stats().tokenRequests, 1);
  assert.equal(await b.getAccessToken(), await a.getAccessToken());

  const asked = [];
  const stale = sandbox.issueToken({ lifetimeSeconds: 3600 });
  const fresh = sandbox.issueToken({ lifetimeSeconds: 3600 });
  const own = await createKycClient({
    baseUrl: sandbox.url,
    getToken: (info) => {
      asked.push(info);
      return asked.length === 1 ? `${stale}x` : fresh; // the first one is refused
    },
  });
  t.after(() => own.close());
  await own.generateKycLink({ workflowId: WORKFLOW });
  assert.deepEqual(asked, [undefined, { rejectedToken: `${stale}x` }]);
});

test('a failed token fetch keeps its code through the shared getToken; so does a getToken KycError', async (t) => {
  const port = await closedPort();
  const credentials = { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET };
  const baseUrl = `http://127.0.0.1:${port}`;
  const kyc = await createKycClient({ baseUrl, ...credentials, tokenStore: createMemoryStore() });
  t.after(() => kyc.close());
  const error = await rejectionOf(kyc.generateKycLink(person('lee')));
  assert.equal(error.code, 'NETWORK_ERROR');
  assert.equal(error.retryable, true);
  assertNoSecrets(error, [CLIENT_SECRET]);

  const sandbox = await sandboxFor(t);
  const own = await createKycClient({
    baseUrl: sandbox.url,
    getToken: () => {
      const busy = { name: 'KycError', code: 'RATE_LIMITED', status: 429, retryable: true };
      throw Object.assign(new Error('token service busy'), busy);
    },
    maxRetries: 0,
  });
  t.after(() => own.close());
  const limited = await rejectionOf(own.generateKycLink({ workflowId: WORKFLOW }));
  assert.deepEqual([limited.code, limited.status, limited.retryable], ['RATE_LIMITED', 429, true]);
  assert.match(limited.message, /getToken failed: token service busy/);
  const plain = await createKycClient({ baseUrl: sandbox.url, getToken: () => Promise.reject(new Error('nope')) });
  t.after(() => plain.close());
  assert.equal((await rejectionOf(plain.generateKycLink({ workflowId: WORKFLOW }))).code, 'UNAUTHORIZED');
});

test('the one-shot generateKycLink takes the store options too: shared stores reuse the token and the link', async (t) => {
  const sandbox = await sandboxFor(t);
  const { generateKycLink } = await import('../../npm/index.mjs');
  const options = {
    baseUrl: sandbox.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    tokenStore: createMemoryStore(),
    linkStore: createMemoryStore(),
    reuseLinks: true,
  };
  const first = await generateKycLink(person('one-shot-user'), options);
  const second = await generateKycLink(person('one-shot-user'), options);
  assert.equal(second.linkId, first.linkId);
  assert.equal(sandbox.links.length, 1);
  assert.equal(sandbox.requests.filter((entry) => entry.route === 'token').length, 1);
});

test('a tampered store cannot hand out a link: a stored link must pass the rules a FACEKI answer passes', async (t) => {
  const sandbox = await sandboxFor(t);
  const linkStore = spyStore();
  const kyc = await clientFor(t, sandbox, { linkStore, reuseLinks: true });
  const first = await kyc.generateKycLink(person('mallory-target'));
  const [[key, value]] = [...linkStore.written].filter(([name]) => !name.endsWith(':lock'));
  const stored = JSON.parse(value);
  const tampered = [
    { ...stored, url: 'javascript:alert(1)' },
    { ...stored, url: 'ftp://evil.example/kyc' },
    { ...stored, url: `https://evil.example/\u202Elive.com` },
    { ...stored, url: `${stored.url}\r\nSet-Cookie: x=1` },
    { ...stored, url: `https://evil.example/${'a'.repeat(100_000)}` },
    { ...stored, linkId: 'x y' },
  ];
  for (const record of tampered) {
    await linkStore.set(key, JSON.stringify(record), 60000);
    const link = await kyc.generateKycLink(person('mallory-target'));
    assert.notEqual(link.url, record.url, `served a tampered link: ${record.url.slice(0, 60)}`);
    assert.notEqual(link.linkId, first.linkId, 'a new link was made instead');
  }
  await linkStore.set(key, JSON.stringify(stored), 60000); // the genuine one is still reused
  assert.equal((await kyc.generateKycLink(person('mallory-target'))).linkId, first.linkId);
});
