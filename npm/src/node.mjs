// The Node entry: loads the CommonJS glue with the .wasm bytes read from disk (Emscripten 3.1.6 would
// otherwise try to fetch() a file path on Node 18+) and gives Emscripten Fetch an XMLHttpRequest from
// xhr2 without ever setting globalThis.XMLHttpRequest.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { createClient, generateOnce } from './kyc-client.mjs';

export { KycError } from './kyc-error.mjs';

const require = createRequire(import.meta.url);
let loading;

function loadModule() {
  loading ??= Promise.resolve()
    .then(() => {
      const createKycModule = require('../dist/kyc-node.cjs');
      const wasmBinary = readFileSync(fileURLToPath(new URL('../dist/kyc-node.wasm', import.meta.url)));
      return createKycModule({ wasmBinary, XMLHttpRequest: require('xhr2') });
    })
    .catch((error) => {
      loading = undefined; // let a later call try again
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
