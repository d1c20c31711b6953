// What the workerd and Vercel Edge entries share: the browser glue over a precompiled module, with
// Emscripten Fetch talking to the package's fetch adapter (those runtimes have no XMLHttpRequest).

import { createFetchXhr } from './transport/fetch-xhr.mjs';
import { packageUserAgent } from './transport/user-agent.mjs';
import { bindToWasm } from './wasm-loader.mjs';

/** The package's public functions over `createKycModule` (the browser glue) and its compiled .wasm. */
export function bindFetchRuntime(createKycModule, wasmModule) {
  return bindToWasm(
    (overrides) => createKycModule({ ...overrides, XMLHttpRequest: createFetchXhr({ userAgent: packageUserAgent() }) }),
    { module: wasmModule },
  );
}
