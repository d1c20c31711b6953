// Security tests of the CLI (issue 11, findings 4 and 14): text from the server never drives the
// terminal, and numeric flags are read as decimal digits only.
// Run: node --test tests/js/security-cli.test.mjs
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import { runCli, sandboxEnv, sandboxFor, WORKFLOW } from './cli-harness.mjs';

const require = createRequire(import.meta.url);
const { runCommandLine } = require('../../npm/cli/main.cjs');
const { terminalSafe, terminalSafeJson } = require('../../npm/cli/terminal-safe.cjs');

// Anything a terminal acts on: C0 but the CLI's own line feeds, DEL, C1, separators and bidi controls.
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = 'x\u001b]0;pwned\u0007\u001b[2J\r\nfake line\u009b31m\u202egnp.exe\u2066\u007f';

/** The CLI in this process (fast, for the many usage cases), with output captured. */
async function runInProcess(argv, env = {}) {
  let stdout = '';
  let stderr = '';
  const io = {
    env: { PATH: process.env.PATH, ...env },
    stdout: { write: (text) => (stdout += text) },
    stderr: { write: (text) => (stderr += text) },
    process: { on() {}, off() {}, exit() {} },
  };
  const code = await runCommandLine(argv, io);
  return { code, stdout, stderr };
}

test('finding 4: terminalSafe escapes C0, DEL, C1, ESC sequences, CR, LF and bidi controls', () => {
  const samples = [
    '\u0000',
    '\u0007',
    '\t',
    '\n',
    '\r',
    '\u001b',
    '\u007f',
    '\u0080',
    '\u009b',
    '\u009d',
    '\u061c',
    '\u200e',
    '\u200f',
    '\u2028',
    '\u2029',
    '\u202a',
    '\u202e',
    '\u2066',
    '\u2069',
  ];
  for (const character of samples) {
    const escaped = terminalSafe(`a${character}b`);
    assert.doesNotMatch(escaped, RAW_CONTROL, JSON.stringify(character));
    assert.doesNotMatch(escaped, /\n/, JSON.stringify(character));
    assert.match(escaped, /^a\\(x[0-9a-f]{2}|u[0-9a-f]{4})b$/, JSON.stringify(character));
  }
  const plain = 'https://sdk.faceki.com/kycverify/abc-123?x=é';
  assert.equal(terminalSafe(plain), plain);
  assert.equal(terminalSafe('\u001b]0;pwned\u0007'), '\\x1b]0;pwned\\x07');

  const value = { linkId: HOSTILE, url: HOSTILE };
  const json = terminalSafeJson(value);
  assert.doesNotMatch(json, RAW_CONTROL);
  assert.deepEqual(JSON.parse(json), value, 'the JSON still means the same');
});

test('finding 4: a hostile link id and URL reach the terminal escaped, as text and as --json', async (t) => {
  const sandbox = await sandboxFor(t);
  for (const json of [false, true]) {
    const answer = { responseCode: 0, data: HOSTILE, url: `https://faceki.test/${HOSTILE}` };
    sandbox.failNext({ body: JSON.stringify(answer) });
    const args = ['generate', '--workflow-id', WORKFLOW, ...(json ? ['--json'] : [])];
    const result = await runCli(args, { env: sandboxEnv(sandbox) });
    // The core may refuse such an answer (BAD_RESPONSE, exit 4); either way nothing raw is printed.
    assert.ok([0, 4].includes(result.code), result.stderr);
    for (const text of [result.stdout, result.stderr]) {
      assert.doesNotMatch(text, RAW_CONTROL, `json: ${json}`);
      assert.doesNotMatch(text, /^fake line/m, 'no spoofed line');
    }
  }
});

test('finding 4: a hostile FACEKI message reaches the terminal escaped', async (t) => {
  const sandbox = await sandboxFor(t);
  sandbox.failNext({ body: JSON.stringify({ responseCode: 5001, message: HOSTILE }) });
  const result = await runCli(['generate', '--workflow-id', WORKFLOW], { env: sandboxEnv(sandbox) });
  assert.equal(result.code, 4, result.stderr);
  assert.match(result.stderr, /API_ERROR/);
  assert.match(result.stderr, /pwned/, 'the message is still shown');
  assert.doesNotMatch(result.stderr, RAW_CONTROL);
  assert.doesNotMatch(result.stderr, /^fake line/m);
});

test('finding 14: numeric flags take decimal digits only (0x10, 1e3, " 12", 12abc, -0 are usage errors)', async () => {
  const env = { FACEKI_TOKEN: 'a-token', FACEKI_BASE_URL: 'http://127.0.0.1:9' }; // never reached
  const commands = {
    'expiry-minutes': ['generate', '--workflow-id', WORKFLOW],
    'timeout-ms': ['generate', '--workflow-id', WORKFLOW],
    'max-retries': ['generate', '--workflow-id', WORKFLOW],
    concurrency: ['bulk', '--in', 'in.csv', '--out', 'out.csv'],
    port: ['sandbox'],
  };
  for (const [flag, command] of Object.entries(commands)) {
    const values = ['0x10', '1e3', ' 12', '12 ', '12abc', '-0', '-1', '+5', '1.5', '', '１２', '0012', '9'.repeat(20)];
    for (const value of values) {
      const what = `--${flag}=${JSON.stringify(value)}`;
      const result = await runInProcess([...command, `--${flag}=${value}`], env);
      assert.equal(result.code, 2, `${what}: ${result.stderr}`);
      assert.match(result.stderr, new RegExp(`^error: --${flag} must be a whole number`), what);
    }
  }
  // Good decimals still get through to the command's own range checks.
  const tooLarge = await runInProcess(['sandbox', '--port', '70000']);
  assert.equal(tooLarge.code, 2);
  assert.match(tooLarge.stderr, /--port must be from 0 to 65535/);
});
