// The Node entry: loads the CommonJS glue with the .wasm bytes read from disk (Emscripten 3.1.6 would
// otherwise try to fetch() a file path on Node 18+) and gives Emscripten Fetch the package's own
// XMLHttpRequest-shaped adapter over node:http (src/transport), never a global.

import { createNodeXhr } from './transport/node-xhr.mjs';
import { packageUserAgent } from './transport/user-agent.mjs';
import { bindToWasm } from './wasm-loader.mjs';
import { loadNodeGlue } from './node-glue.cjs';

export { KycError } from './kyc-error.mjs';
export { createMemoryStore } from './stores/memory-store.mjs';
export { settledRecord } from './settled-record.mjs';

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
  const { createKycModule, readWasmBinary } = loadNodeGlue();
  const wasmBinary = overrides.wasmBinary ?? readWasmBinary();
  return createKycModule({
    ...overrides,
    XMLHttpRequest: createNodeXhr({ userAgent: packageUserAgent() }),
    wasmBinary,
  });
});
