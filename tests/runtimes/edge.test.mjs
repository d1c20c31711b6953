// Vercel's Edge runtime (the `edge-runtime` package: the VM that `vercel dev` and Next.js run edge code
// in), with wasm compilation from bytes forbidden as on Vercel. The function is bundled as Vercel
// does: the `edge-light` condition, the `.wasm?module` import given to the sandbox as a compiled module.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';

import { EdgeRuntime } from 'edge-runtime';

import { bundleForEdge } from './bundle.mjs';
import { assertScenario } from './expect.mjs';
import { startServers } from './servers.mjs';

let servers;
let bundle;
before(async () => {
  servers = await startServers();
  bundle = await bundleForEdge();
});
after(() => servers?.close());

test('edge-runtime: the scenario from inside the edge function', async () => {
  const bindings = {};
  for (const [name, file] of Object.entries(bundle.wasm)) {
    bindings[name] = await WebAssembly.compile(await readFile(file));
  }
  assert.ok(Object.keys(bindings).length > 0, 'the bundle imports no .wasm?module');
  const runtime = new EdgeRuntime({
    codeGeneration: { strings: false, wasm: false },
    extend: (context) => Object.assign(context, bindings),
    initialCode: bundle.script,
  });
  const applicationId = 'edge-runtime';
  const response = await runtime.dispatchFetch('http://edge/', {
    method: 'POST',
    body: JSON.stringify(servers.config(applicationId)),
  });
  const text = await response.text();
  assert.equal(response.status, 200, text);
  assertScenario(JSON.parse(text), servers, applicationId, 'edge-runtime');
});
