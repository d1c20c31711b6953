// Many instances, one token and one link per person: 8 processes share a real redis-server and make
// 100 concurrent calls each for the same 50 people against one sandbox.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { test } from 'node:test';

import { redisFor } from './redis-server.mjs';
import { CLIENT_ID, CLIENT_SECRET, WORKFLOW, sandboxFor } from './support.mjs';

const INSTANCES = 8;

function startInstance(env) {
  const child = spawn(process.execPath, [new URL('./stores-fleet-child.mjs', import.meta.url).pathname], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const next = () =>
    new Promise((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`instance exited (${code}) before answering`)));
    });
  return { child, next, exited: once(child, 'exit') };
}

test('8 instances, 100 concurrent calls each for 50 people: 50 link requests and 1 token request', {
  timeout: 120000,
}, async (t) => {
  const redis = await redisFor(t);
  const sandbox = await sandboxFor(t);
  const env = { SANDBOX_URL: sandbox.url, REDIS_URL: redis.url, CLIENT_ID, CLIENT_SECRET, WORKFLOW };
  const instances = Array.from({ length: INSTANCES }, () => startInstance(env));
  t.after(() => {
    for (const { child } of instances) if (child.exitCode === null) child.kill();
  });
  assert.deepEqual(await Promise.all(instances.map(({ next }) => next())), Array(INSTANCES).fill('ready'));
  const answers = instances.map(({ next }) => next()); // listening before "go", so no line is missed
  for (const { child } of instances) child.stdin.end('go\n');
  const outputs = (await Promise.all(answers)).map((line) => JSON.parse(line));
  const exits = await Promise.all(instances.map(({ exited }) => exited));
  assert.deepEqual(
    exits.map(([code]) => code),
    Array(INSTANCES).fill(0),
  );

  const linkOf = new Map();
  for (const { results, warnings } of outputs) {
    assert.deepEqual(warnings, []);
    for (const result of results) {
      assert.equal(result.error, undefined);
      if (!linkOf.has(result.person)) linkOf.set(result.person, result.linkId);
      assert.equal(result.linkId, linkOf.get(result.person), `every instance hands ${result.person} the same link`);
    }
  }
  assert.equal(linkOf.size, 50);
  assert.equal(new Set(linkOf.values()).size, 50);
  assert.deepEqual(sandbox.stats(), { tokenRequests: 1, linkRequests: 50 });
});
