// Loads the wasm module once per process or page and shares it among clients. A failed load is
// forgotten, so a later call tries again.

import { createClient, generateOnce } from './kyc-client.mjs';
import { instantiateFromModule } from './precompiled-wasm.mjs';

/**
 * @param {(overrides: object) => Promise<object>} instantiate creates the Emscripten module
 * @param {object} [defaults] the entry's own configureWasm() overrides (workerd: its imported module)
 * @returns the package's public functions bound to that module
 */
export function bindToWasm(instantiate, defaults = {}) {
  let loading;
  let overrides = defaults;

  function loadModule() {
    loading ??= new Promise((resolve, reject) => {
      Promise.resolve()
        .then(() => instantiate(instantiateFromModule(overrides, reject)))
        .then(resolve, reject);
    }).catch((error) => {
      loading = undefined;
      throw new Error(`faceki-kyc-link: could not load its WebAssembly module: ${error.message}`, { cause: error });
    });
    return loading;
  }

  return {
    /** Before the first client: where the .wasm comes from ({ wasmBinary }, { locateFile } or { module }). */
    configureWasm(moduleOverrides) {
      overrides = { ...moduleOverrides };
      loading = undefined;
    },
    createKycClient: (options) => createClient(loadModule, options),
    generateKycLink: (request, options) => generateOnce(loadModule, request, options),
  };
}
