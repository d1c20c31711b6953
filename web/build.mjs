// Builds the page with Vite, which takes faceki-kyc-link through its "browser" export condition
// exactly as a user's bundler would, and copies the .wasm as a hashed asset.

import { fileURLToPath } from 'node:url';

export const webDir = fileURLToPath(new URL('.', import.meta.url));

/** @param {{ outDir?: string }} [options] @returns {Promise<string>} the folder with index.html */
export async function buildAdminTool({ outDir = fileURLToPath(new URL('dist', import.meta.url)) } = {}) {
  const { build } = await import('vite');
  await build({ root: webDir, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}
