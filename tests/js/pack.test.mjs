// The published files are complete: pack the package, install the tarball into an empty project,
// and generate a link from there with both the API and the CLI. Also prints the shipped sizes.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { BROWSER_BUDGET_GZIP_BYTES as BROWSER_BUDGET_GZIP } from '../bench/sizes.mjs';

const npmDir = fileURLToPath(new URL('../../npm/', import.meta.url));

function sizeOf(file) {
  const bytes = readFileSync(join(npmDir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

test('sizes of the shipped wasm and glue; the browser pair is within its budget', (t) => {
  const sizes = [
    'dist/kyc-node.wasm',
    'dist/kyc-node.cjs',
    'dist/kyc-browser.wasm',
    'dist/kyc-browser.mjs',
    'dist/index.cjs',
  ].map(sizeOf);
  for (const { file, raw, gzip } of sizes) t.diagnostic(`${file}: ${raw} B raw, ${gzip} B gzip`);
  const browserGzip = sizes
    .filter(({ file }) => file.startsWith('dist/kyc-browser.'))
    .reduce((sum, { gzip }) => sum + gzip, 0);
  t.diagnostic(`browser wasm + glue: ${browserGzip} B gzip (budget ${BROWSER_BUDGET_GZIP})`);
  console.log(JSON.stringify({ sizes, browserGzip }));
  assert.ok(sizes.every(({ raw }) => raw > 0));
  assert.ok(
    browserGzip < BROWSER_BUDGET_GZIP,
    `browser wasm + glue is ${browserGzip} B gzip, over ${BROWSER_BUDGET_GZIP}`,
  );
});

test('npm pack -> install into an empty project -> generate a link (API and CLI)', { timeout: 240000 }, async (t) => {
  const work = mkdtempSync(join(tmpdir(), 'kyc-pack-'));
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: npmDir, encoding: 'utf8' }),
  );
  const tarball = join(work, packed[0].filename);
  t.diagnostic(`tarball: ${packed[0].filename}, ${statSync(tarball).size} B, ${packed[0].entryCount} files`);
  const files = packed[0].files.map((entry) => entry.path);
  for (const needed of [
    'dist/kyc-node.wasm',
    'dist/kyc-node.cjs',
    'dist/index.cjs',
    'dist/kyc-browser.wasm',
    'index.mjs',
    'index.d.ts',
    'sandbox/index.cjs',
    'bin/faceki-kyc-link.cjs',
    'bulk/index.mjs',
    'dist/bulk.cjs',
    'redis/index.cjs',
    'redis/index.mjs',
    'redis/index.d.ts',
  ]) {
    assert.ok(files.includes(needed), `${needed} is packed`);
  }

  const project = join(work, 'project');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball], {
    cwd: project,
    encoding: 'utf8',
  });

  const script = `
    import { startSandbox } from 'faceki-kyc-link/sandbox';
    import { createKycClient } from 'faceki-kyc-link';
    import { execFileSync } from 'node:child_process';
    import { createRequire } from 'node:module';
    const sandbox = await startSandbox({ port: 0 });
    const client = await createKycClient({ baseUrl: sandbox.url, clientId: 'sandbox-client', clientSecret: 'sandbox-secret' });
    const viaApi = await client.generateKycLink({ workflowId: 'sandbox-workflow' });
    const cjs = createRequire(import.meta.url)('faceki-kyc-link');
    // faceki-kyc-link/bulk resolves for import and require alike, to one engine.
    const bulk = await import('faceki-kyc-link/bulk');
    if (bulk.toCsv([['=x']]) !== "'=x\\n" || createRequire(import.meta.url)('faceki-kyc-link/bulk').toCsv([['@y']]) !== "'@y\\n") {
      throw new Error('faceki-kyc-link/bulk did not load');
    }
    const viaRequire = await cjs.generateKycLink({ workflowId: 'sandbox-workflow' }, { baseUrl: sandbox.url, token: sandbox.issueToken() });
    const cli = await new Promise((resolve, reject) => {
      import('node:child_process').then(({ execFile }) => execFile('npx', ['--no-install', 'faceki-kyc-link', 'generate', '--workflow-id', 'sandbox-workflow', '--base-url', sandbox.url, '--json'],
        { env: { ...process.env, FACEKI_CLIENT_ID: 'sandbox-client', FACEKI_CLIENT_SECRET: 'sandbox-secret' } },
        (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout)))));
    });
    client.close();
    await sandbox.close();
    console.log(JSON.stringify({ api: viaApi.linkId, require: viaRequire.linkId, cli: cli.linkId }));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: project,
    encoding: 'utf8',
    timeout: 60000,
  });
  assert.equal(run.status, 0, run.stderr);
  const ids = JSON.parse(run.stdout.trim().split('\n').pop());
  for (const id of Object.values(ids)) assert.match(id, /^[0-9a-f-]{36}$/);
});
