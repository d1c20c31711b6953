// configureWasm({ module }): a WebAssembly.Module compiled ahead of time (as workerd and Vercel Edge
// hand one over) is instantiated through Emscripten's instantiateWasm, with no bytes read or compiled.
// Each test file runs in its own process, so configuring the package here touches no other test.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import { configureWasm, createKycClient } from '../../npm/index.mjs';
import { sandboxFor, WORKFLOW } from './support.mjs';

const wasmFile = new URL('../../npm/dist/kyc-node.wasm', import.meta.url);

test('a non-module is refused with a clear message, and a real one then loads and makes a link', async (t) => {
  const sandbox = await sandboxFor(t);
  configureWasm({ module: new Uint8Array(await readFile(wasmFile)) });
  const options = { baseUrl: sandbox.url, token: sandbox.issueToken() };
  await assert.rejects(createKycClient(options), /needs a WebAssembly\.Module/);

  configureWasm({ module: await WebAssembly.compile(await readFile(wasmFile)) });
  const client = await createKycClient(options);
  t.after(() => client.close());
  const link = await client.generateKycLink({ workflowId: WORKFLOW, applicationId: 'precompiled' });
  assert.equal(link.linkId, sandbox.links.at(-1).linkId);
});

test('a module that does not fit the glue rejects the load, never leaves it pending', { timeout: 10_000 }, async () => {
  // A valid module with none of the glue's exports: instantiation succeeds, the glue's setup fails.
  const empty = await WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  configureWasm({ module: empty });
  await assert.rejects(createKycClient({ token: 'x' }), /could not load its WebAssembly module/);
});
