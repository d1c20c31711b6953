#!/usr/bin/env node
// One command: install the tool's deps if needed, build it, start a fresh FACEKI sandbox (unless
// FACEKI_BASE_URL, FACEKI_CLIENT_ID and FACEKI_CLIENT_SECRET name a real account), serve, print the address.
//
//   node web/serve.mjs [--port 4180] [--host 127.0.0.1]
//
// Only Node's own modules are imported statically: everything else is imported once it is installed
// (web/'s npm deps) or checked to be built (npm/dist), so a fresh clone gets there instead of a crash.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { port: { type: 'string', default: '4180' }, host: { type: 'string', default: '127.0.0.1' } },
});

// A no-op once they are installed; the repository's one lockfile is at the root.
execFileSync('bash', [fileURLToPath(new URL('../.ci/npm-deps', import.meta.url)), 'web'], { stdio: 'inherit' });
if (!existsSync(new URL('../npm/dist/kyc-browser.wasm', import.meta.url))) {
  console.error('npm/dist/kyc-browser.wasm is missing: run `bash .ci/build` first.');
  process.exit(1);
}

const { buildAdminTool } = await import('./build.mjs');
const { startAdminServer } = await import('./server.mjs');

const distDir = await buildAdminTool();
const facekiAccount = await openFacekiAccount();
const server = await startAdminServer({ distDir, port: Number(args.port), host: args.host, ...facekiAccount.settings });
// The sandbox answers cross-origin requests only from the page's own origins.
facekiAccount.allowOrigins(server.origins);

console.log(`FACEKI KYC admin tool: ${server.url}`);
console.log(facekiAccount.description);
console.log('Press Ctrl+C to stop.');

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await server.close();
    await facekiAccount.close();
    process.exit(0);
  });
}

async function openFacekiAccount() {
  const { FACEKI_BASE_URL, FACEKI_CLIENT_ID, FACEKI_CLIENT_SECRET } = process.env;
  if (FACEKI_BASE_URL && FACEKI_CLIENT_ID && FACEKI_CLIENT_SECRET) {
    return {
      settings: { facekiBaseUrl: FACEKI_BASE_URL, clientId: FACEKI_CLIENT_ID, clientSecret: FACEKI_CLIENT_SECRET },
      description: `FACEKI: ${FACEKI_BASE_URL} (credentials from the environment)`,
      allowOrigins: () => {},
      close: async () => {},
    };
  }
  const { startSandbox } = await import('faceki-kyc-link/sandbox');
  const sandbox = await startSandbox();
  return {
    settings: {
      facekiBaseUrl: sandbox.url,
      clientId: 'sandbox-client',
      clientSecret: 'sandbox-secret',
      environment: 'sandbox',
    },
    description: `FACEKI sandbox: ${sandbox.url} (workflow ID: sandbox-workflow)`,
    allowOrigins: (origins) => {
      for (const origin of origins) sandbox.allowOrigin(origin);
    },
    close: () => sandbox.close(),
  };
}
