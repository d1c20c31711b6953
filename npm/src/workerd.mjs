// The Cloudflare Workers entry (the `workerd` export condition). workerd compiles no wasm from bytes at
// run time, so the .wasm is imported as a module (wrangler's bundler hands it over compiled) and the
// glue instantiates it through instantiateWasm. No module-level code here may throw: workerd has no
// usable import.meta.url, no XMLHttpRequest, no window and no importScripts.

import createKycModule from '../dist/kyc-browser.mjs';
import wasmModule from '../dist/kyc-browser.wasm';
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
