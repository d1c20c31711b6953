// The Node entry: loads the CommonJS glue with the .wasm bytes read from disk (Emscripten 3.1.6 would
// otherwise try to fetch() a file path on Node 18+) and gives Emscripten Fetch the package's own
// XMLHttpRequest-shaped adapter over node:http (src/transport), never a global.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { createNodeXhr } from './transport/node-xhr.mjs';
import { packageUserAgent } from './transport/user-agent.mjs';
import { bindToWasm } from './wasm-loader.mjs';

export { KycError } from './kyc-error.mjs';
export { createMemoryStore } from './stores/memory-store.mjs';
export { settledRecord } from './wait-for-verification.mjs';

const require = createRequire(import.meta.url);

export const {
  configureWasm,
  createKycClient,
  generateKycLink,
  parseWebhook,
  createWebhookHandler,
  createWebhookFetchHandler,
  kycFacts,
  validateKycLinkRequest,
} = bindToWasm((overrides) => {
  const createKycModule = require('../dist/kyc-node.cjs');
  const wasmBinary = overrides.wasmBinary ?? readFileSync(fileURLToPath(new URL('../dist/kyc-node.wasm', import.meta.url)));
  return createKycModule({ ...overrides, XMLHttpRequest: createNodeXhr({ userAgent: packageUserAgent() }), wasmBinary });
});
