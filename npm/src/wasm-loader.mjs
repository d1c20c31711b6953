// Loads the wasm module once per process or page and shares it among clients. A failed load is
// forgotten, so a later call tries again.

import { createClient, generateOnce } from './kyc-client.mjs';

/**
 * @param {(overrides: object) => Promise<object>} instantiate creates the Emscripten module
 * @returns the package's public functions bound to that module
 */
export function bindToWasm(instantiate) {
  let loading;
  let overrides = {};

  function loadModule() {
    loading ??= Promise.resolve()
      .then(() => instantiate(overrides))
      .catch((error) => {
        loading = undefined;
        throw new Error(`faceki-kyc-link: could not load its WebAssembly module: ${error.message}`, { cause: error });
      });
    return loading;
  }

  return {
    /** Before the first client: where the .wasm comes from ({ wasmBinary } or { locateFile }). */
    configureWasm(moduleOverrides) {
      overrides = { ...moduleOverrides };
      loading = undefined;
    },
    createKycClient: (options) => createClient(loadModule, options),
    generateKycLink: (request, options) => generateOnce(loadModule, request, options),
  };
}
