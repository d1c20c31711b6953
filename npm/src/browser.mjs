// The browser and bundler entry: the ES module glue, with the .wasm found through
// new URL(..., import.meta.url) so Vite and webpack copy it. Emscripten Fetch uses the page's own
// XMLHttpRequest. configureWasm({ wasmBinary } or { locateFile }) serves the binary some other way.

import createKycModule from '../dist/kyc-browser.mjs';
import { bindToWasm } from './wasm-loader.mjs';

export { KycError } from './kyc-error.mjs';

const wasmUrl = new URL('../dist/kyc-browser.wasm', import.meta.url).href;

export const { configureWasm, createKycClient, generateKycLink } = bindToWasm((overrides) =>
  createKycModule({ locateFile: (file) => (file.endsWith('.wasm') ? wasmUrl : file), ...overrides })
);
