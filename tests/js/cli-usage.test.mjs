// The CLI's answers to a mistyped command line (issue 13, item 10): --version, did-you-mean for an
// unknown flag, secrets refused as flags, flag names (not JS fields) in messages, and sandbox port
// problems as usage errors. Run: node --test tests/js/cli-usage.test.mjs
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { test } from 'node:test';

import { runCli, sandboxEnv, sandboxFor, WORKFLOW } from './cli-harness.mjs';

const { version } = JSON.parse(readFileSync(new URL('../../npm/package.json', import.meta.url), 'utf8'));

/** A usage error: exit 2, one `error:` line (no stack trace), then the pointer to --help. */
function assertUsageError(result, pattern) {
  assert.equal(result.code, 2, result.stderr);
  const [first, ...rest] = result.stderr.trimEnd().split('\n');
  assert.match(first, pattern);
  assert.deepEqual(rest, ['Run "faceki-kyc-link --help" for usage.']);
  assert.doesNotMatch(result.stderr, /internal error|\n\s+at /);
}

test('--version prints the package version', async () => {
  for (const args of [['--version'], ['generate', '--version'], ['sandbox', '--version']]) {
    const result = await runCli(args);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `${version}\n`);
  }
});

test("an unknown flag gets a did-you-mean from the command's own flags", async () => {
  for (const [args, suggestion] of [
    [['generate', '--workflowId', WORKFLOW], '--workflow-id'],
    [['generate', '--expiry_minutes', '5'], '--expiry-minutes'],
    [['bulk', '--concurency', '4'], '--concurrency'],
    [['sandbox', '--prot', '0'], '--port'],
  ]) {
    const result = await runCli(args);
    assertUsageError(result, new RegExp(`^error: unknown flag ${args[1]} \\(did you mean ${suggestion}\\?\\)$`));
  }
  assertUsageError(await runCli(['generate', '--frobnicate']), /^error: unknown flag --frobnicate$/);
  // Only the command's own flags are suggested: --concurrency belongs to bulk.
  assertUsageError(await runCli(['generate', '--concurrency', '3']), /^error: unknown flag --concurrency$/);
});

test('a secret given as a flag is refused with its environment variable, and never echoed', async (t) => {
  const sandbox = await sandboxFor(t);
  const secret = 'S3cr3t-given-as-a-flag';
  for (const [flag, variable] of [
    ['--client-secret', 'FACEKI_CLIENT_SECRET'],
    ['--clientSecret', 'FACEKI_CLIENT_SECRET'],
    ['--token', 'FACEKI_TOKEN'],
  ]) {
    for (const command of [
      ['generate', '--workflow-id', WORKFLOW],
      ['bulk', '--in', 'in.csv', '--out', 'out.csv'],
    ]) {
      for (const args of [[flag, secret], [`${flag}=${secret}`]]) {
        const result = await runCli([...command, ...args], { env: sandboxEnv(sandbox) });
        assertUsageError(result, new RegExp(`^error: ${flag} is not a flag: .*set ${variable}$`));
        assert.ok(!(result.stdout + result.stderr).includes(secret), 'the value is not echoed');
      }
    }
  }
  assert.deepEqual(sandbox.stats(), { tokenRequests: 0, linkRequests: 0 });
});

test('a bad --expiry-minutes names the flag, not the JS field', async (t) => {
  const sandbox = await sandboxFor(t);
  for (const value of ['1d', '0', '525601']) {
    const args = ['generate', '--workflow-id', WORKFLOW, '--expiry-minutes', value];
    const result = await runCli(args, { env: sandboxEnv(sandbox) });
    assertUsageError(result, /^error: --expiry-minutes /);
    assert.doesNotMatch(result.stderr, /expiryTime/);
  }
  assert.deepEqual(sandbox.stats(), { tokenRequests: 0, linkRequests: 0 });
});

test('sandbox: a bad --port or a port in use is a usage error (exit 2), not an internal one', async (t) => {
  assertUsageError(await runCli(['sandbox', '--port', 'abc']), /^error: --port must be a whole number/);
  assertUsageError(await runCli(['sandbox', '--port', '65536']), /^error: --port must be from 0 to 65535$/);

  const taken = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => taken.once('listening', resolve));
  t.after(() => taken.close());
  const { port } = taken.address();
  const inUse = await runCli(['sandbox', '--port', String(port)]);
  assertUsageError(inUse, new RegExp(`^error: 127\\.0\\.0\\.1 port ${port} is already in use`));
});
