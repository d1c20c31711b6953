// Each runtime's entry lists the public functions itself (ESM named exports are static, so they cannot
// come from one shared list): every entry must export exactly the values index.d.ts declares, so a new
// export missing from one runtime fails here instead of at a user's import.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createRequire } from 'node:module';

import { NPM_DIR } from './support.mjs';

const require = createRequire(import.meta.url);
const esbuild = require(require.resolve('esbuild', { paths: [NPM_DIR] }));

const ENTRIES = [
  'index.mjs',
  'src/node.mjs',
  'src/browser.mjs',
  'src/bun.mjs',
  'src/workerd.mjs',
  'src/edge-light.mjs',
];

function declaredValues() {
  const types = readFileSync(join(NPM_DIR, 'index.d.ts'), 'utf8');
  return [...types.matchAll(/^export (?:declare )?(?:function|class|const) (\w+)/gm)].map((match) => match[1]);
}

/** The names an ES module exports, read by esbuild without running it (some import .wasm files). */
async function exportsOf(entry) {
  const result = await esbuild.build({
    entryPoints: [join(NPM_DIR, entry)],
    bundle: false,
    format: 'esm',
    write: false,
    metafile: true,
    outdir: '/nonexistent',
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  return output.exports;
}

test('every runtime entry exports exactly the values index.d.ts declares', async () => {
  const declared = [...new Set(declaredValues())].sort();
  assert.ok(declared.includes('createKycClient') && declared.length >= 8, `read from index.d.ts: ${declared}`);
  for (const entry of ENTRIES) {
    assert.deepEqual([...(await exportsOf(entry))].sort(), declared, entry);
  }
});

test('the CommonJS build exports the same values', () => {
  const cjs = require(join(NPM_DIR, 'dist/index.cjs'));
  assert.deepEqual(Object.keys(cjs).sort(), [...new Set(declaredValues())].sort());
});
