// Cloudflare Workers: workerd itself (through miniflare), running a worker that wrangler bundled with no
// configuration, which imports 'faceki-kyc-link' (the `workerd` condition, the .wasm as a module).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Miniflare, supportedCompatibilityDate } from 'miniflare';

import { bundleWithWrangler } from './bundle.mjs';
import { assertScenario } from './expect.mjs';
import { startServers } from './servers.mjs';

// One before workerd dropped importScripts (2024-03-04) and had FinalizationRegistry (2025-05-05), and the
// newest this workerd knows.
const COMPATIBILITY_DATES = ['2024-01-01', supportedCompatibilityDate];

let servers;
let modules;
before(async () => {
  servers = await startServers();
  modules = await bundleWithWrangler(supportedCompatibilityDate);
  assert.ok(
    modules.some((module) => module.type === 'CompiledWasm'),
    'wrangler uploaded no .wasm module',
  );
});
after(() => servers?.close());

for (const compatibilityDate of COMPATIBILITY_DATES) {
  test(`workerd, compatibility date ${compatibilityDate}: the scenario from inside the worker`, async (t) => {
    // miniflare's default outbound network allows private addresses, so the worker reaches 127.0.0.1.
    const worker = new Miniflare({ modules, compatibilityDate });
    t.after(() => worker.dispose());
    const applicationId = `workerd-${compatibilityDate}`;
    const response = await worker.dispatchFetch('http://worker/', {
      method: 'POST',
      body: JSON.stringify(servers.config(applicationId)),
    });
    const text = await response.text();
    assert.equal(response.status, 200, text);
    assertScenario(JSON.parse(text), servers, applicationId, 'workerd');
  });
}

test('workerd: concurrent requests on a cold worker, one client each (as the README shows)', async (t) => {
  const worker = new Miniflare({ modules, compatibilityDate: supportedCompatibilityDate });
  t.after(() => worker.dispose());
  const applicationIds = ['a', 'b', 'c', 'd'].map((name) => `workerd-concurrent-${name}`);
  const reports = await Promise.all(
    applicationIds.map(async (applicationId) => {
      const body = JSON.stringify(servers.config(applicationId));
      const response = await worker.dispatchFetch('http://worker/', { method: 'POST', body });
      const text = await response.text();
      assert.equal(response.status, 200, text);
      return JSON.parse(text);
    }),
  );
  for (const [index, report] of reports.entries()) assertScenario(report, servers, applicationIds[index], 'workerd');
});
