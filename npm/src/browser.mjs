// The browser and bundler entry: the ES module glue, with the .wasm found through
// new URL(..., import.meta.url) so Vite and webpack copy it. Emscripten Fetch uses the page's own
// XMLHttpRequest. `wasmBinary` / `locateFile` let a page serve the binary some other way.

import createKycModule from '../dist/kyc-browser.mjs';
import { createClient, generateOnce } from './kyc-client.mjs';

export { KycError } from './kyc-error.mjs';

let loading;
let moduleOverrides = {};

/** Before the first client: how to fetch the .wasm ({ wasmBinary } or { locateFile }). */
export function configureWasm(overrides) {
  moduleOverrides = { ...overrides };
  loading = undefined;
}

function loadModule() {
  loading ??= createKycModule({
    locateFile: (file) => (file.endsWith('.wasm') ? new URL('../dist/kyc-browser.wasm', import.meta.url).href : file),
    ...moduleOverrides,
  }).catch((error) => {
    loading = undefined;
    throw new Error(`faceki-kyc-link: could not load its WebAssembly module: ${error.message}`, { cause: error });
  });
  return loading;
}

export function createKycClient(options) {
  return createClient(loadModule, options);
}

export function generateKycLink(request, options) {
  return generateOnce(loadModule, request, options);
}
