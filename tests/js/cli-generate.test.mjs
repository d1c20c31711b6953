// `faceki-kyc-link generate` and `--help` against the sandbox: output, credentials from the
// environment, and one exit code per class of failure. Run: node --test tests/js/cli-generate.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import {
  assertCliShowsNoSecrets,
  CLIENT_SECRET,
  runCli,
  sandboxEnv,
  startCli,
  sandboxFor,
  until,
  WORKFLOW,
} from './cli-harness.mjs';

const GENERATE = ['generate', '--workflow-id', WORKFLOW];

/** A loopback port nothing listens on. */
async function closedPort() {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('prints the link id and URL, and JSON with --json', async (t) => {
  const sandbox = await sandboxFor(t);
  const text = await runCli([...GENERATE, '--application-id', 'user-1'], { env: sandboxEnv(sandbox) });
  assert.equal(text.code, 0, text.stderr);
  const [link] = sandbox.links;
  assert.equal(link.applicationId, 'user-1');
  assert.equal(text.stdout, `link id: ${link.linkId}\nurl:     ${sandbox.url}/kycverify/${link.linkId}\n`);

  const before = Date.now();
  const json = await runCli([...GENERATE, '--expiry-minutes', '60', '--json'], { env: sandboxEnv(sandbox) });
  assert.equal(json.code, 0, json.stderr);
  const printed = JSON.parse(json.stdout);
  assert.equal(printed.linkId, sandbox.links[1].linkId);
  assert.equal(printed.url, `${sandbox.url}/kycverify/${printed.linkId}`);
  assert.ok(Math.abs(Date.parse(printed.expiresAt) - before - 3600000) < 60000);
  for (const result of [text, json]) assertCliShowsNoSecrets(result);
});

test('FACEKI_TOKEN is a credential, and --base-url overrides FACEKI_BASE_URL', async (t) => {
  const sandbox = await sandboxFor(t);
  const token = sandbox.issueToken();
  const env = {
    PATH: process.env.PATH,
    FACEKI_TOKEN: token,
    FACEKI_BASE_URL: `http://127.0.0.1:${await closedPort()}`,
  };
  const result = await runCli([...GENERATE, '--base-url', sandbox.url], { env });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(sandbox.links.length, 1);
  assertCliShowsNoSecrets(result, { tokens: [token] });
});

test('exit 2: a request that fails validation, or no credentials; nothing is sent', async (t) => {
  const sandbox = await sandboxFor(t);
  const invalid = await runCli([...GENERATE, '--expiry-minutes', '0'], { env: sandboxEnv(sandbox) });
  assert.equal(invalid.code, 2);
  assert.match(invalid.stderr, /--expiry-minutes must be/);
  const noCredentials = await runCli(GENERATE, { env: { PATH: process.env.PATH, FACEKI_BASE_URL: sandbox.url } });
  assert.equal(noCredentials.code, 2);
  assert.match(noCredentials.stderr, /no credentials/);
  const missingFlag = await runCli(['generate'], { env: sandboxEnv(sandbox) });
  assert.equal(missingFlag.code, 2);
  assert.deepEqual(sandbox.stats(), { tokenRequests: 0, linkRequests: 0 });
});

test('exit 3: the credentials are refused', async (t) => {
  const sandbox = await sandboxFor(t);
  const result = await runCli(GENERATE, { env: sandboxEnv(sandbox, { FACEKI_CLIENT_SECRET: 'not-the-secret' }) });
  assert.equal(result.code, 3, result.stderr);
  assert.match(result.stderr, /UNAUTHORIZED/);
  assert.ok(!(result.stdout + result.stderr).includes('not-the-secret'));
});

test('exit 4: FACEKI answers with an error', async (t) => {
  const sandbox = await sandboxFor(t);
  const result = await runCli(['generate', '--workflow-id', 'unknown-workflow'], { env: sandboxEnv(sandbox) });
  assert.equal(result.code, 4, result.stderr);
  assert.match(result.stderr, /API_ERROR/);
  assertCliShowsNoSecrets(result);
});

test('exit 5: no answer', async (_t) => {
  const env = {
    PATH: process.env.PATH,
    FACEKI_TOKEN: 'some-token',
    FACEKI_BASE_URL: `http://127.0.0.1:${await closedPort()}`,
  };
  const result = await runCli([...GENERATE, '--max-retries', '0'], { env });
  assert.equal(result.code, 5, result.stderr);
  assert.match(result.stderr, /NETWORK_ERROR/);
  assert.ok(!result.stderr.includes('some-token'));
});

test('exit 130: Ctrl-C aborts the request in flight', async (t) => {
  const sandbox = await sandboxFor(t);
  sandbox.failNext({ delayMs: 30000 });
  const run = startCli(GENERATE, { env: sandboxEnv(sandbox) });
  await until(() => sandbox.stats().linkRequests === 1);
  run.child.kill('SIGINT');
  const result = await run.exited;
  assert.equal(result.code, 130, result.stderr);
  assert.match(result.stderr, /ABORTED/);
  assert.equal(sandbox.links.length, 0);
});

test('--help documents the commands and every exit code', async () => {
  const result = await runCli(['--help']);
  assert.equal(result.code, 0);
  assert.match(result.stdout, /faceki-kyc-link bulk --in users\.csv --out links\.csv/);
  for (const code of ['0', '1', '2', '3', '4', '5', '130'])
    assert.match(result.stdout, new RegExp(`^  ${code} +\\S`, 'm'));
  assert.ok(!result.stdout.includes(CLIENT_SECRET));
  const bare = await runCli([]);
  assert.equal(bare.code, 2);
});
