// The browser and bundler entry: the ES module glue, with the .wasm found through
// new URL(..., import.meta.url) so Vite and webpack copy it. Emscripten Fetch talks to the package's
// fetch adapter (src/transport), not the page's XMLHttpRequest, which would follow redirects silently.
// configureWasm({ wasmBinary }, { locateFile } or { module }) serves the binary some other way.

import createKycModule from '../dist/kyc-browser.mjs';
import { createFetchXhr } from './transport/fetch-xhr.mjs';
import { packageUserAgent } from './transport/user-agent.mjs';
import { bindToWasm } from './wasm-loader.mjs';

export { KycError } from './kyc-error.mjs';
export { createMemoryStore } from './stores/memory-store.mjs';
export { settledRecord } from './settled-record.mjs';

const wasmUrl = new URL('../dist/kyc-browser.wasm', import.meta.url).href;

export const {
  configureWasm,
  createKycClient,
  generateKycLink,
  parseWebhook,
  createWebhookHandler,
  createWebhookFetchHandler,
  kycFacts,
  validateKycLinkRequest,
} = bindToWasm((overrides) =>
  createKycModule({
    locateFile: (file) => (file.endsWith('.wasm') ? wasmUrl : file),
    ...overrides,
    XMLHttpRequest: createFetchXhr({ userAgent: packageUserAgent() }),
  }),
);
