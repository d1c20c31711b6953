// Shared by the package tests: a sandbox per test, credentials, the secret-leak check, and tsc run as a
// TypeScript user would run it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';

import { createKycClient } from '../../npm/index.mjs';
import { startSandbox } from '../../npm/sandbox/index.cjs';

export const CLIENT_ID = 'sandbox-client';
export const CLIENT_SECRET = 'sandbox-secret-4f9a1c';
export const WORKFLOW = 'sandbox-workflow';

/** A sandbox with a recognisable secret, closed after the test. */
export async function sandboxFor(t, options = {}) {
  const sandbox = await startSandbox({ clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }], ...options });
  t.after(() => sandbox.close());
  return sandbox;
}

/**
 * Fails when any secret appears in what `subject` shows: a CLI run's stdout and stderr, or an error's
 * message, JSON, inspect output and stack.
 */
export function assertNoSecrets(subject, secrets) {
  const isRun = typeof subject?.stdout === 'string' && typeof subject?.stderr === 'string';
  const views = isRun
    ? [subject.stdout, subject.stderr]
    : [String(subject?.message), JSON.stringify(subject), inspect(subject, { depth: 5 }), String(subject?.stack)];
  for (const secret of secrets.filter(Boolean)) {
    for (const view of views) assert.ok(!view.includes(secret), `a secret leaked into: ${view}`);
  }
}

/** Resolves with the rejection of `promise`, failing if it fulfils. */
export async function rejectionOf(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the call to reject');
}

/** A port with nothing listening on it (bound, then released). */
export async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TCP server that accepts connections and never answers (for timeouts). */
export async function silentServer(t) {
  const sockets = new Set();
  const server = createServer((socket) => sockets.add(socket));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(resolve));
  });
  return `http://127.0.0.1:${server.address().port}`;
}

/** The package's folder (npm/), and the repository's one node_modules (npm workspaces). */
export const NPM_DIR = fileURLToPath(new URL('../../npm/', import.meta.url));
export const NODE_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));

/**
 * tsc --strict --noEmit over `files`, with Node's types, as a TypeScript user compiles against the package.
 * @returns {{ status: number | null, stdout: string, stderr: string }}
 */
export function typecheck(files, { cwd, skipLibCheck = false } = {}) {
  const tsc = join(NODE_MODULES, 'typescript/bin/tsc');
  const flags = ['--strict', '--noEmit', '--target', 'es2022', '--module', 'nodenext', '--types', 'node'];
  if (skipLibCheck) flags.push('--skipLibCheck');
  return spawnSync(process.execPath, [tsc, ...flags, '--typeRoots', join(NODE_MODULES, '@types'), ...files], {
    cwd,
    encoding: 'utf8',
  });
}

/** A client of the sandbox's credentials over shared stores ({ tokenStore, linkStore }), reusing links. */
export async function storeClientFor(t, sandbox, stores, extra = {}) {
  const kyc = await createKycClient({
    baseUrl: sandbox.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    tokenStore: stores.tokenStore,
    linkStore: stores.linkStore,
    reuseLinks: true,
    ...extra,
  });
  t.after(() => kyc.close());
  return kyc;
}
