// The Bun entry: the browser build and the fetch adapter, as in browser.mjs, but with the .wasm bytes
// fetched here and handed over as wasmBinary. Bun's WebAssembly.instantiateStreaming keeps nothing on
// its event loop (Bun 1.4): a script that does not await its first client exited before it was ready.

import createKycModule from '../dist/kyc-browser.mjs';
import { createFetchXhr } from './transport/fetch-xhr.mjs';
import { packageUserAgent } from './transport/user-agent.mjs';
import { bindToWasm } from './wasm-loader.mjs';

export { KycError } from './kyc-error.mjs';
export { createMemoryStore } from './stores/memory-store.mjs';
export { settledRecord } from './settled-record.mjs';

async function wasmBytes() {
  const response = await fetch(new URL('../dist/kyc-browser.wasm', import.meta.url));
  if (!response.ok) throw new Error(`the .wasm could not be read (status ${response.status})`);
  return response.arrayBuffer();
}

export const {
  configureWasm,
  createKycClient,
  generateKycLink,
  parseWebhook,
  createWebhookHandler,
  createWebhookFetchHandler,
  kycFacts,
  validateKycLinkRequest,
} = bindToWasm(async (overrides) => {
  const needsBytes = !overrides.wasmBinary && !overrides.instantiateWasm;
  return createKycModule({
    ...(needsBytes && { wasmBinary: await wasmBytes() }),
    ...overrides,
    XMLHttpRequest: createFetchXhr({ userAgent: packageUserAgent() }),
  });
});
