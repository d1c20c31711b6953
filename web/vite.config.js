import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'es2022',
    // The wasm stays a separate file (fetched and compiled under 'wasm-unsafe-eval'), never a data: URL.
    assetsInlineLimit: (file) => (file.endsWith('.wasm') ? false : undefined),
  },
});
