// bulk --redis-url: a bulk run shares the backend's Redis stores, so a person who already has a link
// (made by the backend or an earlier run) is not given a second one, and the token is the fleet's.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import { createRedisStores } from '../../npm/redis/index.mjs';
import { redisFor } from './redis-server.mjs';
import { storeClientFor } from './support.mjs';
import { WORKFLOW, peopleCsv, readCsvObjects, runCli, sandboxEnv, sandboxFor, tempDir } from './cli-harness.mjs';

test('bulk --redis-url reuses the backend token and links; FACEKI_REDIS_URL works too', {
  timeout: 60000,
}, async (t) => {
  const redis = await redisFor(t);
  const sandbox = await sandboxFor(t);
  const stores = await createRedisStores({ url: redis.url, keyPrefix: 'shop:' });
  t.after(() => stores.close());
  const backend = await storeClientFor(t, sandbox, stores);
  const fromBackend = await backend.generateKycLink({ workflowId: WORKFLOW, applicationId: 'user-1', expiryTime: 60 });

  const dir = tempDir(t);
  const inFile = path.join(dir, 'users.csv');
  peopleCsv(inFile, 4);
  const args = (out) => ['bulk', '--in', inFile, '--out', path.join(dir, out), '--workflow-id', WORKFLOW];
  const viaFlags = [...args('a.csv'), '--expiry-minutes', '60', '--redis-url', redis.url];
  viaFlags.push('--redis-key-prefix', 'shop:');
  const first = await runCli(viaFlags, { env: sandboxEnv(sandbox) });
  assert.equal(first.code, 0, first.stderr);
  const viaEnv = sandboxEnv(sandbox, { FACEKI_REDIS_URL: redis.url, FACEKI_REDIS_KEY_PREFIX: 'shop:' });
  const second = await runCli([...args('b.csv'), '--expiry-minutes', '60'], { env: viaEnv });
  assert.equal(second.code, 0, second.stderr);

  const a = readCsvObjects(path.join(dir, 'a.csv'));
  const b = readCsvObjects(path.join(dir, 'b.csv'));
  assert.equal(a.find((row) => row.applicationId === 'user-1').linkId, fromBackend.linkId);
  assert.deepEqual(
    b.map((row) => row.linkId),
    a.map((row) => row.linkId),
  );
  assert.deepEqual(sandbox.stats(), { tokenRequests: 1, linkRequests: 4 });
  assert.doesNotMatch(first.stderr + second.stderr, /warning/);
});

test('bulk --redis-url with no Redis there fails at the start without quoting the URL', {
  timeout: 30000,
}, async (t) => {
  const redis = await redisFor(t);
  await redis.stop();
  const sandbox = await sandboxFor(t);
  const dir = tempDir(t);
  const inFile = path.join(dir, 'users.csv');
  peopleCsv(inFile, 1);
  const url = `redis://:s3cret-pw@127.0.0.1:${redis.port}`;
  const args = ['bulk', '--in', inFile, '--out', path.join(dir, 'o.csv'), '--workflow-id', WORKFLOW];
  args.push('--redis-url', url);
  const run = await runCli(args, { env: sandboxEnv(sandbox) });
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /--redis-url: createRedisStores/);
  assert.doesNotMatch(run.stderr + run.stdout, /s3cret-pw/);
  assert.equal(sandbox.stats().linkRequests, 0);
});
