// The package touches nothing of the host process and keeps secrets out of what it shows.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { inspect } from 'node:util';

import { createKycClient } from '../../npm/index.mjs';
import { CLIENT_ID, CLIENT_SECRET, rejectionOf, sandboxFor, WORKFLOW } from './support.mjs';

const PACKAGE = new URL('../../npm/index.mjs', import.meta.url).href;

// Runs in a fresh process so nothing else has loaded the module yet.
const PROBE = `
  const listeners = () => ['uncaughtException', 'unhandledRejection', 'exit', 'SIGINT', 'warning']
    .map((name) => process.listenerCount(name)).join(',');
  const before = { globals: Object.getOwnPropertyNames(globalThis).sort().join(','), listeners: listeners() };
  const kyc = await import(${JSON.stringify(PACKAGE)});
  const client = await kyc.createKycClient({ baseUrl: 'http://127.0.0.1:9', token: 'probe-token' });
  await client.generateKycLink({ workflowId: 'w' }, { maxRetries: 0 }).catch(() => {});
  client.close();
  const after = { globals: Object.getOwnPropertyNames(globalThis).sort().join(','), listeners: listeners() };
  console.log(JSON.stringify({ before, after, xhr: typeof globalThis.XMLHttpRequest, exitCode: process.exitCode ?? null }));
`;

test('loading and using the package adds no global, no process listener, no XMLHttpRequest', () => {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', PROBE], { encoding: 'utf8', timeout: 30000 });
  assert.equal(run.status, 0, run.stderr);
  const { before, after, xhr, exitCode } = JSON.parse(run.stdout);
  assert.equal(after.globals, before.globals);
  assert.equal(after.listeners, before.listeners);
  assert.equal(xhr, 'undefined');
  assert.equal(exitCode, null);
  assert.equal(run.stderr, '', 'the package printed nothing');
});

test('a process with an idle client exits by itself (no timer or socket keeps it alive)', () => {
  const script = `
    const kyc = await import(${JSON.stringify(PACKAGE)});
    await kyc.createKycClient({ baseUrl: 'http://127.0.0.1:9', token: 't' });`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 15000 });
  assert.equal(run.status, 0, run.stderr);
});

test('neither the client nor its errors show a secret in inspect or JSON', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await createKycClient({ baseUrl: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  t.after(() => client.close());
  const link = await client.generateKycLink({ workflowId: WORKFLOW });
  sandbox.failNext({ status: 400 });
  const error = await rejectionOf(client.generateKycLink({ workflowId: WORKFLOW }));
  const shown = [
    inspect(client, { depth: 10, showHidden: true }),
    JSON.stringify(client),
    inspect(error, { depth: 10 }),
    JSON.stringify(error),
  ];
  for (const text of shown) {
    assert.ok(!text.includes(CLIENT_SECRET), text);
    assert.ok(!text.includes(link.url) && !text.includes(link.linkId), text);
    assert.ok(!/eyJ[\w-]+\.[\w-]+/.test(text), `a JWT leaked: ${text}`);
  }
  assert.deepEqual(JSON.parse(JSON.stringify(client)), { baseUrl: sandbox.url });
});
