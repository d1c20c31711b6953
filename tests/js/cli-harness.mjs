// Shared by the tests/js/cli-*.test.mjs files: the CLI run as a child process against a sandbox
// started in this process, and CSV files in a temporary folder. Built on support.mjs, which holds the
// credentials, the sandbox per test and the secret-leak check for every test file.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { assertNoSecrets, CLIENT_ID, CLIENT_SECRET, sandboxFor, WORKFLOW } from './support.mjs';

export { CLIENT_ID, CLIENT_SECRET, sandboxFor, WORKFLOW } from './support.mjs';

const npmRequire = createRequire(new URL('../../npm/package.json', import.meta.url));
const { parse } = npmRequire('csv-parse/sync');
const { stringify } = npmRequire('csv-stringify/sync');

export const BIN = fileURLToPath(new URL('../../npm/bin/faceki-kyc-link.cjs', import.meta.url));

/** The environment a user would set: client credentials and the API address, nothing inherited. */
export function sandboxEnv(sandbox, extra = {}) {
  return {
    PATH: process.env.PATH,
    FACEKI_BASE_URL: sandbox.url,
    FACEKI_CLIENT_ID: CLIENT_ID,
    FACEKI_CLIENT_SECRET: CLIENT_SECRET,
    ...extra,
  };
}

/**
 * Starts the CLI. `exited` resolves to { code, signal, stdout, stderr } when it ends; `child` is there
 * to send it signals, `stderr()` is what it printed there so far.
 */
export function startCli(args, { env, cwd } = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, exited, stderr: () => stderr };
}

export function runCli(args, options) {
  return startCli(args, options).exited;
}

export function tempDir(t) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faceki-cli-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeCsv(file, rows, { bom = false, lineBreak = '\n' } = {}) {
  const text = stringify(rows, { record_delimiter: lineBreak === '\r\n' ? 'windows' : 'unix' });
  fs.writeFileSync(file, (bom ? '\ufeff' : '') + text);
}

/** Rows of a CSV file as objects keyed by its header; [] while it does not exist. */
export function readCsvObjects(file) {
  if (!fs.existsSync(file)) return [];
  return parse(fs.readFileSync(file, 'utf8'), { bom: true, columns: true });
}

export function peopleCsv(file, count, prefix = 'user') {
  const rows = [['applicationId', 'name']];
  for (let i = 1; i <= count; i++) rows.push([`${prefix}-${i}`, `Person ${i}`]);
  writeCsv(file, rows);
}

/**
 * Polls `condition` until it holds; for state in this process with no event to await (the sandbox's
 * lists, a child's output collected so far). Never for a file another process is writing.
 */
export async function until(condition, { timeoutMs = 20000, everyMs = 10 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** How many links the sandbox issued per applicationId. */
export function linksPerApplication(sandbox) {
  const counts = new Map();
  for (const link of sandbox.links) counts.set(link.applicationId, (counts.get(link.applicationId) ?? 0) + 1);
  return counts;
}

/** How many link requests reached the sandbox per applicationId (from its request log, answered or not). */
export function linkRequestsPerApplication(sandbox) {
  const counts = new Map();
  for (const entry of sandbox.requests) {
    if (entry.route !== 'link' || entry.body === null) continue;
    const { applicationId } = JSON.parse(entry.body);
    counts.set(applicationId, (counts.get(applicationId) ?? 0) + 1);
  }
  return counts;
}

/** Nothing secret in what the CLI printed: no client secret, no token, and no link URL on stderr. */
export function assertCliShowsNoSecrets(result, { tokens = [] } = {}) {
  assertNoSecrets(result, [CLIENT_SECRET, ...tokens]);
  assert.doesNotMatch(result.stderr, /\/kycverify\//, 'link URL on stderr');
}

/**
 * A sandbox, a temp folder with users.csv (rowCount people, when given) and links.csv's path, and the
 * bulk arguments at the bulk tests' concurrency; shared by the bulk test files.
 */
export const BULK_CONCURRENCY = 8;
export async function bulkSetup(t, rowCount, sandboxOptions) {
  const sandbox = await sandboxFor(t, sandboxOptions);
  const dir = tempDir(t);
  const inFile = path.join(dir, 'users.csv');
  const outFile = path.join(dir, 'links.csv');
  if (rowCount !== undefined) peopleCsv(inFile, rowCount);
  const args = [
    'bulk',
    '--in',
    inFile,
    '--out',
    outFile,
    '--workflow-id',
    WORKFLOW,
    '--concurrency',
    String(BULK_CONCURRENCY),
  ];
  return { sandbox, dir, inFile, outFile, args, env: sandboxEnv(sandbox) };
}
