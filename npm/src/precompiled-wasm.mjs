// Emscripten's instantiateWasm hook over a WebAssembly.Module compiled ahead of time: workerd and Vercel
// Edge forbid compiling wasm from bytes at run time, so their entries import the .wasm as a module, and
// configureWasm({ module }) takes one for any other setup.

/**
 * The glue's overrides with `module` turned into an instantiateWasm hook. 3.1.6's glue never settles its
 * ready promise when an asynchronous hook fails, so the hook reports any failure through `fail`.
 */
export function instantiateFromModule({ module, ...overrides }, fail) {
  if (module === undefined) return overrides;
  // Not instanceof: a sandbox (Vercel's Edge runtime) may hand in a module compiled in another realm.
  if (Object.prototype.toString.call(module) !== '[object WebAssembly.Module]') {
    throw new TypeError('configureWasm({ module }) needs a WebAssembly.Module');
  }
  const instantiateWasm = (imports, receiveInstance) => {
    WebAssembly.instantiate(module, imports)
      .then((instance) => receiveInstance(instance, module))
      .catch(fail); // a module that does not fit the glue throws in receiveInstance
    return {}; // asynchronous: the glue waits for receiveInstance
  };
  // Without a locateFile the ES module glue computes new URL('kyc-browser.wasm', import.meta.url), which
  // throws where import.meta.url is no URL (workerd); with this one nothing ever fetches that name.
  return { locateFile: (file) => file, ...overrides, instantiateWasm };
}
