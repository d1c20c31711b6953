// Bundles worker.mjs the way each platform's tooling does, with esbuild: the export conditions it sets,
// and what it makes of a .wasm import.

import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const entryPoint = fileURLToPath(new URL('worker.mjs', import.meta.url));

/**
 * wrangler: conditions workerd, worker, browser; a `.wasm` import stays an import of a module that
 * wrangler uploads beside the script as CompiledWasm. Returns the modules miniflare takes.
 */
export async function bundleForWorkerd() {
  const wasm = [];
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    logLevel: 'error',
    plugins: [
      {
        name: 'compiled-wasm',
        setup(esbuild) {
          esbuild.onResolve({ filter: /\.wasm$/ }, (args) => {
            const file = path.resolve(args.resolveDir, args.path);
            wasm.push(file);
            return { path: `./${path.basename(file)}`, external: true };
          });
        },
      },
    ],
  });
  const modules = [{ type: 'ESModule', path: 'worker.mjs', contents: result.outputFiles[0].text }];
  for (const file of wasm) modules.push({ type: 'CompiledWasm', path: path.basename(file), contents: await readFile(file) });
  return modules;
}

/**
 * Vercel (Next.js's edge build): conditions edge-light, worker, browser; a `.wasm?module` import becomes
 * a global binding that the Edge sandbox defines as a compiled module. Returns the script (the Edge
 * runtime runs scripts, not modules) and the .wasm files by binding name.
 */
export async function bundleForEdge() {
  const wasm = {};
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'edgeWorker',
    target: 'es2022',
    conditions: ['edge-light', 'worker', 'browser'],
    logLevel: 'error',
    plugins: [
      {
        name: 'wasm-module-binding',
        setup(esbuild) {
          esbuild.onResolve({ filter: /\.wasm\?module$/ }, (args) => ({
            path: path.resolve(args.resolveDir, args.path.replace(/\?module$/, '')),
            namespace: 'wasm-binding',
          }));
          esbuild.onLoad({ filter: /.*/, namespace: 'wasm-binding' }, (args) => {
            const binding = `wasm_${Object.keys(wasm).length}`;
            wasm[binding] = args.path;
            return { contents: `export default globalThis.${binding};`, loader: 'js' };
          });
        },
      },
    ],
  });
  const script = `${result.outputFiles[0].text}\naddEventListener('fetch', (event) => event.respondWith(edgeWorker.handle(event.request)));`;
  return { script, wasm };
}
