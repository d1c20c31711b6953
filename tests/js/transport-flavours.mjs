// The package's two transport flavours, both run in Node over the Node glue: the node:http adapter
// (what Node users get) and the fetch adapter (what browsers, workers, Deno, Bun and edge runtimes get,
// here over Node's own fetch). Each flavour is a fresh loader with the module it made in view, so a test
// can read wasm memory or make the module stop.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { createFetchXhr } from '../../npm/src/transport/fetch-xhr.mjs';
import { createNodeXhr } from '../../npm/src/transport/node-xhr.mjs';
import { packageUserAgent } from '../../npm/src/transport/user-agent.mjs';
import { bindToWasm } from '../../npm/src/wasm-loader.mjs';

const require = createRequire(import.meta.url);
const createKycModule = require('../../npm/dist/kyc-node.cjs');
const wasmBinary = readFileSync(new URL('../../npm/dist/kyc-node.wasm', import.meta.url));

const ADAPTERS = {
  'node:http': () => createNodeXhr({ userAgent: packageUserAgent() }),
  fetch: () => createFetchXhr({ userAgent: packageUserAgent() }),
};

export const FLAVOURS = Object.keys(ADAPTERS);

/** { createKycClient, modules } for one flavour; modules lists every wasm module it instantiated. */
export function packageOver(flavour) {
  const modules = [];
  const bound = bindToWasm(async (overrides) => {
    const module = await createKycModule({ ...overrides, XMLHttpRequest: ADAPTERS[flavour](), wasmBinary });
    modules.push(module);
    return module;
  });
  return { ...bound, modules };
}
