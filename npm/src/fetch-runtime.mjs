// What the workerd and Vercel Edge entries share: the browser glue over a precompiled module, with
// Emscripten Fetch talking to the package's fetch-based XMLHttpRequest (there is no other).
// PROVISIONAL until the lead's transport lands: the adapter is the page's XMLHttpRequest, if any.

import { bindToWasm } from './wasm-loader.mjs';

export function bindFetchRuntime(createKycModule, wasmModule) {
  return bindToWasm((overrides) => createKycModule({ ...overrides }), { module: wasmModule });
}
