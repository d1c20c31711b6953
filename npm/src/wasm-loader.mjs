// Loads the wasm module once per process or page and shares it among clients. A failed load is
// forgotten, so a later call tries again; so is a module that stopped (pre.js: out of memory, a trap),
// so the next client gets a fresh one.

import { createClient, generateOnce, validateIn } from './kyc-client.mjs';
import { instantiateFromModule } from './precompiled-wasm.mjs';
import { createClientWithStores, wantsStores } from './stores/store-client.mjs';
import { parseWebhookOn } from './webhook.mjs';
import { createWebhookFetchHandler, createWebhookHandler } from './webhook-handlers.mjs';

/**
 * @param {(overrides: object) => Promise<object>} instantiate creates the Emscripten module
 * @param {object} [defaults] the entry's own configureWasm() overrides (workerd: its imported module)
 * @returns the package's public functions bound to that module
 */
export function bindToWasm(instantiate, defaults = {}) {
  let loading;
  let overrides = defaults;

  function startLoading() {
    const attempt = new Promise((resolve, reject) => {
      Promise.resolve()
        .then(() => instantiate(instantiateFromModule(overrides, reject)))
        .then(resolve, reject);
    }).catch((error) => {
      if (loading === attempt) loading = undefined;
      throw new Error(`faceki-kyc-link: could not load its WebAssembly module: ${error.message}`, { cause: error });
    });
    return attempt;
  }

  async function loadModule() {
    loading ??= startLoading();
    const module = await loading;
    if (!module.kycStoppedError()) return module;
    loading = startLoading();
    return loading;
  }

  const openClient = (options) =>
    wantsStores(options) ? createClientWithStores(loadModule, options) : createClient(loadModule, options);

  return {
    /** Before the first client: where the .wasm comes from ({ wasmBinary }, { locateFile } or { module }). */
    configureWasm(moduleOverrides) {
      overrides = { ...moduleOverrides };
      loading = undefined;
    },
    createKycClient: openClient,
    generateKycLink: (request, options) => generateOnce(openClient, request, options),
    /** Async: the wasm module may still be loading. Rejects with KycError. */
    parseWebhook: async (input, options) => parseWebhookOn(await loadModule(), input, options),
    createWebhookHandler: (options) => createWebhookHandler(loadModule, options),
    createWebhookFetchHandler: (options) => createWebhookFetchHandler(loadModule, options),
    /** The request rules without a client (no credentials needed): resolves to [] or the issues. */
    validateKycLinkRequest: async (request) => validateIn(await loadModule(), request),
    /** The codes and limits the C++ core defines (src/wasm/facts.cpp): { errorCodes, reasons, limits }. */
    kycFacts: async () => (await loadModule()).kycFacts(),
  };
}
