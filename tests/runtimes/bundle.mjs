// Bundles worker.mjs as each platform does: with wrangler itself for Cloudflare, and for Vercel with
// esbuild set up as Vercel's bundler is (its export conditions, what it makes of a .wasm?module import).

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));
const entryPoint = path.join(here, 'worker.mjs');

/**
 * wrangler itself (`wrangler deploy --dry-run`, no configuration file) bundles worker.mjs: its own
 * conditions (workerd, worker, browser) and its default module rules (a `.wasm` becomes CompiledWasm).
 * Returns the modules it would upload, in the form miniflare takes.
 */
export async function bundleWithWrangler(compatibilityDate) {
  // A scratch folder as wrangler's working directory too: it keeps its own state in .wrangler/ there.
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'kyc-wrangler-'));
  const outdir = path.join(scratch, 'out');
  try {
    const args = ['deploy', '--dry-run', '--outdir', outdir, '--name', 'kyc-runtime-test', '--compatibility-date'];
    await run(path.join(here, '../../node_modules/.bin/wrangler'), [...args, compatibilityDate, entryPoint], scratch);
    const files = await readdir(outdir);
    const read = (file) => readFile(path.join(outdir, file));
    // The entry first: miniflare takes the first module as the main one.
    const modules = [{ type: 'ESModule', path: 'worker.js', contents: (await read('worker.js')).toString() }];
    for (const file of files.filter((name) => name.endsWith('.wasm'))) {
      modules.push({ type: 'CompiledWasm', path: file, contents: await read(file) });
    }
    return modules;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
    execFile(command, args, { cwd, env }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(command)} failed: ${error.message}\n${stderr}${stdout}`));
      else resolve();
    });
  });
}

/**
 * Vercel (Next.js's edge build): conditions led by edge-light; a `.wasm?module` import becomes
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
  const listen = "addEventListener('fetch', (event) => event.respondWith(edgeWorker.handle(event.request)));";
  const script = `${result.outputFiles[0].text}\n${listen}`;
  return { script, wasm };
}
