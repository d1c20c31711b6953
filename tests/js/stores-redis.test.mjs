// faceki-kyc-link/redis against a real redis-server: a restart in the middle of a run, a lock holder
// killed with SIGKILL, a refused token replaced for every instance, what the keys and close() do.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { test } from 'node:test';

import { createRedisStores } from '../../npm/redis/index.mjs';
import { startSandbox } from '../../npm/sandbox/index.cjs';
import { redisFor } from './redis-server.mjs';
import { CLIENT_ID, CLIENT_SECRET, WORKFLOW, sandboxFor, storeClientFor } from './support.mjs';

// The package's dev dependency, for looking at what the stores wrote.
const { createClient } = createRequire(new URL('../../npm/package.json', import.meta.url))('redis');

const person = (applicationId) => ({ workflowId: WORKFLOW, applicationId, expiryTime: 60 });

// A plain client of our own, for looking into Redis; it outlives the server in t.after order, so it
// must not throw when the server goes first.
async function rawClientFor(t, redis) {
  const raw = createClient({ url: redis.url });
  raw.on('error', () => {});
  await raw.connect();
  t.after(() => raw.isOpen && raw.close());
  return raw;
}

async function storesFor(t, options) {
  const stores = await createRedisStores(options);
  t.after(() => stores.close());
  return stores;
}

test('Redis restarted mid-run: every call succeeds, the outage only warns, reuse resumes after', {
  timeout: 60000,
}, async (t) => {
  const redis = await redisFor(t);
  const sandbox = await sandboxFor(t);
  const stores = await storesFor(t, { url: redis.url });
  const warnings = [];
  const onWarning = (warning) => warnings.push(warning);
  const kyc = await storeClientFor(t, sandbox, stores, { onWarning, storeTimeoutMs: 500 });

  let round = 0;
  let failures = 0;
  let links = 0;
  let running = true;
  const waiters = []; // { target, resolve }: woken when `round` reaches target
  const warningsOfRound = []; // rounds do not overlap, so each round's warnings are its own calls'
  const traffic = (async () => {
    while (running) {
      const seen = warnings.length;
      const calls = Array.from({ length: 10 }, (_, i) => kyc.generateKycLink(person(`person-${round}-${i % 5}`)));
      const outcomes = await Promise.allSettled(calls);
      failures += outcomes.filter(({ status }) => status === 'rejected').length;
      links += outcomes.length;
      warningsOfRound.push(warnings.length - seen);
      round++;
      for (const waiter of waiters.filter(({ target }) => target <= round)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  })();
  const roundsDone = (count) => new Promise((resolve) => waiters.push({ target: round + count, resolve }));

  await roundsDone(3);
  const beforeOutage = warnings.length;
  await redis.stop();
  await roundsDone(3);
  const duringOutage = warnings.length;
  await redis.start();
  // Back once a whole round goes by without a warning (the client reconnects on its own).
  const restartedAt = round;
  while (!warningsOfRound.slice(restartedAt + 1).includes(0)) await roundsDone(1);
  running = false;
  await traffic;

  assert.equal(failures, 0, 'no call failed');
  assert.ok(links >= 70);
  assert.equal(beforeOutage, 0);
  assert.ok(duringOutage > 0, 'the outage was reported');
  for (const warning of warnings) {
    assert.equal(warning.code, 'STORE_UNAVAILABLE');
    assert.equal(warning.store, 'linkStore');
    assert.doesNotMatch(warning.message, /person-|https?:|Bearer|eyJ/);
  }
  t.diagnostic(`${links} calls, ${warnings.length} warnings, ${sandbox.stats().linkRequests} link requests`);

  // Reuse works again after the restart.
  const before = sandbox.stats().linkRequests;
  const seenBefore = warnings.length;
  const twice = [kyc.generateKycLink(person('after')), kyc.generateKycLink(person('after'))];
  const [first, second] = await Promise.all(twice);
  assert.deepEqual(
    warnings.slice(seenBefore).map(({ message }) => message),
    [],
  );
  assert.equal(first.linkId, second.linkId);
  assert.equal(sandbox.stats().linkRequests, before + 1);
});

test('a lock whose holder was killed expires after its TTL, and only then can another take it', {
  timeout: 30000,
}, async (t) => {
  const redis = await redisFor(t);
  const ttlMs = 1500;
  const holder = spawn(process.execPath, [new URL('./stores-lock-holder.mjs', import.meta.url).pathname], {
    env: { ...process.env, REDIS_URL: redis.url, LOCK_KEY: 'held', LOCK_TTL_MS: String(ttlMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(holder, 'exit');
  t.after(() => holder.exitCode === null && holder.kill('SIGKILL'));
  const [line] = await once(createInterface({ input: holder.stdout }), 'line');
  assert.equal(line, 'locked');
  const lockedAt = Date.now();
  holder.kill('SIGKILL');
  await exited;

  const stores = await storesFor(t, { url: redis.url, keyPrefix: 'lock-test:' });
  assert.equal(await stores.tokenStore.lock('held', ttlMs), null, 'the dead holder still holds it');
  let release = null;
  while (!release) {
    release = await stores.tokenStore.lock('held', ttlMs);
    if (!release) await new Promise((resolve) => setTimeout(resolve, 50)); // Redis expires it, not us
  }
  const waitedMs = Date.now() - lockedAt;
  assert.ok(waitedMs >= ttlMs - 50 && waitedMs < ttlMs + 10000, `acquired after ${waitedMs} ms`);
  await release();
  assert.ok(await stores.tokenStore.lock('held', ttlMs), 'released');
});

test('a late holder cannot free a lock that expired and was taken by another', async (t) => {
  const redis = await redisFor(t);
  const stores = await storesFor(t, { url: redis.url });
  const raw = await rawClientFor(t, redis);
  const late = await stores.linkStore.lock('k', 60000);
  await raw.del('faceki-kyc:k'); // as if its TTL ran out
  const current = await stores.linkStore.lock('k', 60000);
  assert.ok(current);
  await late();
  assert.equal(await stores.linkStore.lock('k', 60000), null, 'still held by the current holder');
  await current();
  assert.ok(await stores.linkStore.lock('k', 60000));
});

test('a token refused with 401 is replaced once for every instance sharing the store', {
  timeout: 30000,
}, async (t) => {
  const redis = await redisFor(t);
  const first = await sandboxFor(t);
  const stores = await storesFor(t, { url: redis.url });
  const a = await storeClientFor(t, first, stores);
  const b = await storeClientFor(t, first, stores);
  await Promise.all([a.generateKycLink(person('x')), b.generateKycLink(person('y'))]);
  assert.equal(first.stats().tokenRequests, 1);
  const { port } = first;
  await first.close();
  // A new sandbox on the same address does not know the old token: both clients get a 401.
  const second = await startSandbox({ port, clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }] });
  t.after(() => second.close());
  await Promise.all([a.generateKycLink({ workflowId: WORKFLOW }), b.generateKycLink({ workflowId: WORKFLOW })]);
  assert.equal(second.stats().tokenRequests, 1, 'one new token for both');
  assert.equal(second.requests.filter(({ route, status }) => route === 'link' && status === 401).length, 2);
});

test('keys are the prefix and a hash (no applicationId), values are secrets, close() keeps a passed client', async (t) => {
  const redis = await redisFor(t);
  const sandbox = await sandboxFor(t);
  const raw = await rawClientFor(t, redis);
  const stores = await createRedisStores({ client: raw, keyPrefix: 'app1:' });
  const kyc = await storeClientFor(t, sandbox, stores);
  const link = await kyc.generateKycLink(person('alice@example.com'));
  const keys = (await raw.keys('*')).sort();
  assert.equal(keys.length, 2);
  for (const key of keys) assert.match(key, /^app1:(link|token):[0-9a-f]{64}$/);
  const linkKey = keys.find((key) => key.startsWith('app1:link:'));
  assert.equal(JSON.parse(await raw.get(linkKey)).url, link.url);
  const ttl = await raw.pTTL(linkKey);
  assert.ok(ttl > 49 * 60000 && ttl <= 50 * 60000, `kept until 10 minutes before expiry (${ttl} ms)`);
  await stores.close();
  assert.equal(await raw.ping(), 'PONG', 'a client passed in stays open');
});

test('createRedisStores rejects when Redis cannot be reached, without quoting the URL', async (t) => {
  const redis = await redisFor(t);
  await redis.stop();
  const url = `redis://user:hunter2-password@127.0.0.1:${redis.port}`;
  const error = await createRedisStores({ url, connectTimeoutMs: 2000 }).then(
    () => assert.fail('expected a rejection'),
    (rejection) => rejection,
  );
  assert.match(error.message, /createRedisStores/);
  assert.doesNotMatch(error.message, /hunter2/);
});
