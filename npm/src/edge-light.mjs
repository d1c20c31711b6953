// The Vercel Edge entry (the `edge-light` export condition). Like workerd, the Edge runtime compiles no
// wasm from bytes at run time: Vercel's bundler turns a `.wasm?module` import into a compiled module.

import createKycModule from '../dist/kyc-browser.mjs';
import wasmModule from '../dist/kyc-browser.wasm?module';
import { bindFetchRuntime } from './fetch-runtime.mjs';

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
} = bindFetchRuntime(createKycModule, wasmModule);
